// Near-duplicates: an earlier story republished by another outlet from the wire, the way
// archives are full of them. The copy keeps most of the original's text but never all of it:
// an agency credit in front, the last paragraph cut or a sentence touched up, different
// whitespace, a restyled or rewritten headline, another outlet, and a date up to three days
// later. Duplicate detection is measured against exactly these differences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/article.h"
#include "corpus/generator/random.h"
#include "corpus/generator/story.h"
#include "corpus/generator/vocabulary.h"
#include "corpus/generator/world.h"

namespace gazette::generator {

struct Original {
    Article article;
    Story story;
    const Outlet* outlet;
    std::int64_t timestamp;
};

struct RepublishTarget {
    std::string id;
    const Outlet* outlet;
    std::string_view agency;  // credited as "(Agency) - " at the start of the body
};

Article republish(Rng& rng, const Vocabulary& vocabulary, const Original& original,
                  const RepublishTarget& target);

}  // namespace gazette::generator
