#include "indexer/readers/html_entities.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstring>

namespace gazette {
namespace {

// The longest HTML 4 entity name is 8 letters ("thetasym"); a little room beyond.
constexpr std::size_t kMaxName = 12;

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_xml_entity(std::string_view name) {
    return name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos";
}

}  // namespace

std::string with_numeric_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (;;) {
        std::size_t amp = text.find('&', at);
        if (amp == std::string_view::npos) {
            out.append(text.substr(at));
            return out;
        }
        out.append(text.substr(at, amp - at));
        std::size_t end = amp + 1;
        while (end < text.size() && end - amp - 1 < kMaxName && is_name_char(text[end]))
            ++end;
        std::string name(text.substr(amp + 1, end - amp - 1));
        const htmlEntityDesc* entity =
            end < text.size() && text[end] == ';' && !name.empty() && !is_xml_entity(name)
                ? htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))
                : nullptr;
        if (entity) {
            out += "&#" + std::to_string(entity->value) + ";";
            at = end + 1;
        } else {
            out.push_back('&');
            at = amp + 1;
        }
    }
}

std::size_t HtmlEntitySource::read(char* buffer, std::size_t size) {
    while (ready_.size() - ready_at_ < size && !end_) {
        char chunk[1 << 16];
        std::size_t n = source_.read(chunk, sizeof chunk);
        if (n == 0) {
            end_ = true;
            ready_.erase(0, ready_at_);
            ready_at_ = 0;
            ready_ += with_numeric_html_entities(held_);
            held_.clear();
            break;
        }
        held_.append(chunk, n);
        // Hold back what may be an entity the next read completes.
        std::size_t keep = 0;
        std::size_t amp = held_.rfind('&');
        if (amp != std::string::npos && held_.size() - amp <= kMaxName + 1 &&
            held_.find(';', amp) == std::string::npos)
            keep = held_.size() - amp;
        ready_.erase(0, ready_at_);
        ready_at_ = 0;
        ready_ +=
            with_numeric_html_entities(std::string_view(held_).substr(0, held_.size() - keep));
        held_.erase(0, held_.size() - keep);
    }
    std::size_t n = std::min(size, ready_.size() - ready_at_);
    std::memcpy(buffer, ready_.data() + ready_at_, n);
    ready_at_ += n;
    return n;
}

}  // namespace gazette
