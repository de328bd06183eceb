// A gzip file read member by member with raw zlib, so that a damaged member (bad deflate
// data, CRC mismatch, cut short) is reported and skipped instead of ending the file:
// reading resumes at the next gzip member header (1f 8b 08) after the damage.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/readers/segmented_source.h"

namespace gazette {

class GzipMembers : public SegmentedSource {
  public:
    explicit GzipMembers(const std::filesystem::path& path);  // throws InputError
    ~GzipMembers() override;
    GzipMembers(const GzipMembers&) = delete;
    GzipMembers& operator=(const GzipMembers&) = delete;

    bool next_member();
    bool next_segment() override { return next_member(); }
    std::size_t read(char* buffer, std::size_t size) override;
    bool checked_at_end() const override { return true; }
    std::string locate(std::uint64_t position_in_segment) const override;

    std::uint64_t member_offset() const { return member_offset_; }

  private:
    std::size_t available() const { return in_len_ - in_pos_; }
    // Makes at least `count` bytes available unless the file ends first.
    void ensure(std::size_t count);
    [[noreturn]] void damaged(const std::string& reason);
    // Positions at the next plausible member header after the damaged one; false at EOF.
    bool resynchronise();

    std::FILE* file_ = nullptr;
    std::vector<unsigned char> in_;
    std::size_t in_pos_ = 0, in_len_ = 0;
    std::uint64_t in_offset_ = 0;  // file offset of in_[0]
    bool eof_ = false;
    z_stream zs_{};
    bool member_open_ = false;
    bool needs_resync_ = false;
    bool started_ = false;
    std::uint64_t member_offset_ = 0;
    std::string pending_damage_;  // found before the member's first byte; thrown by read()
};

}  // namespace gazette
