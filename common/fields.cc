#include "common/fields.h"

#include <xapian.h>

#include <array>
#include <stdexcept>

#include "common/date.h"
#include "common/hash.h"

namespace gazette {
namespace {

// Xapian refuses terms longer than 245 bytes; leave room for the longest prefix.
constexpr std::size_t kMaxTermValueBytes = 230;

// clang-format off
constexpr std::array kFieldTable = {
    //        name             aliases                    text   filter   pfx plain facet slot
    //        flags                                       article member
    FieldSpec{"title",         {"headline"},              "S",   "",      1,  3,   kSlotNone,
              0,                                          &Article::title, nullptr},
    FieldSpec{"body",          {},                        "",    "",      0,  1,   kSlotNone,
              0,                                          &Article::body, nullptr},
    FieldSpec{"authors",       {"author", "byline"},      "A",   "XAU",   1,  0,   kSlotAuthors,
              kFieldFilterOption,                         nullptr, &Article::authors},
    FieldSpec{"source",        {},                        "",    "XSRC",  0,  0,   kSlotSource,
              kFieldFilterOption,                         &Article::source, nullptr},
    FieldSpec{"section",       {},                        "",    "XSEC",  0,  0,   kSlotSection,
              kFieldFilterOption,                         &Article::section, nullptr},
    FieldSpec{"tags",          {"tag", "topic"},          "",    "K",     0,  0,   kSlotTags,
              kFieldFilterOption,                         nullptr, &Article::tags},
    FieldSpec{"people",        {"person"},                "XTP", "XP",    1,  0,   kSlotPeople,
              kFieldFilterOption | kFieldFoldsNames,      nullptr, &Article::people},
    FieldSpec{"places",        {"place"},                 "XTG", "XG",    1,  0,   kSlotPlaces,
              kFieldFilterOption | kFieldFoldsNames,      nullptr, &Article::places},
    FieldSpec{"organizations", {"org", "organization"},   "XTO", "XO",    1,  0,   kSlotOrgs,
              kFieldFilterOption | kFieldFoldsNames,      nullptr, &Article::organizations},
    FieldSpec{"language",      {"lang"},                  "",    "XLANG", 0,  0,   kSlotLanguage,
              kFieldFilterOption,                         &Article::language, nullptr},
    // Not a filter option: a URL is one article, and `url:` in the query finds it.
    FieldSpec{"url",           {},                        "",    "XURL",  0,  0,   kSlotNone,
              0,                                          &Article::url, nullptr},
};

constexpr std::array kDateBuckets = {
    DateBucket{"year",  kSlotYear,  format_year},
    DateBucket{"month", kSlotMonth, format_year_month},
};
// clang-format on

std::vector<FacetSpec> make_facets() {
    std::vector<FacetSpec> out;
    for (const auto& f : kFieldTable) {
        if (f.is_facet())
            out.push_back({f.name, f.facet_slot, f.is_list()});
    }
    for (const auto& b : kDateBuckets)
        out.push_back({b.name, b.slot, false});
    return out;
}

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

bool FieldSpec::is_called(std::string_view word) const {
    if (word == name)
        return true;
    for (auto alias : aliases) {
        if (!alias.empty() && alias == word)
            return true;
    }
    return false;
}

void FieldSpec::collect(const Article& article, std::vector<std::string_view>& out) const {
    if (text) {
        if (const std::string& value = article.*text; !value.empty())
            out.emplace_back(value);
        return;
    }
    for (const std::string& value : article.*list) {
        if (!value.empty())
            out.emplace_back(value);
    }
}

std::span<const FieldSpec> fields() {
    return kFieldTable;
}

const FieldSpec* find_field(std::string_view name) {
    for (const auto& f : kFieldTable) {
        if (f.is_called(name))
            return &f;
    }
    return nullptr;
}

const FieldSpec& field_of(std::string Article::*text) {
    for (const auto& f : kFieldTable) {
        if (f.text == text)
            return f;
    }
    throw std::logic_error("an Article member without a field in the field table");
}

const FieldSpec& field_of(std::vector<std::string> Article::*list) {
    for (const auto& f : kFieldTable) {
        if (f.list == list)
            return f;
    }
    throw std::logic_error("an Article member without a field in the field table");
}

std::span<const DateBucket> date_buckets() {
    return kDateBuckets;
}

std::span<const FacetSpec> facets() {
    static const std::vector<FacetSpec> all = make_facets();
    return all;
}

const FacetSpec* find_facet(std::string_view name) {
    const FieldSpec* field = find_field(name);
    std::string_view wanted = field ? field->name : name;  // an alias counts as its field
    for (const auto& facet : facets()) {
        if (facet.name == wanted)
            return &facet;
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
