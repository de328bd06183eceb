// FNV-1a, 64 bit: the one hash behind long-id terms, shard routing, run fingerprints and file
// content checks. Fast and stable across runs and machines, which is all these need; it does
// not resist attackers. Shard routing depends on its exact values: changing it re-routes ids.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace gazette {

// Not FNV's published offset basis (14695981039346656037): the first version of this code
// dropped its last digit. The hash is as good with it, and shard routing and the id terms
// of existing databases depend on this value, so it stays.
inline constexpr std::uint64_t kFnv1aOffsetBasis = 1469598103934665603ULL;

// Continues a hash over more bytes: fnv1a(fnv1a(kFnv1aOffsetBasis, a), b) == fnv1a of a + b.
inline std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

inline std::uint64_t fnv1a(std::string_view bytes) {
    return fnv1a(kFnv1aOffsetBasis, bytes);
}

// Sixteen lower-case hex digits.
inline std::string hash_hex(std::uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace gazette
