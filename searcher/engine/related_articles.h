// `--like ID`: the articles most related to one article. Xapian's relevance-set expansion
// (RSet + Enquire::get_eset) picks the words that best tell the article apart from the rest
// of the index; an OR of them, without the article itself and its near-duplicates (same
// collapse key), finds the related ones, best first.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette {

struct ExpansionTerm {
    std::string term;
    double weight = 0;
};

struct RelatedQuery {
    Xapian::Query query;
    std::vector<ExpansionTerm> terms;  // what the query is made of, best first (--explain)
};

// How many expansion terms the related query uses.
inline constexpr Xapian::termcount kRelatedTerms = 25;

// Which index terms may describe an article: plain words (unstemmed, as typed) and headline
// words (S prefix). Not stemmed forms (Z..., SZ...: they would count each word twice), other
// prefixed or boolean terms (ids, dates, filters, people, ...), numbers, one-letter words, or
// stop words (frequent enough in a small index to outrank real topic words).
bool is_expansion_term(const std::string& term);

class ExpansionTermDecider : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override { return is_expansion_term(term); }
};

// Throws UsageError when no article has that id.
RelatedQuery related_query(const Xapian::Database& db, const std::string& id);

}  // namespace gazette
