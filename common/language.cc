#include "common/language.h"

#include <array>
#include <utility>

namespace gazette {

std::string stemmer_name_for(std::string_view code) {
    // The languages Xapian 1.4's Snowball stemmers cover (Xapian::Stem::get_available_languages).
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kStemmers = {{
        {"ar", "arabic"},    {"hy", "armenian"},  {"eu", "basque"},     {"ca", "catalan"},
        {"da", "danish"},    {"nl", "dutch"},     {"en", "english"},    {"fi", "finnish"},
        {"fr", "french"},    {"de", "german"},    {"hu", "hungarian"},  {"id", "indonesian"},
        {"ga", "irish"},     {"it", "italian"},   {"lt", "lithuanian"}, {"ne", "nepali"},
        {"nb", "norwegian"}, {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
        {"ru", "russian"},   {"es", "spanish"},   {"sv", "swedish"},    {"tr", "turkish"},
    }};
    for (const auto& [iso, name] : kStemmers) {
        if (iso == code)
            return std::string(name);
    }
    return "";
}

bool is_language_code(std::string_view code) {
    if (code.size() != 2)
        return false;
    for (char c : code) {
        if (c < 'a' || c > 'z')
            return false;
    }
    return true;
}

std::string language_code_of_tag(std::string_view tag) {
    std::string code(tag.substr(0, tag.find_first_of("-_")));
    for (auto& c : code) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return is_language_code(code) ? code : "";
}

}  // namespace gazette
