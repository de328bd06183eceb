// The snippet each hit shows, made by Xapian's MSet::snippet but from only the part of the
// text it needs. Xapian tokenises and stems a hit's text from the first byte until it has
// found a passage and moved past it, and reads all of it when no query word is there. The
// query's words are first looked for as plain bytes, which costs a few microseconds: Xapian
// then starts a little before the first place a query word can be, and gets the passage it
// would have got from the whole text. On news the first query word is usually early, so this
// saved 2% of a search's instructions (docs/benchmarks.md, "The search page"). A text that
// holds none of the words shows its opening instead of Xapian's choice in that case, its last
// lines: for news the lead says what the story is.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// Where in a text a query's words can first be, found with byte searches. Each key is a
// lowercase ASCII string that any word matching one of the query's terms (as Xapian's snippet
// generator matches them: the word itself, or "Z" + its stem) contains.
class SnippetKeys {
  public:
    // `stem_language`: the ISO 639-1 code of `query`'s stemmer ("" when none). Stemmed terms
    // give keys only for English, whose stems drop at most their last letter against the
    // word (tests/unit/snippets_test.cc checks it on real words); for any other language, or a
    // query Xapian may match on words no key finds (wildcards, non-ASCII terms), `usable()` is
    // false and the whole text is read.
    SnippetKeys(const Xapian::Query& query, const std::string& stem_language);

    bool usable() const { return usable_; }
    const std::vector<std::string>& keys() const { return keys_; }

    // The offset of the first place in `text` where a key occurs; text.size() when none does
    // (only meaningful when usable()).
    std::size_t first_in(std::string_view text) const;

  private:
    void add_term(const std::string& term, const std::string& stem_language);
    void add_key(std::string key);

    bool usable_ = true;
    std::vector<std::string> keys_;
};

// The snippets of one match (one MSet and the query that made it).
class Snippets {
  public:
    Snippets(const Xapian::MSet& mset, const Xapian::Query& query, const Xapian::Stem& stemmer,
             const std::string& stem_language);

    // The passage of `text` (the body, or the title when there is none) that holds most of the
    // match's words, HTML-escaped, the words in <mark>; the text's opening when none is there.
    std::string of(const std::string& text) const;

  private:
    const Xapian::MSet& mset_;
    const Xapian::Stem& stemmer_;
    SnippetKeys keys_;
};

// The opening of `text` that a snippet of no match shows: up to `length` bytes, cut after a
// whole word, HTML-escaped as Xapian escapes snippets, "…" after it when the text goes on.
std::string text_opening(std::string_view text, std::size_t length);

}  // namespace gazette
