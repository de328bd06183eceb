// Rebuilding a parsed query with some of its parts replaced: what typo widening and name
// variant expansion (leaf terms) and dotted acronyms (phrases) do to the QueryParser's tree.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace gazette {

// The word(s) a user typed behind a leaf term: the term itself when unprefixed, the unstemmed
// words of a "Z" stem (from `parser`, which parsed the query); none for field-prefixed terms
// (an uppercase prefix), which are never rewritten.
std::vector<std::string> words_behind(const std::string& term, const Xapian::QueryParser& parser);

// Which leaves a rewrite reaches.
enum class RewriteScope {
    // Every leaf under the operators that can be rebuilt: an excluded or filtering word
    // changes as the searched ones do (a name excluded is excluded in all its spellings).
    kAllLeaves,
    // Only the positive parts: the right of AND_NOT (NOT, -word) and of FILTER (filters)
    // keep meaning exactly what was typed.
    kPositiveLeaves,
};

// Returns `q` with each reachable subquery that `node(subquery, changed)` replaces (it sets
// `changed` when it returned something else) replaced, and the rest searched further down.
// Operators whose only parameters are their subqueries are rebuilt; the others (phrases and
// NEAR with their windows, wildcards, synonyms, value ranges, scaled weights, posting
// sources) are offered to `node` whole and kept whole if it leaves them. Unchanged parts are
// the same Query objects, and `q` itself comes back when nothing changed.
template <typename Node>
Xapian::Query rewrite_nodes(const Xapian::Query& q, RewriteScope scope, const Node& node,
                            bool& changed) {
    bool replaced = false;
    Xapian::Query out = node(q, replaced);
    if (replaced) {
        changed = true;
        return out;
    }
    auto op = q.get_type();
    std::size_t reachable = q.get_num_subqueries();
    switch (op) {
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
            if (scope == RewriteScope::kPositiveLeaves)
                reachable = std::min<std::size_t>(reachable, 1);
            break;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_MAX:
            break;
        default:
            return q;
    }
    std::vector<Xapian::Query> subs;
    bool any = false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        subs.push_back(i < reachable ? rewrite_nodes(q.get_subquery(i), scope, node, any)
                                     : q.get_subquery(i));
    }
    if (!any)
        return q;
    changed = true;
    return Xapian::Query(op, subs.begin(), subs.end());
}

// rewrite_nodes for leaf terms alone: each reachable leaf replaced by
// `leaf(leaf_query, changed)`.
template <typename Leaf>
Xapian::Query rewrite_leaves(const Xapian::Query& q, RewriteScope scope, const Leaf& leaf,
                             bool& changed) {
    return rewrite_nodes(
        q, scope,
        [&leaf](const Xapian::Query& sub, bool& replaced) {
            return sub.get_type() == Xapian::Query::LEAF_TERM ? leaf(sub, replaced) : sub;
        },
        changed);
}

}  // namespace gazette
