#include "indexer/readers/gzip_members.h"

#include <cerrno>
#include <cstring>

namespace gazette {
namespace {

constexpr std::size_t kBufferSize = 256 * 1024;

// ID1 ID2 CM=deflate and a flag byte with its reserved bits clear: random bytes inside a
// damaged member rarely look like this, and a false match just fails again right away.
bool is_member_header(const unsigned char* p) {
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08 && (p[3] & 0xE0) == 0;
}

}  // namespace

GzipMembers::GzipMembers(const std::filesystem::path& path)
    : file_(std::fopen(path.c_str(), "rb")), in_(kBufferSize) {
    if (!file_)
        throw InputError(std::strerror(errno));
    // 16 + MAX_WBITS: a gzip wrapper, whose trailer CRC and length zlib checks for us.
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        std::fclose(file_);
        throw InputError("cannot start the gzip decoder");
    }
}

GzipMembers::~GzipMembers() {
    inflateEnd(&zs_);
    std::fclose(file_);
}

void GzipMembers::ensure(std::size_t count) {
    if (available() >= count || eof_)
        return;
    // Move what is left to the front, then fill the rest of the buffer.
    std::memmove(in_.data(), in_.data() + in_pos_, available());
    in_offset_ += in_pos_;
    in_len_ = available();
    in_pos_ = 0;
    while (in_len_ < count && !eof_) {
        std::size_t n = std::fread(in_.data() + in_len_, 1, in_.size() - in_len_, file_);
        if (n == 0) {
            if (std::ferror(file_))
                throw InputError(std::strerror(errno));
            eof_ = true;
        }
        in_len_ += n;
    }
}

std::string GzipMembers::locate(std::uint64_t position_in_segment) const {
    std::string where = "@" + std::to_string(member_offset_);
    // Several records in one member (a whole file gzipped at once): say how far in.
    if (position_in_segment > 0)
        where += "+" + std::to_string(position_in_segment);
    return where;
}

void GzipMembers::damaged(const std::string& reason) {
    member_open_ = false;
    needs_resync_ = true;
    throw SegmentDamage("damaged gzip member (" + reason + ")");
}

bool GzipMembers::resynchronise() {
    needs_resync_ = false;
    // Start just after the damaged member's first byte; it may have been read past already.
    std::uint64_t from = member_offset_ + 1;
    if (from >= in_offset_ && from <= in_offset_ + in_len_) {
        in_pos_ = static_cast<std::size_t>(from - in_offset_);
    } else {
        if (std::fseek(file_, static_cast<long>(from), SEEK_SET) != 0)
            throw InputError(std::strerror(errno));
        in_offset_ = from;
        in_pos_ = in_len_ = 0;
        eof_ = false;
    }
    for (;;) {
        ensure(4);
        if (available() < 4) {
            in_pos_ = in_len_;
            return false;
        }
        const unsigned char* start = in_.data() + in_pos_;
        const unsigned char* end = in_.data() + in_len_ - 3;
        for (const unsigned char* p = start; p < end; ++p) {
            p = static_cast<const unsigned char*>(std::memchr(p, 0x1f, end - p));
            if (!p)
                break;
            if (is_member_header(p)) {
                in_pos_ += p - start;
                return true;
            }
        }
        in_pos_ = in_len_ - 3;  // keep a header that straddles the buffer's end
    }
}

bool GzipMembers::next_member() {
    // Anything left of the current member is passed over.
    char sink[16 * 1024];
    while (member_open_ && !needs_resync_) {
        try {
            if (read(sink, sizeof sink) == 0)
                break;
        } catch (const SegmentDamage&) {
            break;
        }
    }
    if (needs_resync_ && !resynchronise())
        return false;
    ensure(4);
    if (available() == 0)
        return false;
    member_offset_ = in_offset_ + in_pos_;
    pending_damage_.clear();
    if (available() < 4 || !is_member_header(in_.data() + in_pos_)) {
        pending_damage_ = started_ ? "bytes between gzip members" : "not gzip data";
    }
    started_ = true;
    inflateReset(&zs_);
    member_open_ = true;
    return true;
}

std::size_t GzipMembers::read(char* buffer, std::size_t size) {
    if (!member_open_)
        return 0;
    if (!pending_damage_.empty())
        damaged(pending_damage_);
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(size);
    while (zs_.avail_out == size) {
        ensure(1);
        if (available() == 0)
            damaged("the file ends inside it");
        zs_.next_in = in_.data() + in_pos_;
        zs_.avail_in = static_cast<uInt>(available());
        int ret = inflate(&zs_, Z_NO_FLUSH);
        in_pos_ = in_len_ - zs_.avail_in;
        if (ret == Z_STREAM_END) {
            member_open_ = false;  // trailer checked: CRC and length match
            break;
        }
        if (ret != Z_OK && ret != Z_BUF_ERROR)
            damaged(zs_.msg ? std::string(zs_.msg) : "inflate error " + std::to_string(ret));
    }
    return size - zs_.avail_out;
}

}  // namespace gazette
