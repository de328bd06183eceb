// Where in a hit's text a query's words can be, found without tokenising it: the keys a byte
// search looks for, and the test a word must pass before it is worth a lookup or a stem.
#pragma once

#include <xapian.h>

#include <array>
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

    // Whether a key starts `word` (a lowercased word of the text, as Xapian's tokeniser makes
    // it): false means that neither the word nor its stem is one of the query's terms.
    bool could_start(std::string_view word) const {
        if (word.empty() || !first_bytes_[static_cast<unsigned char>(word[0])])
            return false;
        for (const std::string& key : keys_) {
            if (word.substr(0, key.size()) == key)
                return true;
        }
        return false;
    }

  private:
    void add_term(const std::string& term, const std::string& stem_language);
    void add_key(std::string key);

    bool usable_ = true;
    std::vector<std::string> keys_;
    std::array<bool, 256> first_bytes_{};  // the keys' first bytes
};

}  // namespace gazette
