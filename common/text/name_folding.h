// Name variants across spellings and scripts: "Zelenskyy", "Zelensky", "Zelenskiy",
// "Зеленский" and "Зеленський" all fold to one key, "zelensky"; "José" to "jose";
// "München" to both "munchen" and "muenchen". The indexer adds each word's folded key as an
// extra term under kFoldedPrefix (common/schema.h: its own prefix, so keys never mix with
// real words); the query builder ORs a query word's key into its term
// (OP_SYNONYM). docs/name-variants.md describes the rules and what they do not cover.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette {

// The skeleton of an ASCII lower-case word: the y/i endings that English, German, ISO and
// BGN romanisations of Slavic names disagree on collapse to "y" (zelenskyy, zelenskiy,
// zelenskij, zelenskii → zelensky), a final "ei" becomes "ey" (sergei → sergey), and the
// curated table of spellings no rule reaches (kiev → kyiv) applies last. Pure; exposed for
// tests.
std::string name_skeleton(std::string word);

// Folds words to their keys. Holds an ICU transliterator, which is not thread-safe: one
// NameFolder per thread (one per DocumentBuilder, one per QueryBuilder).
class NameFolder {
  public:
    NameFolder();
    ~NameFolder();
    NameFolder(const NameFolder&) = delete;
    NameFolder& operator=(const NameFolder&) = delete;

    // The keys of one word as TermGenerator indexes it (lower case, UTF-8): none for words
    // in scripts other than Latin, Greek and Cyrillic (Han, Arabic, Thai, ... are left
    // alone) or that fold to nothing; two for words with a German umlaut (ü → u and ü →
    // ue); else one. A key may equal the word itself (most ASCII words).
    const std::vector<std::string>& fold(std::string_view word);

  private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
    // Transliteration is slow; news repeats its names. Bounded: cleared when full.
    std::unordered_map<std::string, std::vector<std::string>> cache_;
    std::vector<std::string> scratch_;
};

}  // namespace gazette
