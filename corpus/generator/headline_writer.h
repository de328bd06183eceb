// Headlines of 5-12 words led by the story's main person, place or organisation:
// "Kovalenko Warns Ceasefire Talks Could Stall in Odesa" (title case) or
// "Kovalenko warns ceasefire talks could stall in Odesa" (sentence case), by house style.
#pragma once

#include <string>

#include "corpus/generator/random.h"
#include "corpus/generator/story.h"
#include "corpus/generator/vocabulary.h"

namespace gazette::generator {

std::string write_headline(Rng& rng, const Vocabulary& vocabulary, const Story& story,
                           bool title_case);

// The same headline in title case: how a republishing outlet restyles a sentence-case
// headline. (The way back cannot be told apart from names, so it is not offered.)
std::string to_title_case(const std::string& headline);

}  // namespace gazette::generator
