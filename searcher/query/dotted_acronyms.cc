#include "searcher/query/dotted_acronyms.h"

#include <string>

#include "searcher/query/query_rewrite.h"

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

}  // namespace

Xapian::Query with_dotted_acronyms(const Xapian::Query& q) {
    bool changed = false;
    // Every part, the excluded ones too: "-u.s" excludes the articles "U.S." is in.
    return rewrite_nodes(
        q, RewriteScope::kAllLeaves,
        [](const Xapian::Query& sub, bool& replaced) {
            if (sub.get_type() != Xapian::Query::OP_PHRASE)
                return sub;
            std::string acronym = acronym_of(sub);
            if (acronym.empty())
                return sub;
            replaced = true;
            return Xapian::Query(Xapian::Query::OP_OR, sub, Xapian::Query(acronym));
        },
        changed);
}

}  // namespace gazette
