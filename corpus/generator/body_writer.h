// The body of an original article: paragraphs of Zipf-distributed running text into which
// the story's people, places, organisations and topic words are woven. Every person, place
// and organisation of the Story is named at least once, so the record's people / places /
// organizations fields always describe its text.
#pragma once

#include <string>

#include "corpus/generator/random.h"
#include "corpus/generator/story.h"
#include "corpus/generator/vocabulary.h"

namespace gazette::generator {

struct BodyShape {
    int words;       // target length; the result lands within a sentence or so of it
    int paragraphs;  // separated by '\n'
};

std::string write_body(Rng& rng, const Vocabulary& vocabulary, const Story& story, BodyShape shape);

// `n` words of running text (no capital, no full stop), with the story's keywords and the
// odd number mixed in. Also used to rewrite a sentence of a republished copy.
void append_running_text(Rng& rng, const Vocabulary& vocabulary, const Story& story, int n,
                         std::string& out);

}  // namespace gazette::generator
