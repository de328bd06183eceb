// Test input: `data` as one gzip member (what `gzip` writes; concatenated members make a valid
// multi-member file, as WARC.gz crawls are).
#pragma once

#include <zlib.h>

#include <string>

namespace gazette::testing {

inline std::string gzip(const std::string& data, int level = Z_DEFAULT_COMPRESSION) {
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, data.size()) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

}  // namespace gazette::testing
