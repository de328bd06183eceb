#include "indexer/bulk/summary_text.h"

namespace gazette {

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string consolidation_note(const ConsolidationCount& c) {
    if (c.segments == 0)
        return "";
    std::string why = c.for_space && c.for_files ? "disk space and open files"
                      : c.for_space              ? "disk space"
                                                 : "open files";
    return "; short of " + why + ", " + with_commas(c.runs) + (c.runs == 1 ? " run" : " runs") +
           " compacted " + with_commas(c.segments) + " segments first";
}

}  // namespace gazette
