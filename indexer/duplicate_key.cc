#include "indexer/duplicate_key.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "common/hash.h"
#include "common/text/stopwords.h"

namespace gazette {
namespace {

// The scheme (docs/duplicates.md has the measurements behind these numbers): among the first
// kLeadWords words of the body, stop words dropped, take the hashes of all 4-word shingles;
// the key is the hash of the two smallest (a bottom-2 MinHash sketch).
// - Only the lead counts: copies trim and touch up the end of a story more than its start,
//   and a cut last paragraph then leaves the key alone unless the story is short.
// - Two minima, not one: with one, a phrase many stories share ("at Olympic Committee, said
//   on") gathers all of them whenever it happens to hash lowest (precision 0.02 on the
//   synthetic archive); two common phrases both lowest is rare. Not more than two, because a
//   key must be EQUAL for copies and each changed word that touches the sketch changes it.
// - Stop words out: shingles of content words are rarer, so fewer stories share them.
constexpr std::size_t kShingleWords = 4;
constexpr std::size_t kLeadWords = 150;
constexpr std::size_t kSketchSize = 2;
// Bodies this short have too few shingles for minima to mean much: the key is then the
// hash of all their words, so only exact copies (after normalisation) share it. Nor do they
// say enough to tell stories apart: 1,604 Reuters items are a headline over the body
// "Blah blah blah.", and keyed by that body alone they were all one story, each hiding the
// others. An article with a body this short is keyed by its headline and body together.
constexpr std::size_t kShortBodyWords = 2 * kShingleWords;
constexpr std::size_t kCreditSearchBytes = 120;
// The first numbers of the lead are part of the key as well: templated stories (bond issues,
// tender offers, weekly crop reports) share boilerplate phrases that can supply both minima,
// and differ in their figures. With them, Reuters articles keyed like one whose body shares
// under half their shingles went from 112 to 37, each of those the same story retold
// (docs/duplicates.md, "Templated stories"); copies keep a story's first figures.
constexpr std::size_t kLeadNumbers = 8;

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
    std::uint64_t h = kFnv1aOffsetBasis;
    for (std::size_t i = begin; i < end; ++i) {
        h = fnv1a(h, words[i]);
        h = fnv1a(h, " ");  // so "ab c" and "a bc" differ
    }
    return mix(h);
}

// Length of a dash that ends a credit at `pos` ("-", "--", "—", "–"), or 0.
std::size_t dash_at(std::string_view s, std::size_t pos) {
    if (s.compare(pos, 2, "--") == 0)
        return 2;
    if (s.compare(pos, 1, "-") == 0)
        return 1;
    if (s.compare(pos, 3, "\xE2\x80\x94") == 0 || s.compare(pos, 3, "\xE2\x80\x93") == 0)
        return 3;
    return 0;
}

// "(Reuters) - text", "LONDON, March 3 (Reuters) - text" → "text". A credit is a closing
// parenthesis followed by a dash near the start, with its opening parenthesis before it.
std::string_view strip_credit(std::string_view body) {
    std::size_t limit = std::min(body.size(), kCreditSearchBytes);
    for (std::size_t close = body.find(')'); close != std::string_view::npos && close < limit;
         close = body.find(')', close + 1)) {
        if (body.rfind('(', close) == std::string_view::npos)
            continue;
        std::size_t pos = close + 1;
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
            ++pos;
        std::size_t dash = dash_at(body, pos);
        if (dash == 0)
            continue;
        return body.substr(pos + dash);
    }
    return body;
}

// The hash of the lead's first kLeadNumbers words holding a digit, in order (0 if none).
std::uint64_t lead_numbers(const std::vector<std::string>& words) {
    std::uint64_t h = 0;
    std::size_t seen = 0;
    for (const auto& w : words) {
        if (seen == kLeadNumbers)
            break;
        if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            h = mix(fnv1a(h ^ kFnv1aOffsetBasis, w));
            ++seen;
        }
    }
    return h;
}

std::string to_hex(std::uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// The words of `text`, lowered; "1.2" and "900,000" are one word each.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    unsigned previous = 0;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
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
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

}  // namespace

std::vector<std::string> duplicate_key_words(std::string_view body) {
    return words_of(strip_credit(body));
}

namespace {

// The body's first kLeadWords words.
std::vector<std::string> lead_of(std::string_view body) {
    std::vector<std::string> words = duplicate_key_words(body);
    if (words.size() > kLeadWords)
        words.resize(kLeadWords);
    return words;
}

// The lead without stop words (all of it when it has nothing else): the words keyed.
std::vector<std::string> content_of(const std::vector<std::string>& lead) {
    // Immutable once made (C++ makes its initialisation thread-safe); writer threads share it.
    static const std::unique_ptr<Xapian::Stopper> stopper = make_english_stopper();
    std::vector<std::string> content;
    for (const auto& w : lead) {
        if (!(*stopper)(w))
            content.push_back(w);
    }
    return content.empty() ? lead : content;
}

// The key of a lead whose content words (content_of) are `content`.
std::string key_of_lead(const std::vector<std::string>& lead,
                        const std::vector<std::string>& content) {
    std::uint64_t numbers = lead_numbers(lead);
    if (content.size() < kShortBodyWords)
        return to_hex(hash_words(content, 0, content.size()));
    // (hash, position) of every shingle; the sketch takes the smallest hashes of shingles
    // that do not overlap, so one boilerplate phrase ("registration statement with the
    // Securities and Exchange Commission") cannot supply both.
    std::vector<std::pair<std::uint64_t, std::size_t>> shingles;
    for (std::size_t i = 0; i + kShingleWords <= content.size(); ++i) {
        shingles.emplace_back(hash_words(content, i, i + kShingleWords), i);
    }
    std::sort(shingles.begin(), shingles.end());
    std::vector<std::pair<std::uint64_t, std::size_t>> sketch;
    for (const auto& s : shingles) {
        bool overlaps = false;
        for (const auto& c : sketch) {
            std::size_t distance = s.second > c.second ? s.second - c.second : c.second - s.second;
            overlaps = overlaps || s.first == c.first || distance < kShingleWords;
        }
        if (!overlaps)
            sketch.push_back(s);
        if (sketch.size() == kSketchSize)
            break;
    }
    std::uint64_t key = kFnv1aOffsetBasis ^ numbers;
    for (const auto& c : sketch)
        key = mix(key ^ c.first);  // in hash order: order-independent
    return to_hex(key);
}

}  // namespace

std::string duplicate_key_of_body(std::string_view body) {
    std::vector<std::string> lead = lead_of(body);
    return lead.empty() ? "" : key_of_lead(lead, content_of(lead));
}

std::string duplicate_key(const Article& article) {
    std::vector<std::string> lead = lead_of(article.body);
    if (lead.empty())
        return "";
    std::vector<std::string> content = content_of(lead);
    if (content.size() < kShortBodyWords) {
        // The headline's words before the body's (no credit is looked for in a headline).
        std::vector<std::string> words = words_of(article.title);
        words.insert(words.end(), lead.begin(), lead.end());
        if (words.size() > kLeadWords)
            words.resize(kLeadWords);
        return key_of_lead(words, content_of(words));
    }
    return key_of_lead(lead, content);
}

}  // namespace gazette
