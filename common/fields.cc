#include "common/fields.h"

#include "common/hash.h"
#include "common/slots.h"

#include <xapian.h>

#include <array>
#include <cstdio>
#include <functional>

namespace gazette {
namespace {

// Xapian refuses terms longer than 245 bytes; leave room for the longest prefix.
constexpr std::size_t kMaxTermValueBytes = 230;

void add_one(const std::string& value, std::vector<std::string_view>& out) {
    if (!value.empty())
        out.emplace_back(value);
}

void add_all(const std::vector<std::string>& values, std::vector<std::string_view>& out) {
    for (const auto& v : values)
        add_one(v, out);
}

// clang-format off
constexpr std::array kFieldTable = {
    //        name       alias           text   filter   pfx plain facet slot     list
    FieldSpec{"title",   "headline",     "S",    "",      1,  3,   kSlotNone,     false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.title, o); }},
    FieldSpec{"body",    "",             "",     "",      0,  1,   kSlotNone,     false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.body, o); }},
    FieldSpec{"author",  "byline",       "A",    "XAU",   1,  0,   kSlotAuthors,  true,
              [](const Article& a, std::vector<std::string_view>& o) { add_all(a.authors, o); }},
    FieldSpec{"source",  "",             "",     "XSRC",  0,  0,   kSlotSource,   false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.source, o); }},
    FieldSpec{"section", "",             "",     "XSEC",  0,  0,   kSlotSection,  false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.section, o); }},
    FieldSpec{"tag",     "topic",        "",     "K",     0,  0,   kSlotTags,     true,
              [](const Article& a, std::vector<std::string_view>& o) { add_all(a.tags, o); }},
    FieldSpec{"person",  "people",       "XTP",  "XP",    1,  0,   kSlotPeople,   true,
              [](const Article& a, std::vector<std::string_view>& o) { add_all(a.people, o); }},
    FieldSpec{"place",   "places",       "XTG",  "XG",    1,  0,   kSlotPlaces,   true,
              [](const Article& a, std::vector<std::string_view>& o) { add_all(a.places, o); }},
    FieldSpec{"org",     "organization", "XTO",  "XO",    1,  0,   kSlotOrgs,     true,
              [](const Article& a, std::vector<std::string_view>& o) { add_all(a.organizations, o); }},
    FieldSpec{"lang",    "language",     "",     "XLANG", 0,  0,   kSlotLanguage, false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.language, o); }},
    FieldSpec{"url",     "",             "",     "XURL",  0,  0,   kSlotNone,     false,
              [](const Article& a, std::vector<std::string_view>& o) { add_one(a.url, o); }},
};
// clang-format on

// Only needs to separate long ids, not resist attackers.
std::string hex_hash(std::string_view s) {
    return hash_hex(fnv1a(s));
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
void truncate_utf8(std::string& s, std::size_t max) {
    if (s.size() <= max)
        return;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    s.resize(cut);
}

}  // namespace

std::span<const FieldSpec> fields() {
    return kFieldTable;
}

const FieldSpec* find_field(std::string_view name) {
    for (const auto& f : kFieldTable) {
        if (f.name == name || (!f.alias.empty() && f.alias == name))
            return &f;
    }
    return nullptr;
}

std::string fold_filter_value(std::string_view value) {
    std::string lowered = Xapian::Unicode::tolower(std::string(value));
    std::string out;
    out.reserve(lowered.size());
    bool pending_space = false;
    for (char c : lowered) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    truncate_utf8(out, kMaxTermValueBytes);
    return out;
}

std::string filter_term(const FieldSpec& field, std::string_view value) {
    return std::string(field.filter_prefix) + fold_filter_value(value);
}

std::string id_term(std::string_view id) {
    std::string term(kIdPrefix);
    if (id.size() <= kMaxTermValueBytes) {
        term += id;
        return term;
    }
    std::string head(id.substr(0, kMaxTermValueBytes - 17));
    truncate_utf8(head, kMaxTermValueBytes - 17);
    term += head;
    term += '#';
    term += hex_hash(id);
    return term;
}

}  // namespace gazette
