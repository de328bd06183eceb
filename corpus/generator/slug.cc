#include "corpus/generator/slug.h"

#include <cstdio>

#include "corpus/generator/dates.h"

namespace gazette::generator {
namespace {

// ASCII base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A),
// one per code point; '-' where there is no sensible base letter (×, ÷).
constexpr std::string_view kLatinBase =
    "aaaaaaaceeeeiiiidnooooo-ouuuuyts"   // U+00C0..U+00DF
    "aaaaaaaceeeeiiiidnooooo-ouuuuyty"   // U+00E0..U+00FF
    "aaaaaaccccccccddddeeeeeeeeeegggg"   // U+0100..U+011F
    "gggghhhhiiiiiiiiiijjjjkkklllllll"   // U+0120..U+013F
    "lllnnnnnnnnnoooooooorrrrrrssssss"   // U+0140..U+015F
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0160..U+017F
static_assert(kLatinBase.size() == 0x180 - 0xC0);

// Vietnamese letters (U+1EA0..U+1EF9) fold in the same spirit, in blocks by base vowel.
char vietnamese_base(unsigned cp) {
    if (cp < 0x1EB8)
        return 'a';
    if (cp < 0x1EC8)
        return 'e';
    if (cp < 0x1ECC)
        return 'i';
    if (cp < 0x1EE4)
        return 'o';
    if (cp < 0x1EF2)
        return 'u';
    return 'y';
}

}  // namespace

std::string slugify(std::string_view text, int max_words) {
    std::string out;
    int words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        char base = 0;
        std::size_t length = 1;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                base = static_cast<char>(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                base = static_cast<char>(c);
            else if (c == '\'')  // "Citizen's" → "citizens", not "citizen-s"
                length = 0;
        } else {
            length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            unsigned cp = 0;
            if (length == 2 && i + 1 < text.size())
                cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            else if (length == 3 && i + 2 < text.size())
                cp = ((c & 0x0Fu) << 12) |
                     ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                     (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != '-')
                base = kLatinBase[cp - 0xC0];
            else if (cp >= 0x1EA0 && cp <= 0x1EF9)
                base = vietnamese_base(cp);
            else if (cp == 0x01A0 || cp == 0x01A1)  // ơ
                base = 'o';
            else if (cp == 0x01AF || cp == 0x01B0)  // ư
                base = 'u';
            else if (cp == 0x0219 || cp == 0x0218)  // ș
                base = 's';
            else if (cp == 0x021B || cp == 0x021A)  // ț
                base = 't';
        }
        if (length == 0) {  // an apostrophe: skip it without ending the word
            ++i;
            continue;
        }
        i += length;
        if (base) {
            if (!in_word) {
                if (words == max_words)
                    break;
                if (!out.empty())
                    out += '-';
                ++words;
                in_word = true;
            }
            out += base;
        } else {
            in_word = false;
        }
    }
    return out;
}

std::string article_url(std::string_view outlet_slug, std::int64_t timestamp,
                        std::string_view headline) {
    const DateParts d = date_parts(timestamp);
    char date_path[16];
    std::snprintf(date_path, sizeof date_path, "/%04d/%02d/", d.year, d.month);
    std::string url = "https://";
    url += outlet_slug;
    url += ".example";
    url += date_path;
    url += slugify(headline);
    return url;
}

}  // namespace gazette::generator
