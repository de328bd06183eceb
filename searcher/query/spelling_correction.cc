#include "searcher/query/spelling_correction.h"

#include <algorithm>
#include <array>

namespace gazette {
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "NEAR", "ADJ", "XOR"};
constexpr std::size_t kMinCorrectableChars = 3;

// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0)
        return 4;
    if (lead >= 0xE0)
        return 3;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

unsigned char_at(const std::string& s, std::size_t i) {
    return *Xapian::Utf8Iterator(s.data() + i, s.size() - i);
}

bool is_spaceless_script(unsigned ch) {
    return (ch >= 0x2E80 && ch <= 0x9FFF) || (ch >= 0xAC00 && ch <= 0xD7AF) ||
           (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x20000 && ch <= 0x2FFFF);
}

}  // namespace

std::vector<QueryWord> correctable_words(std::string_view text) {
    std::vector<QueryWord> out;
    const std::string s(text);
    std::size_t i = 0;
    bool skip_value = false;  // the token after `field:` is a value, not a word
    while (i < s.size()) {
        unsigned ch = char_at(s, i);
        std::size_t next = std::min(s.size(), i + sequence_length(s[i]));
        if (!Xapian::Unicode::is_wordchar(ch)) {
            if (skip_value && ch == '"') {  // field:"a quoted value"
                std::size_t close = s.find('"', next);
                i = close == std::string::npos ? s.size() : close + 1;
                skip_value = false;
                continue;
            }
            if (ch == ' ' || ch == '\t')
                skip_value = false;
            i = next;
            continue;
        }
        // A word: its end, its folded form, whether it has digits or CJK.
        QueryWord w;
        w.begin = i;
        bool digits = false, spaceless = false;
        std::size_t j = i;
        while (j < s.size()) {
            unsigned c = char_at(s, j);
            if (!Xapian::Unicode::is_wordchar(c))
                break;
            digits =
                digits || Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
            spaceless = spaceless || is_spaceless_script(c);
            Xapian::Unicode::append_utf8(w.folded, Xapian::Unicode::tolower(c));
            j = std::min(s.size(), j + sequence_length(s[j]));
        }
        w.end = j;
        char after = j < s.size() ? s[j] : ' ';
        std::string_view raw(s.data() + i, j - i);
        bool is_operator = false;
        for (auto op : kOperators)
            is_operator = is_operator || raw == op;
        bool prefix = after == ':';
        if (!skip_value && !prefix && after != '*' && !is_operator && !digits && !spaceless)
            out.push_back(std::move(w));
        if (prefix) {
            skip_value = true;
            i = j + 1;
            continue;
        }
        i = j;
    }
    return out;
}

bool should_correct(std::string_view folded_word, Xapian::doccount termfreq) {
    if (termfreq > 0)
        return false;
    std::size_t chars = 0;
    for (Xapian::Utf8Iterator it(folded_word.data(), folded_word.size());
         it != Xapian::Utf8Iterator(); ++it)
        ++chars;
    return chars >= kMinCorrectableChars;
}

std::string spelling_correction(const Xapian::Database& terms, const Xapian::Database& spelling,
                                std::string_view text) {
    TermFrequencies freqs(terms, false);
    return spelling_correction(freqs, spelling, text);
}

std::string spelling_correction(TermFrequencies& freqs, const Xapian::Database& spelling,
                                std::string_view text) {
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    for (const QueryWord& w : correctable_words(text)) {
        if (!should_correct(w.folded, freqs.get(w.folded)))
            continue;
        std::string suggestion;
        try {
            suggestion = spelling.get_spelling_suggestion(w.folded);
        } catch (const Xapian::UnimplementedError&) {
            return "";  // no spelling data where the databases are (remote shards)
        }
        if (suggestion.empty() || suggestion == w.folded)
            continue;
        out.append(text.substr(copied, w.begin - copied));
        out += suggestion;
        copied = w.end;
        changed = true;
    }
    if (!changed)
        return "";
    out.append(text.substr(copied));
    return out;
}

}  // namespace gazette
