// The generator's only source of randomness. std::mt19937_64 is specified bit for bit by the
// standard, but std::uniform_int_distribution and friends are not (libstdc++, libc++ and MSVC
// draw different numbers from the same engine), so the few distributions we need are written
// here: the same seed then gives byte-identical output everywhere.
#pragma once

#include <cstdint>
#include <iterator>
#include <random>

namespace gazette::generator {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }

    // Uniform in [0, n); n > 0. Rejection sampling keeps it unbiased for any n.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = -n % n;  // 2^64 mod n: the biased low values to reject
        std::uint64_t x;
        do {
            x = engine_();
        } while (x < limit);
        return x % n;
    }

    // Uniform in [lo, hi], both inclusive.
    int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // Uniform in [0, 1) with 53 random bits: exact, so no platform rounding differences.
    double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    // A uniformly chosen element of a span, array or vector.
    template <typename Range>
    const auto& pick(const Range& items) {
        return items[below(std::size(items))];
    }

  private:
    std::mt19937_64 engine_;
};

}  // namespace gazette::generator
