#include "indexer/duplicate_key.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace gazette {
namespace {

// The scheme (docs/duplicates.md has the measurements behind these numbers): the key is the
// smallest hash of the 4-word shingles among the first kLeadWords words of the body.
// - Copies trim and touch up the end of a story far more than its lead, so only the lead
//   counts: a cut last paragraph leaves the key alone unless the story is short.
// - One minimum (not a sketch of several) because a key must be EQUAL for copies: a changed
//   word changes ~4 shingles, and the key changes only if one of them was the minimum
//   (about 4 in kLeadWords); the k smallest would change k times as often.
// - Two different stories share the key only if they share that minimum 4-word phrase, which
//   takes common boilerplate leads (see the failure modes in the docs).
constexpr std::size_t kShingleWords = 4;
constexpr std::size_t kLeadWords = 80;
// Bodies this short have too few shingles for a minimum to mean much: the key is then the
// hash of all their words, so only exact copies (after normalisation) share it.
constexpr std::size_t kShortBodyWords = 2 * kShingleWords;
// An agency credit is looked for this far into the body only.
constexpr std::size_t kCreditSearchBytes = 120;

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// splitmix64's finaliser: spreads FNV's weak low bits so the minimum is a fair sample.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::uint64_t hash_words(const std::vector<std::string>& words, std::size_t begin,
                         std::size_t end) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = begin; i < end; ++i) {
        h = fnv1a(h, words[i]);
        h = fnv1a(h, " ");  // so "ab c" and "a bc" differ
    }
    return mix(h);
}

// Length of a dash that ends a credit at `pos` ("-", "--", "—", "–"), or 0.
std::size_t dash_at(std::string_view s, std::size_t pos) {
    if (s.compare(pos, 2, "--") == 0) return 2;
    if (s.compare(pos, 1, "-") == 0) return 1;
    if (s.compare(pos, 3, "\xE2\x80\x94") == 0 || s.compare(pos, 3, "\xE2\x80\x93") == 0) return 3;
    return 0;
}

// "(Reuters) - text", "LONDON, March 3 (Reuters) - text" → "text". A credit is a closing
// parenthesis followed by a dash near the start, with its opening parenthesis before it.
std::string_view strip_credit(std::string_view body) {
    std::size_t limit = std::min(body.size(), kCreditSearchBytes);
    for (std::size_t close = body.find(')'); close != std::string_view::npos && close < limit;
         close = body.find(')', close + 1)) {
        if (body.rfind('(', close) == std::string_view::npos) continue;
        std::size_t pos = close + 1;
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
        std::size_t dash = dash_at(body, pos);
        if (dash == 0) continue;
        return body.substr(pos + dash);
    }
    return body;
}

std::string to_hex(std::uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

std::vector<std::string> duplicate_key_words(std::string_view body) {
    std::string text(strip_credit(body));
    std::vector<std::string> words;
    std::string word;
    unsigned previous = 0;
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        auto next = it;
        ++next;
        // "1.2" and "900,000" stay one word: templated items (earnings, prices) differ
        // mostly in their numbers, and split numbers would make them look alike.
        bool in_number = (ch == '.' || ch == ',') && previous >= '0' && previous <= '9' &&
                         next != Xapian::Utf8Iterator() && *next >= '0' && *next <= '9';
        previous = ch;
        if (Xapian::Unicode::is_wordchar(ch) || in_number) {
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string duplicate_key_of_body(std::string_view body) {
    std::vector<std::string> words = duplicate_key_words(body);
    if (words.empty()) return "";
    if (words.size() < kShortBodyWords) return to_hex(hash_words(words, 0, words.size()));
    std::size_t lead = std::min(words.size(), kLeadWords);
    std::uint64_t best = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t i = 0; i + kShingleWords <= lead; ++i) {
        best = std::min(best, hash_words(words, i, i + kShingleWords));
    }
    return to_hex(best);
}

std::string duplicate_key(const Article& article) {
    return duplicate_key_of_body(article.body);
}

}  // namespace gazette
