#include "searcher/query/dotted_acronyms.h"

#include <string>
#include <vector>

namespace gazette {
namespace {

// A lower-case letter alone, as the parser leaves a letter of "u.s" (an unprefixed term of
// one character; a digit is no letter of an acronym).
bool is_single_letter(const std::string& term) {
    Xapian::Utf8Iterator it(term);
    if (it == Xapian::Utf8Iterator())
        return false;
    unsigned ch = *it;
    ++it;
    return it == Xapian::Utf8Iterator() && Xapian::Unicode::is_wordchar(ch) &&
           Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER &&
           Xapian::Unicode::tolower(ch) == ch;
}

// The letters of a phrase of single letters joined into one word; "" for any other phrase.
std::string acronym_of(const Xapian::Query& phrase) {
    if (phrase.get_num_subqueries() < 2)
        return "";
    std::string joined;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        Xapian::Query sub = phrase.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return "";
        std::string term = *sub.get_terms_begin();
        if (!is_single_letter(term))
            return "";
        joined += term;
    }
    return joined;
}

Xapian::Query rewrite(const Xapian::Query& q, bool& changed) {
    auto op = q.get_type();
    switch (op) {
        case Xapian::Query::OP_PHRASE: {
            std::string acronym = acronym_of(q);
            if (acronym.empty())
                return q;
            changed = true;
            return Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query(acronym));
        }
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_MAX:
            break;
        default:
            return q;
    }
    std::vector<Xapian::Query> subs;
    bool any = false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        subs.push_back(rewrite(q.get_subquery(i), any));
    if (!any)
        return q;
    changed = true;
    return Xapian::Query(op, subs.begin(), subs.end());
}

}  // namespace

Xapian::Query with_dotted_acronyms(const Xapian::Query& q) {
    bool changed = false;
    return rewrite(q, changed);
}

}  // namespace gazette
