#include "corpus/generator/zipf.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gazette::generator {

ZipfSampler::ZipfSampler(std::size_t n, double s) {
    if (n == 0 || !(s > 0))
        throw std::invalid_argument("ZipfSampler needs n >= 1 and s > 0");
    cdf_.resize(n);
    double total = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double rank = static_cast<double>(k + 1);
        // For s == 1 use a plain division: it is correctly rounded under IEEE 754, whereas
        // std::pow may differ in the last bit between C libraries, and the CDF must not.
        total += s == 1.0 ? 1.0 / rank : std::pow(rank, -s);
        cdf_[k] = total;
    }
    for (auto& c : cdf_)
        c /= total;
    cdf_.back() = 1.0;  // no draw may fall past the end through rounding
}

std::size_t ZipfSampler::sample(Rng& rng) const {
    const double u = rng.unit();
    auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    return static_cast<std::size_t>(it - cdf_.begin());
}

}  // namespace gazette::generator
