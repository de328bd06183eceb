// A byte stream in independently decodable segments. WARC files are compressed one gzip
// member per record so that damage to one member costs only that record; this interface
// lets the WARC reader restart after damage without knowing about gzip. Any other input is
// one segment.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "common/errors.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

// The current segment is damaged; reading can go on with next_segment().
class SegmentDamage : public InputError {
  public:
    using InputError::InputError;
};

class SegmentedSource {
  public:
    virtual ~SegmentedSource() = default;
    // Moves to the next segment (after damage: to the next place where decoding can start
    // again); false at the end of the input.
    virtual bool next_segment() = 0;
    // Reads from the current segment; 0 at its end. Throws SegmentDamage when the segment is
    // damaged, InputError when the input as a whole cannot be read further.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    // True when damage may only show at a segment's end (a gzip member's CRC), so what was
    // read from the segment is trustworthy only once read() has returned 0.
    virtual bool checked_at_end() const = 0;
    // "@offset" locating a byte of the current segment in the file as stored, for messages.
    virtual std::string locate(std::uint64_t position_in_segment) const = 0;
};

// Gzip files (kGzip) as members; anything else (plain, .zst, .xz) as one segment. Throws
// InputError when the file cannot be opened.
std::unique_ptr<SegmentedSource> open_segmented(const std::filesystem::path& path,
                                                Compression compression);

}  // namespace gazette
