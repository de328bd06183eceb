#include "searcher/key_terms/key_terms.h"

#include <algorithm>
#include <map>
#include <memory>

#include "common/schema.h"
#include "common/text/stopwords.h"

namespace gazette {
namespace {

// The first byte of a word of the text: a lower-case letter (the index lowers words) or
// the start of a non-ASCII character. Digits (numbers) and upper-case ASCII (the prefixes
// of fields) are not.
bool starts_word(char c) {
    auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || b >= 0x80;
}

// Zword, the stem of a title or body word: "word", else "".
std::string_view stem_of_term(std::string_view term) {
    if (term.size() < 2 || term.substr(0, kStemmedPrefix.size()) != kStemmedPrefix ||
        !starts_word(term[kStemmedPrefix.size()]))
        return {};
    return term.substr(kStemmedPrefix.size());
}

constexpr std::size_t kLongestAcronym = 5;

// Calendar words (English stems): every period's articles name their own month and days, so
// without this a timeline's key terms were "March" in March and "April" in April.
bool is_calendar_stem(std::string_view stem) {
    static constexpr std::string_view kCalendar[] = {
        "januari", "februari",  "march",    "april",  "june",     "juli",  "august", "septemb",
        "octob",   "novemb",    "decemb",   "jan",    "feb",      "mar",   "apr",    "jun",
        "jul",     "aug",       "sep",      "sept",   "oct",      "nov",   "dec",    "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (std::string_view word : kCalendar) {
        if (stem == word)
            return true;
    }
    return false;
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// The most frequent of the spellings `word` (lower case) has in `texts`, counting only
// occurrences that do not start a sentence (where every word is capitalised); `word` itself
// when it is never written otherwise.
std::string cased(const std::string& word, const std::vector<std::string>& lowered,
                  const std::vector<std::string>& texts) {
    std::map<std::string, unsigned> spellings;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string& low = lowered[t];
        for (std::size_t at = low.find(word); at != std::string::npos;
             at = low.find(word, at + 1)) {
            std::size_t end = at + word.size();
            if ((at > 0 && is_ascii_alpha(low[at - 1])) ||
                (end < low.size() && is_ascii_alpha(low[end])))
                continue;  // inside a longer word
            std::size_t before = low.find_last_not_of(" \t\r\n\"'(", at == 0 ? 0 : at - 1);
            bool sentence_start = at == 0 || before == std::string::npos || low[before] == '.' ||
                                  low[before] == '!' || low[before] == '?' || low[before] == ':';
            std::string spelling = texts[t].substr(at, word.size());
            // Datelines and wire headlines ("LONDON, March 3 -") shout every word: all capitals
            // count only for words short enough to be acronyms (ICCO, OPEC, USDA).
            bool shouted = std::none_of(spelling.begin(), spelling.end(),
                                        [](char c) { return c >= 'a' && c <= 'z'; });
            if (!sentence_start && (!shouted || spelling.size() <= kLongestAcronym))
                ++spellings[spelling];
        }
    }
    std::string best = word;
    unsigned best_count = 0;
    for (const auto& [spelling, n] : spellings) {
        if (n > best_count || (n == best_count && spelling == word)) {
            best = spelling;
            best_count = n;
        }
    }
    return best;
}

// The archive's most frequent word with `stem`: words are looked for among the index's terms
// that start like the stem (all but its last letter), kMaxFormsLooked at most.
constexpr unsigned kMaxFormsLooked = 300;

std::string most_frequent_form(const std::string& stem, const Xapian::Database& db,
                               const Xapian::Stem& stemmer) {
    std::string start = stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem;
    std::string best = stem;
    Xapian::doccount best_freq = 0;
    unsigned looked = 0;
    for (auto it = db.allterms_begin(start);
         it != db.allterms_end(start) && looked < kMaxFormsLooked; ++it, ++looked) {
        std::string word = *it;
        if (stemmer(word) != stem)
            continue;
        Xapian::doccount freq = it.get_termfreq();
        if (freq > best_freq) {
            best = std::move(word);
            best_freq = freq;
        }
    }
    return best;
}

}  // namespace

std::vector<std::string> document_stems(const Xapian::Database& db, Xapian::docid id) {
    std::vector<std::string> out;
    // Term lists are sorted, and the stems of text words are a run of them: from "Za" on.
    auto it = db.termlist_begin(id);
    it.skip_to(std::string(kStemmedPrefix) + "a");
    for (; it != db.termlist_end(id); ++it) {
        std::string term = *it;
        if (term.compare(0, kStemmedPrefix.size(), kStemmedPrefix) != 0)
            break;
        std::string_view stem = stem_of_term(term);
        if (!stem.empty())
            out.emplace_back(stem);
    }
    return out;
}

void StemCounts::add_stems(const std::vector<std::string>& stems, Xapian::docid id) {
    ++documents_;
    for (const auto& stem : stems) {
        StemStats& s = stats_[stem];
        if (s.documents < s.first.size())
            s.first[s.documents] = id;
        ++s.documents;
    }
}

const StemStats* StemCounts::find(const std::string& stem) const {
    auto it = stats_.find(stem);
    return it == stats_.end() ? nullptr : &it->second;
}

Xapian::doccount StemCounts::count(const std::string& stem) const {
    const StemStats* s = find(stem);
    return s ? s->documents : 0;
}

Background ArchiveBackground::background() {
    if (known_.size() > kMaxKnownFrequencies)
        known_.clear();
    Background out;
    out.size = db_.get_doccount();
    out.documents_with = [this](const std::string& stem) {
        auto [it, added] = known_.try_emplace(stem, 0);
        if (added)
            it->second = db_.get_termfreq(std::string(kStemmedPrefix) + stem);
        return it->second;
    };
    return out;
}

std::size_t ArchiveBackground::memory_bytes() const {
    std::size_t n = known_.bucket_count() * sizeof(void*);
    for (const auto& [stem, freq] : known_)
        n += sizeof(std::pair<std::string, Xapian::doccount>) + 2 * sizeof(void*) +
             (stem.size() > 15 ? stem.capacity() : 0);
    return n;
}

Background sample_background(const StemCounts& counts) {
    Background out;
    out.size = counts.documents();
    out.documents_with = [&counts](const std::string& stem) { return counts.count(stem); };
    return out;
}

std::unordered_set<std::string> query_words(const Xapian::Query& query) {
    std::unordered_set<std::string> out;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        std::string_view stem = stem_of_term(term);
        if (!stem.empty()) {
            out.emplace(stem);
        } else if (!term.empty() && starts_word(term[0])) {
            out.insert(term);
        }
    }
    return out;
}

std::vector<KeyTerm> significant_stems(const StemCounts& foreground, const Background& background,
                                       const std::unordered_set<std::string>& excluded,
                                       unsigned count) {
    std::vector<KeyTerm> out;
    if (foreground.documents() == 0 || background.size == 0 || count == 0)
        return out;
    // A word in one or two sampled articles says nothing of the set (Elasticsearch's
    // min_doc_count is 3); small samples (a quiet week) take 2.
    Xapian::doccount least = foreground.documents() >= 30 ? 3 : 2;
    std::unique_ptr<Xapian::Stopper> stopper = make_english_stopper();
    auto fg_size = static_cast<double>(foreground.documents());
    auto bg_size = static_cast<double>(background.size);
    std::vector<std::pair<const std::string*, Xapian::doccount>> candidates;
    for (const auto& [stem, stats] : foreground.stats()) {
        if (stats.documents < least || stem.size() < 2 || excluded.count(stem) ||
            (*stopper)(stem) || is_calendar_stem(stem))
            continue;
        candidates.emplace_back(&stem, stats.documents);
    }
    // Looked up in term order: Xapian's table cursor then reads each block once, not once a
    // term (in hash order each lookup was a walk from the root: most of the time).
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    for (const auto& [stem_ptr, docs] : candidates) {
        const std::string& stem = *stem_ptr;
        Xapian::doccount bg_docs = background.documents_with(stem);
        double fg = docs / fg_size;
        // A term the background lacks (a stale revision, a sample outside it) counts as in
        // the sampled articles only.
        double bg = std::max<double>(bg_docs, docs) / bg_size;
        if (fg <= bg)
            continue;
        out.push_back({stem, (fg - bg) * (fg / bg), docs, bg_docs});
    }
    std::sort(out.begin(), out.end(), [](const KeyTerm& a, const KeyTerm& b) {
        return a.score != b.score ? a.score > b.score : a.term < b.term;
    });
    if (out.size() > count)
        out.resize(count);
    return out;
}

void shown_forms(std::vector<KeyTerm>& terms, const Xapian::Database& db,
                 const Xapian::Stem& stemmer, const StemCounts& foreground, const TextOf& text_of) {
    std::map<Xapian::docid, std::pair<std::string, std::string>> read;  // text, lowered
    for (auto& term : terms) {
        std::vector<std::string> texts, lowered;
        if (const StemStats* stats = foreground.find(term.term)) {
            for (Xapian::docid id : stats->first) {
                if (id == 0)
                    break;
                auto it = read.find(id);
                if (it == read.end()) {
                    std::string text = text_of(id);
                    std::string low = text;
                    std::transform(low.begin(), low.end(), low.begin(), ascii_lower);
                    it = read.emplace(id, std::make_pair(std::move(text), std::move(low))).first;
                }
                texts.push_back(it->second.first);
                lowered.push_back(it->second.second);
            }
        }
        term.term = cased(most_frequent_form(term.term, db, stemmer), lowered, texts);
    }
}

}  // namespace gazette
