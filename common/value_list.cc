#include "common/value_list.h"

namespace gazette {

std::string encode_value_list(const std::vector<std::string_view>& values) {
    std::string out;
    for (std::string_view v : values) {
        if (!out.empty())
            out.push_back('\x1f');
        for (char c : v)
            out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    }
    return out;
}

}  // namespace gazette
