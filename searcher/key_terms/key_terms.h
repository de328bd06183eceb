// Key terms: the words and names that characterise a set of matching articles against a
// background (the whole archive, or the whole match set for one period of a timeline), as
// Elasticsearch's significant_terms aggregation scores them (JLH, docs/key-terms.md).
//
// The foreground is a sample: the top kKeyTermSample matches by relevance, near-duplicates
// folded (what Elasticsearch's `sampler` aggregation takes by default), so the cost does not
// grow with the match set. Terms are the stems of title and body words, each counted once
// per sampled article from its term list; a stem is shown as the archive's most frequent word
// with that stem ("negotiations", not "negoti"), in the case the sampled articles write it
// ("ICCO", "Witkoff"). Stop words, numbers and the query's own words are left out.
#pragma once

#include <xapian.h>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gazette {

// How many top matches a key-term request samples (and per timeline, kKeyTermTimelineSample
// in all, shared among the periods).
inline constexpr Xapian::doccount kKeyTermSample = 100;
inline constexpr Xapian::doccount kKeyTermTimelineSample = 1000;
// How many of the sampled articles holding a term are read for the case it is shown in.
inline constexpr std::size_t kKeyTermCaseTexts = 3;

struct KeyTerm {
    std::string term;  // as shown: the most frequent word of the stem, cased as written
    double score = 0;  // JLH: (fg% - bg%) * fg% / bg%
    Xapian::doccount sample_docs = 0;      // sampled articles holding it
    Xapian::doccount background_docs = 0;  // background articles holding it
};

struct KeyTermList {
    std::vector<KeyTerm> terms;  // best first
    Xapian::doccount sample_size = 0;
    Xapian::doccount background_size = 0;
};

// The stems of a document's title and body words (its Zword terms, without the Z), each once.
std::vector<std::string> document_stems(const Xapian::Database& db, Xapian::docid id);

// How many of a set of documents hold a stem, and the first few of them.
struct StemStats {
    Xapian::doccount documents = 0;
    std::array<Xapian::docid, kKeyTermCaseTexts> first{};  // 0 = none
};

// How many of a set of documents hold each stem.
class StemCounts {
  public:
    void add_document(const Xapian::Database& db, Xapian::docid id) {
        add_stems(document_stems(db, id), id);
    }
    // Document `id`'s stems (document_stems).
    void add_stems(const std::vector<std::string>& stems, Xapian::docid id);
    Xapian::doccount documents() const { return documents_; }
    const std::unordered_map<std::string, StemStats>& stats() const { return stats_; }
    Xapian::doccount count(const std::string& stem) const;
    const StemStats* find(const std::string& stem) const;

  private:
    std::unordered_map<std::string, StemStats> stats_;  // stem (no Z) -> its documents
    Xapian::doccount documents_ = 0;
};

// Where the background's document counts come from.
struct Background {
    Xapian::doccount size = 0;
    std::function<Xapian::doccount(const std::string& stem)> documents_with;
};

// The whole archive as background: the stems' term frequencies in `db`, each kept once looked
// up (a lookup is a B-tree read; the same words come back query after query, and a searcher
// reads one revision, so they stay right). At most kMaxKnownFrequencies are kept.
class ArchiveBackground {
  public:
    explicit ArchiveBackground(Xapian::Database db) : db_(std::move(db)) {}
    Background background();
    std::size_t memory_bytes() const;

  private:
    Xapian::Database db_;
    std::unordered_map<std::string, Xapian::doccount> known_;
};
inline constexpr std::size_t kMaxKnownFrequencies = 200000;
// A set of counted documents as background (a timeline's whole match set).
Background sample_background(const StemCounts& counts);

// The words left out: the query's own (its terms and their stems).
std::unordered_set<std::string> query_words(const Xapian::Query& query);

// The `count` best stems of `foreground` against `background`, scored, stop words, numbers
// and `excluded` stems or words left out; terms not yet in their shown form (shown_forms).
std::vector<KeyTerm> significant_stems(const StemCounts& foreground, const Background& background,
                                       const std::unordered_set<std::string>& excluded,
                                       unsigned count);

// The body of a stored article (for the case of words), "" when it has none.
using TextOf = std::function<std::string(Xapian::docid)>;

// Replaces each KeyTerm's stem by its shown form: the archive's most frequent word with that
// stem, cased as the first sampled articles holding it (`foreground`) write it.
void shown_forms(std::vector<KeyTerm>& terms, const Xapian::Database& db,
                 const Xapian::Stem& stemmer, const StemCounts& foreground, const TextOf& text_of);

}  // namespace gazette
