// --explain-score as text for people: the article's place in the results and a table of the
// parts of its score, after the results.
#pragma once

#include <ostream>

#include "searcher/engine/score_explanation.h"

namespace gazette {

void print_score_explanation(std::ostream& out, const ScoreExplanation& explanation);

}  // namespace gazette
