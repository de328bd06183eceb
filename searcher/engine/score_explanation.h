// --explain-score ID (explain=ID over HTTP): why one article ranked where it did for a query.
// Its score is taken apart into the parts that make it up: the BM25 weight of each query
// word, the typo neighbours and name variants it matched through, the proximity boost, the
// feedback terms (--expand) and the recency boost. docs/ranking.md, "Explaining a score".
//
// How: Xapian's weight for a document under OR, AND, AND_MAYBE, AND_NOT, FILTER, XOR, PHRASE
// and NEAR is the sum of the weights of the subqueries that match it (the right sides of
// AND_NOT and FILTER weigh nothing), and BM25's weight of one term does not depend on the rest
// of the query (k2 = 0, ranking.cc). So each part is the weight of one subquery run alone,
// restricted to the article. Groups Xapian scores as one word (OP_SYNONYM: name variants, a
// word's typo neighbours; OP_WILDCARD) and scaled subqueries (OP_SCALE_WEIGHT, whose factor
// Xapian 1.4 does not expose) are one part each. Whatever could not be attributed that way is shown
// as an "other" part, so the parts always sum to the score.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "searcher/engine/query_stages.h"
#include "searcher/request/search_request.h"

namespace gazette {

enum class ScorePartKind {
    kTerm,         // one query word's BM25 weight
    kTypo,         // a misspelt-looking word's spelling neighbours (typo_widening.h)
    kNameVariant,  // a word's name variants, scored with it as one word (name_variant_expansion.h)
    kProximity,    // the words standing together (proximity.h)
    kExpansion,    // one feedback term (--expand, ranking.h)
    kRecency,      // the recency boost (recency.h)
    kOther,        // what the parts above do not account for
};

// "term", "typo", "name_variant", "proximity", "expansion", "recency", "other": the names
// JSON and text output use.
std::string_view score_part_kind_name(ScorePartKind kind);

struct ScorePart {
    ScorePartKind kind = ScorePartKind::kOther;
    // The word as the user would recognise it: the stem or word without the index's prefix;
    // for kTypo the word as typed; for kProximity the words that stand together; for kOther
    // the subquery. Empty for recency.
    std::string term;
    // Where the term is searched: "title+body" for plain words, else the field's name.
    std::string field;
    // kTypo: the neighbours the article holds; kNameVariant: the variants it holds.
    std::vector<std::string> to;
    double weight = 0;
};

// How many results are looked through for the article's rank (more if the page goes deeper).
inline constexpr Xapian::doccount kExplainRankDepth = 1000;

struct ScoreExplanation {
    std::string id;
    bool matches = false;  // false: the article does not match the query (score 0, no parts)
    // 1-based rank in the results as shown, 0 when not among the first `depth`. With
    // `duplicate_of` set, the rank of the result the article was folded into.
    Xapian::doccount rank = 0;
    Xapian::doccount depth = 0;
    std::string duplicate_of;      // the shown result whose near-duplicate the article is
    double score = 0;              // the weight Xapian gives the article for the query
    std::vector<ScorePart> parts;  // they sum to `score`
};

// What explaining a score reads besides the query: the search's databases, weighting scheme
// and stemmer (to name the typed word of a typo neighbour).
struct ExplainSources {
    const Xapian::Database& db;
    const Xapian::Weight& weighting;
    const Xapian::Stem& stemmer;
};

// The explanation of `request.explain_score`'s score for `stages`, the query `request` runs.
// Throws UsageError naming the id when no article has it.
ScoreExplanation explain_score(const ExplainSources& sources, const QueryStages& stages,
                               const SearchRequest& request);

}  // namespace gazette
