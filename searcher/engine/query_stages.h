// The query a search runs, kept by the stages it is made of. Each later stage joins the
// earlier ones with OP_AND_MAYBE (or OP_FILTER, which adds no weight; the proximity boost as
// `words OR (boost FILTER words)`, which means the same and runs faster), and Xapian's weight
// for AND_MAYBE is the sum of its sides' weights, so an article's score is the sum of what
// each stage gives it: --explain-score (score_explanation.h) takes the score apart by them.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/query/typo_widening.h"

namespace gazette {

struct QueryStages {
    // The query words as parsed, with their typo neighbours and name variants (or, with
    // `like`, the related query's terms).
    Xapian::Query words;
    bool related = false;  // `words` is a related query (like=), not parsed query text
    // The right sides of the AND_MAYBEs, empty where the stage is off or found nothing:
    // OP_SCALE_WEIGHT(OP_NEAR(words)), the feedback terms (--expand), the recency boost.
    Xapian::Query proximity;
    Xapian::Query expansion;
    Xapian::Query recency;
    // All of them with the request's filters: what the search runs.
    Xapian::Query full;
    // The words with the filters, no boost: the same matches as `full`, and what counting
    // them (facets, exact totals, timelines) reads without evaluating the boosts.
    Xapian::Query matching;
    // The words widened to their spelling neighbours, to name a typo part's typed word.
    std::vector<TypoCorrection> typo_corrections;
};

}  // namespace gazette
