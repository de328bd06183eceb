#include "corpus/generator/text_util.h"

namespace gazette::generator {

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word)
            ++words;
        in_word = !space;
    }
    return words;
}

void capitalise_at(std::string& text, std::size_t pos) {
    if (pos < text.size() && text[pos] >= 'a' && text[pos] <= 'z')
        text[pos] = static_cast<char>(text[pos] - 'a' + 'A');
}

}  // namespace gazette::generator
