#include "indexer/bulk/free_space.h"

#include <filesystem>
#include <stdexcept>

namespace gazette {

std::uintmax_t available_space(const std::string& path) {
    std::error_code ec;
    auto info = std::filesystem::space(path, ec);
    return ec ? UINTMAX_MAX : info.available;
}

void require_free_space(const std::string& path, std::uintmax_t bytes) {
    std::uintmax_t available = available_space(path);
    if (available >= bytes)
        return;
    auto mb = [](std::uintmax_t b) { return std::to_string((b + (1 << 19)) >> 20); };
    throw std::runtime_error(
        "No space left on device for " + path + ": " + mb(available) + " MB free, " + mb(bytes) +
        " MB needed; the database stays as of its last commit, and the same command "
        "run again once there is room resumes");
}

std::uintmax_t size_on_disk(const std::string& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_regular_file(ec))
            total += it->file_size(ec);
    }
    return total;
}

}  // namespace gazette
