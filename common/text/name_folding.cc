#include "common/text/name_folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>
#include <utility>

namespace gazette {
namespace {

// Cyrillic first through BGN/PCGN, the romanisation English-language news uses (Путин →
// putin, Ельцин → yel'tsin, Зеленский → zelenskiy); then whatever script is left through
// ICU's generic Any-Latin; then accents off (José → jose, ß → ss) and lower case.
constexpr const char* kTransliteratorId = "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower";

// Transliterated words are mostly repeats (the same names in every story); past this many
// distinct words the cache starts afresh rather than growing without bound.
constexpr std::size_t kCacheLimit = 100000;

// Keys longer than this are not worth a term (and Xapian caps terms at 245 bytes).
constexpr std::size_t kMaxKeyBytes = 120;

// Spellings that no rule joins, as skeleton → skeleton of the spelling they meet at. Only
// names that news writes several ways and that the rules above miss.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kVariantTable = {{
    {"kiev", "kyiv"},
    {"kiiv", "kyiv"},
    {"kharkov", "kharkiv"},
    {"odessa", "odesa"},
    {"qaddafi", "gaddafi"},
    {"gadhafi", "gaddafi"},
    {"qadhafi", "gaddafi"},
    {"kadhafi", "gaddafi"},
    {"alexey", "aleksey"},
    {"mohammed", "muhammad"},
    {"mohammad", "muhammad"},
    {"muhammed", "muhammad"},
    {"tchaikovsky", "chaykovsky"},
    {"chaikovsky", "chaykovsky"},
    {"peking", "beijing"},
    {"bombay", "mumbai"},
}};

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80)
            return false;
    }
    return true;
}

// Decodes one code point of valid UTF-8 (TermGenerator's terms are), advancing `i`.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char c = s[i++];
    if (c < 0x80)
        return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k)
        cp = (cp << 6) | (s[i++] & 0x3F);
    return cp;
}

// Latin, Greek and Cyrillic (with combining marks and modifier letters such as ʼ) have a
// romanisation that matches how English news spells names. Han is read differently in
// Chinese and Japanese, Arabic leaves out vowels: folding those would join words by
// accident, so a word with any other script is left alone.
bool foldable_script(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        char32_t cp = next_code_point(word, i);
        bool ok = cp < 0x80 || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x2B0 && cp <= 0x3FF) ||
                  (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1FFF) || cp == 0x2019;
        if (!ok)
            return false;
    }
    return true;
}

// German umlauts have two ASCII spellings: ü → u is what ICU (and English news: Zurich)
// does, ü → ue is the German one (Muenchen). Gives the ue-spelling, or "" without umlauts.
std::string umlaut_expansion(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kUmlauts = {{
        {"\xC3\xA4", "ae"},
        {"\xC3\xB6", "oe"},
        {"\xC3\xBC", "ue"},
    }};
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < word.size();) {
        bool hit = false;
        for (const auto& [from, to] : kUmlauts) {
            if (word.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                hit = changed = true;
                break;
            }
        }
        if (!hit)
            out += word[i++];
    }
    return changed ? out : std::string();
}

// Keeps ASCII letters and digits: apostrophes of BGN (yel'tsin) and anything ICU could not
// romanise go.
std::string ascii_alnum(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

}  // namespace

std::string name_skeleton(std::string w) {
    // "yy" anywhere (zelenskyy, kyyiv); the other pairs only at the end, where Slavic
    // adjective-like surnames put them, so that English words such as "yield" stay whole.
    for (std::size_t p; (p = w.find("yy")) != std::string::npos;)
        w.erase(p, 1);
    if (w.size() >= 5) {
        for (std::string_view tail : {"iy", "ij", "ii", "yi"}) {
            if (ends_with(w, tail)) {
                w.replace(w.size() - 2, 2, "y");
                break;
            }
        }
        if (ends_with(w, "ei"))
            w.back() = 'y';  // sergei → sergey, alexei → alexey
    }
    for (const auto& [from, to] : kVariantTable) {
        if (w == from)
            return std::string(to);
    }
    return w;
}

struct NameFolder::Icu {
    std::unique_ptr<icu::Transliterator> transliterator;

    Icu() {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        transliterator.reset(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8(kTransliteratorId), UTRANS_FORWARD, parse_error, status));
        if (U_FAILURE(status) || !transliterator) {
            throw std::runtime_error(std::string("ICU transliterator \"") + kTransliteratorId +
                                     "\" is not available: " + u_errorName(status));
        }
    }

    std::string to_ascii(std::string_view word) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        transliterator->transliterate(text);
        std::string out;
        text.toUTF8String(out);
        return out;
    }
};

NameFolder::NameFolder() = default;
NameFolder::~NameFolder() = default;

const std::vector<std::string>& NameFolder::fold(std::string_view word) {
    scratch_.clear();
    // Numbers and codes (0.001, 1980s, b747) are not names; their keys would only drop the
    // punctuation, and were 1 in 3 folded terms on Reuters.
    for (char c : word) {
        if (c >= '0' && c <= '9')
            return scratch_;
    }
    if (is_ascii(word)) {
        // The common case, and no ICU needed: ASCII is already its own romanisation.
        std::string key = name_skeleton(ascii_alnum(word));
        if (!key.empty() && key.size() <= kMaxKeyBytes)
            scratch_.push_back(std::move(key));
        return scratch_;
    }
    if (!foldable_script(word))
        return scratch_;
    std::string word_key(word);
    if (auto it = cache_.find(word_key); it != cache_.end())
        return it->second;

    if (!icu_)
        icu_ = std::make_unique<Icu>();  // made on first use: most queries are ASCII
    std::vector<std::string> keys;
    for (const std::string& spelling : {word_key, umlaut_expansion(word)}) {
        if (spelling.empty())
            continue;
        std::string key = name_skeleton(ascii_alnum(icu_->to_ascii(spelling)));
        if (key.empty() || key.size() > kMaxKeyBytes)
            continue;
        if (keys.empty() || keys.front() != key)
            keys.push_back(std::move(key));
    }
    if (cache_.size() >= kCacheLimit)
        cache_.clear();
    return cache_.emplace(std::move(word_key), std::move(keys)).first->second;
}

}  // namespace gazette
