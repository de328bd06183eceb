#include "common/text/ascii.h"

namespace gazette {

std::string_view trim_start(std::string_view s, std::string_view chars) {
    std::size_t begin = s.find_first_not_of(chars);
    return begin == std::string_view::npos ? std::string_view() : s.substr(begin);
}

std::string_view trim_end(std::string_view s, std::string_view chars) {
    std::size_t end = s.find_last_not_of(chars);
    return end == std::string_view::npos ? std::string_view() : s.substr(0, end + 1);
}

std::string_view trim(std::string_view s, std::string_view chars) {
    return trim_end(trim_start(s, chars), chars);
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace gazette
