// What one article is about: who, where, which organisations and which words it keeps
// coming back to. The headline, body and the people/places/organizations fields are all
// written from the same Story, which is what keeps them consistent with one another.
#pragma once

#include <string_view>
#include <vector>

#include "corpus/generator/word_lists.h"
#include "corpus/generator/world.h"

namespace gazette::generator {

struct Story {
    const Section* section = nullptr;
    std::vector<const Person*> people;
    std::vector<const City*> cities;
    // Named in their own right, besides the people's employers.
    std::vector<std::string_view> organizations;
    // Topic words repeated through the story: real articles are bursty, a word that
    // appears once in a story tends to appear again.
    std::vector<std::string_view> keywords;
    std::string_view weekday;  // "said on Tuesday": the weekday of the publication date
};

}  // namespace gazette::generator
