// Small helpers for the English text the generator writes (ASCII-aware only where the
// generator itself only produces ASCII at that position).
#pragma once

#include <string>
#include <string_view>

namespace gazette::generator {

// Whitespace-separated words in `text`.
int count_words(std::string_view text);

// Upper-cases the byte at `pos` when it is an ASCII letter (sentence starts from the
// vocabulary are always ASCII; names are already capitalised).
void capitalise_at(std::string& text, std::size_t pos);

}  // namespace gazette::generator
