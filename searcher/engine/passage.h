// The passage a hit's snippet shows, chosen by the rules of Xapian's MSet::snippet, with the
// work only where a query word can be.
//
// The rules (xapian-core 1.4, queryparser/termgenerator_internal.cc): the text is read as
// TermGenerator reads it, word by word; a window of `length` bytes of whole words slides over
// it, scored by the query words in it (each term weighted as the match weighted it, plus the
// query's heaviest term; each repeat inside the window counting half the one before; a tight
// phrase as one unit worth its words); the best window is kept (a later one as good replaces
// it), and reading stops once the window has left a found passage behind. Its words are
// written out HTML-escaped, the matched ones in <mark>, with "…" where it does not start or
// end a sentence.
//
// Xapian looks up every word of the text it reads as a term, and stems it and looks it up
// again: after the byte search that skips to the first query word (snippets.h), that was
// still a third of a news search's instructions (docs/benchmarks.md, "The search page"). Here
// a word is looked up only when a SnippetKeys key starts it; no other word can be a query
// term or have a query term's stem, so the passage is the one Xapian would choose
// (tests/unit/passage_test.cc and snippets_test.cc compare them on made and real texts,
// tests/fuzz/fuzz_snippet.cc on fuzzed ones). Two of Xapian 1.4's slips are not copied: in a
// query with phrases of different lengths Xapian checks a shorter phrase against the wrong
// earlier words (here: the words just before), and a phrase that runs past the passage's end
// leaves its <mark> open (here it is closed).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "searcher/engine/snippet_keys.h"

namespace gazette {

class PassageChooser {
  public:
    // `keys` must be usable() and outlive the chooser; `stemmer` too.
    PassageChooser(const Xapian::MSet& mset, const Xapian::Query& query,
                   const Xapian::Stem& stemmer, const SnippetKeys& keys);

    // The passage of `text`, at most about `length` bytes of it before escaping and
    // highlighting; nullopt when the text holds CJK characters, which Xapian reads as n-grams
    // (then let Xapian choose).
    std::optional<std::string> choose(std::string_view text, std::size_t length) const;

  private:
    struct Phrase {
        std::vector<std::string> terms;
        std::size_t slot;  // its relevance in relevance_
    };
    struct Word;
    class Window;

    // The relevance slot of the word that ends the recent words `recent` (oldest first, the
    // word itself last), and how many words its highlight spans; slot kNone when none.
    std::size_t match(const std::vector<std::string>& recent, std::size_t& highlight) const;

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    const Xapian::Stem& stemmer_;
    const SnippetKeys& keys_;
    std::unordered_map<std::string, std::size_t> loose_;  // term -> slot
    std::vector<Phrase> phrases_;
    std::size_t longest_phrase_ = 0;
    std::vector<double> relevance_;  // by slot, as a window starts
};

// Appends `text` to `out` escaped as Xapian escapes snippets: &, < and >.
void append_html_escaped(std::string_view text, std::string& out);

}  // namespace gazette
