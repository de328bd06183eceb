// Everything that shapes a synthetic archive. Equal options give byte-identical output.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gazette::generator {

struct GeneratorOptions {
    std::uint64_t seed = 1;
    // Share of articles that are republished copies of an earlier one, in [0, 1].
    double duplicate_share = 0.05;
    int from_year = 1985;
    int to_year = 2025;
    // Distinct words running text is drawn from (the hand-written common words plus invented
    // ones), and the Zipf exponent over their ranks.
    std::size_t vocabulary_size = 50000;
    double zipf_exponent = 1.0;
    // Recurring people per newsroom desk.
    std::size_t people_per_desk = 2000;
};

}  // namespace gazette::generator
