// The snippet each hit shows: the passage Xapian's MSet::snippet would choose from the whole
// text, at a fraction of its cost. The query's words are first looked for as plain bytes
// (SnippetKeys), which costs a few microseconds: the passage is then looked for from a little
// before the first place a query word can be, which gives the passage the whole text gives,
// and by PassageChooser, which applies Xapian's rules but looks up and stems only the words a
// key starts (passage.h). Xapian itself chooses where the keys cannot be trusted (wildcards,
// non-English stems, non-ASCII query words) and in texts with CJK characters. A text that
// holds none of the words shows its opening instead of Xapian's choice in that case, its last
// lines: for news the lead says what the story is.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "searcher/engine/passage.h"
#include "searcher/engine/snippet_keys.h"

namespace gazette {

// The snippets of one match (one MSet and the query that made it).
class Snippets {
  public:
    Snippets(const Xapian::MSet& mset, const Xapian::Query& query, const Xapian::Stem& stemmer,
             const std::string& stem_language);
    Snippets(const Snippets&) = delete;  // chooser_ refers to keys_
    Snippets& operator=(const Snippets&) = delete;

    // The passage of `text` (the body, or the title when there is none) that holds most of the
    // match's words, HTML-escaped, the words in <mark>; the text's opening when none is there.
    std::string of(const std::string& text) const;

  private:
    const Xapian::MSet& mset_;
    const Xapian::Stem& stemmer_;
    SnippetKeys keys_;
    std::optional<PassageChooser> chooser_;  // when keys_ are usable
};

// The opening of `text` that a snippet of no match shows: up to `length` bytes, cut after a
// whole word, HTML-escaped as Xapian escapes snippets, "…" after it when the text goes on.
std::string text_opening(std::string_view text, std::size_t length);

}  // namespace gazette
