#include "searcher/engine/passage.h"

#include <algorithm>
#include <array>

namespace gazette {
namespace {

using Xapian::Unicode::get_category;
using Xapian::Unicode::is_wordchar;

constexpr std::size_t kMaxWordBytes = 64;  // longer words are not words to Xapian's snippets
constexpr double kDecay = 2.0;             // a repeat in the window counts half the one before
constexpr unsigned kIgnored = ~0u;         // a joiner that joins without being part of the word

struct Char {
    unsigned ch;
    std::size_t size;  // in bytes
};

// The character at `pos` beyond ASCII, decoded as Xapian::Utf8Iterator decodes it (a byte
// that does not start valid UTF-8 is read as the Latin-1 character of that byte, as Xapian
// reads it). g++ 12 takes the iterator's lazily computed sequence length for uninitialised.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
Char decode(std::string_view text, std::size_t pos) {
    Xapian::Utf8Iterator it(text.data() + pos, text.size() - pos);
    unsigned ch = *it;
    ++it;
    return {ch, static_cast<std::size_t>(it.raw() - (text.data() + pos))};
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// The character at `pos`. Most of a news text is ASCII: it is read without a call.
inline Char char_at(std::string_view text, std::size_t pos) {
    auto byte = static_cast<unsigned char>(text[pos]);
    return byte < 0x80 ? Char{byte, 1} : decode(text, pos);
}

// Xapian::Unicode::is_wordchar, without its table lookup for ASCII: letters, digits and '_'
// are ASCII's word characters (the categories of letters, digits and connector punctuation).
constexpr std::array<bool, 0x80> kAsciiWord = [] {
    std::array<bool, 0x80> word{};
    for (unsigned ch = 0; ch < 0x80; ++ch)
        word[ch] = (ch | 0x20) - 'a' < 26 || ch - '0' < 10 || ch == '_';
    return word;
}();

inline bool is_word(unsigned ch) {
    return ch < 0x80 ? kAsciiWord[ch] : is_wordchar(ch);
}

// Characters Xapian reads as CJK n-grams (a superset of its ranges: a text with any of them
// goes to Xapian).
inline bool is_cjk(unsigned ch) {
    if (ch < 0x2E80)
        return false;  // all of ASCII and Latin: one test per character read
    return (ch <= 0x9FFF) || (ch >= 0xA700 && ch <= 0xA71F) || (ch >= 0xAC00 && ch <= 0xD7AF) ||
           (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFE30 && ch <= 0xFE4F) ||
           (ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0x20000 && ch <= 0x2FA1F);
}

bool is_ascii_upper(unsigned ch) {
    return ch >= 'A' && ch <= 'Z';
}

bool is_digit(unsigned ch) {
    if (ch < 0x80)
        return ch - '0' < 10;
    return get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// A word character, lowered; 0 for any other.
inline unsigned word_char(unsigned ch) {
    if (ch < 0x80)
        return is_word(ch) ? (is_ascii_upper(ch) ? ch + ('a' - 'A') : ch) : 0;
    return is_wordchar(ch) ? Xapian::Unicode::tolower(ch) : 0;
}

// Between two letters these keep a word whole: "o'clock", "AT&T" (Unicode's word-boundary
// rules, plus '&'); the typographic apostrophes are read as "'".
unsigned joiner(unsigned ch) {
    if (ch == '\'' || ch == '&' || ch == 0xB7 || ch == 0x5F4 || ch == 0x2027)
        return ch;
    if (ch == 0x2019 || ch == 0x201B)
        return '\'';
    if (ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF))
        return kIgnored;  // zero-width characters
    return 0;
}

// Between two digits these keep a number whole: "3.5", "1,000".
unsigned digit_joiner(unsigned ch) {
    switch (ch) {
        case ',':
        case '.':
        case ';':
        case 0x037E:
        case 0x0589:
        case 0x060D:
        case 0x07F8:
        case 0x2044:
        case 0xFE10:
        case 0xFE13:
        case 0xFE14:
            return ch;
    }
    if (ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF))
        return kIgnored;
    return 0;
}

enum class Next { kWord, kEnd, kCjk };

// Reads the word after `pos` as Xapian's TermGenerator reads words: `term` is the word
// lowered, `pos` is left just after it.
Next next_word(std::string_view text, std::size_t& pos, std::string& term) {
    const std::size_t n = text.size();
    Char c{};
    for (;; pos += c.size) {
        if (pos >= n)
            return Next::kEnd;
        c = char_at(text, pos);
        if (is_word(c.ch))
            break;
    }
    if (is_cjk(c.ch))
        return Next::kCjk;
    term.clear();
    // Initials with dots between them ("U.S.", "P.T.O") are one word of their letters.
    if (is_ascii_upper(c.ch)) {
        std::size_t p = pos;
        do {
            term += static_cast<char>(text[p] - 'A' + 'a');
            ++p;
        } while (p < n && text[p] == '.' && ++p < n &&
                 is_ascii_upper(static_cast<unsigned char>(text[p])));
        if (term.size() > 1 && (p == n || !is_word(char_at(text, p).ch))) {
            pos = p;
            return Next::kWord;
        }
        term.clear();
    }
    unsigned ch = word_char(c.ch);
    std::size_t size = c.size;
    for (;;) {
        unsigned previous;
        do {
            if (ch < 0x80)
                term += static_cast<char>(ch);
            else
                Xapian::Unicode::append_utf8(term, ch);
            previous = ch;
            pos += size;
            if (pos >= n)
                return Next::kWord;
            Char next = char_at(text, pos);
            if (is_cjk(next.ch))
                return Next::kWord;
            ch = word_char(next.ch);
            size = next.size;
        } while (ch);
        // At a character that is not a word's: it joins when a word character follows.
        Char here = char_at(text, pos);
        std::size_t after = pos + here.size;
        if (after >= n)
            break;
        Char next = char_at(text, after);
        unsigned next_ch = word_char(next.ch);
        if (!next_ch)
            break;
        unsigned joined =
            is_digit(previous) && is_digit(next.ch) ? digit_joiner(here.ch) : joiner(here.ch);
        if (!joined)
            break;
        if (joined != kIgnored)
            Xapian::Unicode::append_utf8(term, joined);
        if (is_cjk(next.ch))
            return Next::kCjk;
        ch = next_ch;
        size = next.size;
        pos = after;
    }
    // "C++", "C#": up to three '+' or '#' belong to the word, unless a word character follows.
    std::size_t bare = term.size();
    for (unsigned count = 0; text[pos] == '+' || text[pos] == '#';) {
        if (++count > 3) {
            term.resize(bare);
            break;
        }
        term += text[pos];
        if (++pos >= n)
            return Next::kWord;
    }
    if (is_word(char_at(text, pos).ch))
        term.resize(bare);
    return Next::kWord;
}

// Punctuation a passage keeps just before its first word and just after its last one.
bool kept_before(unsigned ch) {
    int category = get_category(ch);
    if (Xapian::Unicode::is_currency(ch) || category == Xapian::Unicode::OPEN_PUNCTUATION ||
        category == Xapian::Unicode::INITIAL_QUOTE_PUNCTUATION)
        return true;
    switch (ch) {
        case '"':
        case '#':
        case '%':
        case '&':
        case '\'':
        case '+':
        case '-':
        case '/':
        case '<':
        case '@':
        case '\\':
        case '`':
        case '~':
        case 0xA1:
        case 0xA7:
        case 0xBF:
            return true;
    }
    return false;
}

bool kept_after(unsigned ch) {
    int category = get_category(ch);
    if (Xapian::Unicode::is_currency(ch) || category == Xapian::Unicode::CLOSE_PUNCTUATION ||
        category == Xapian::Unicode::FINAL_QUOTE_PUNCTUATION)
        return true;
    switch (ch) {
        case '"':
        case '%':
        case '\'':
        case '+':
        case '-':
        case '/':
        case '>':
        case '@':
        case '\\':
        case '`':
        case '~':
            return true;
    }
    return false;
}

bool ends_sentence(unsigned ch) {
    return ch == '.' || ch == '?' || ch == '!';
}

// The window of a tight phrase (its words adjacent, in order) is its number of words. The
// public API gives no window, but the description does: "(a PHRASE 2 b)".
bool is_tight_phrase_of_terms(const Xapian::Query& phrase) {
    std::size_t n = phrase.get_num_subqueries();
    for (std::size_t i = 0; i < n; ++i) {
        if (phrase.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM)
            return false;
    }
    const std::string description = phrase.get_description();
    const std::string window = " PHRASE " + std::to_string(n) + " ";
    std::size_t at = description.find(" PHRASE ");
    return at != std::string::npos && description.compare(at, window.size(), window) == 0;
}

}  // namespace

void append_html_escaped(std::string_view text, std::string& out) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
        }
    }
}

struct PassageChooser::Word {
    std::size_t end;        // the offset just after it
    std::size_t slot;       // the relevance it adds, kNone for none
    std::size_t highlight;  // how many words its <mark> spans, 0 for none
};

// The sliding window and the best one seen. Every word read is kept; the window is the
// words from `first_` on.
class PassageChooser::Window {
  public:
    Window(std::size_t length, std::vector<double>& relevance)
        : length_(length + 1), relevance_(relevance) {}  // + 1: the space before a word

    // Adds the next word; false once the window has left a found passage behind.
    bool add(Word word) {
        if (word.highlight > 1) {
            // A phrase's last word: the phrase's relevance goes onto its first word, so
            // that it leaves the sum when the phrase starts to leave the window.
            std::size_t before = word.highlight - 1;
            if (words_.size() - first_ >= before) {
                Word& start = words_[words_.size() - before];
                if (start.slot != kNone) {
                    relevance_[start.slot] *= kDecay;
                    sum_ -= relevance_[start.slot];
                }
                sum_ += relevance_[word.slot];
                start.slot = word.slot;
                start.highlight = word.highlight;
                relevance_[word.slot] /= kDecay;
            }
            word.slot = kNone;
            word.highlight = 0;
        }
        words_.push_back(word);
        if (word.slot != kNone) {
            sum_ += relevance_[word.slot];
            relevance_[word.slot] /= kDecay;
        }
        while (word.end - begin_ > length_) {
            const Word& leaving = words_[first_];
            if (leaving.slot != kNone) {
                relevance_[leaving.slot] *= kDecay;
                sum_ -= relevance_[leaving.slot];
            }
            begin_ = leaving.end;
            if (++first_ == words_.size())
                break;  // a word longer than the window
        }
        if (sum_ >= best_sum_) {  // >=: a later window as good is taken, longer passages grow
            best_sum_ = sum_;
            best_begin_ = begin_;
            best_end_ = word.end;
        } else if (best_sum_ > 0 && best_end_ < begin_) {
            return false;
        }
        return true;
    }

    // The best passage of `text`: its words, escaped, highlighted, "…" where it is cut.
    std::string passage(std::string_view text, const std::string& omit) const {
        std::string out;
        auto word = std::find_if(words_.begin(), words_.end(),
                                 [&](const Word& w) { return w.end > best_begin_; });
        std::size_t at = best_begin_;
        std::size_t open = 0;  // words the open <mark> still spans
        for (bool first = true; word != words_.end() && word->end <= best_end_; ++word) {
            if (first) {
                first = false;
                at = opening(text, word->end, out, omit);
            }
            if (word->highlight) {
                // The space before a marked word stays outside the mark.
                std::size_t start = at;
                while (start < word->end && !is_word(char_at(text, start).ch))
                    start += char_at(text, start).size;
                append_html_escaped(text.substr(at, start - at), out);
                at = start;
            }
            if (!open) {
                open = word->highlight;
                if (open)
                    out += "<mark>";
            }
            append_html_escaped(text.substr(at, word->end - at), out);
            at = word->end;
            if (open && --open == 0)
                out += "</mark>";
        }
        if (open)
            out += "</mark>";  // a phrase that runs past the passage
        closing(text, out, omit);
        return out;
    }

  private:
    // Writes what goes before the passage's first word, which ends at `first_end`: "…"
    // unless the passage starts a sentence, and up to four characters of opening
    // punctuation. Returns where the first word's own text starts.
    std::size_t opening(std::string_view text, std::size_t first_end, std::string& out,
                        const std::string& omit) const {
        enum { kNo, kPunctuation, kYes } boundary = best_begin_ == 0 ? kYes : kNo;
        std::size_t start = best_begin_;
        for (std::size_t pos = best_begin_; pos < first_end;) {
            Char c = char_at(text, pos);
            if (boundary == kNo && ends_sentence(c.ch)) {
                boundary = kPunctuation;
            } else if (boundary == kPunctuation) {
                if (Xapian::Unicode::is_whitespace(c.ch))
                    boundary = kYes;
                else if (!ends_sentence(c.ch))
                    boundary = kNo;
            }
            if (is_word(c.ch)) {
                if (pos - start > 4)
                    start = pos;
                break;
            }
            pos += c.size;
            if (!kept_before(c.ch))
                start = pos;
        }
        if (boundary != kYes)
            out += omit;
        return start;
    }

    // Writes what follows the passage: the sentence's closing punctuation when it ends one,
    // else up to four characters of closing punctuation and "…" when the text goes on.
    void closing(std::string_view text, std::string& out, const std::string& omit) const {
        if (best_end_ >= text.size())
            return;
        bool sentence_end = false;
        std::size_t pos = best_end_;
        while (pos < text.size()) {
            Char c = char_at(text, pos);
            if (sentence_end && Xapian::Unicode::is_whitespace(c.ch))
                break;
            sentence_end = ends_sentence(c.ch);
            if (is_word(c.ch))
                break;
            pos += c.size;
        }
        if (sentence_end) {
            append_html_escaped(text.substr(best_end_, pos - best_end_), out);
            return;
        }
        pos = best_end_;
        int kept = 0;
        while (pos < text.size()) {
            Char c = char_at(text, pos);
            if (!kept_after(c.ch))
                break;
            if (++kept > 4) {
                kept = 0;
                break;
            }
            pos += c.size;
        }
        if (kept) {
            append_html_escaped(text.substr(best_end_, pos - best_end_), out);
            if (pos >= text.size())
                return;
        }
        out += omit;
    }

    std::size_t length_;
    std::vector<double>& relevance_;
    std::vector<Word> words_;
    std::size_t first_ = 0;
    std::size_t begin_ = 0;  // where the window starts: the end of the word before it
    double sum_ = 0;
    double best_sum_ = 0;
    std::size_t best_begin_ = 0;
    std::size_t best_end_ = 0;
};

PassageChooser::PassageChooser(const Xapian::MSet& mset, const Xapian::Query& query,
                               const Xapian::Stem& stemmer, const SnippetKeys& keys)
    : stemmer_(stemmer), keys_(keys) {
    auto weight_of = [&](const std::string& term) -> std::optional<double> {
        try {
            return mset.get_termweight(term);
        } catch (const Xapian::InvalidArgumentError&) {
            return std::nullopt;  // not among the match's terms: never highlighted
        }
    };
    // Every term's relevance is its own weight plus the heaviest term's, scaled up a little
    // so that a term of weight 0 still counts.
    double heaviest = 0;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        heaviest = std::max(heaviest, weight_of(*t).value_or(0));
    heaviest = heaviest == 0 ? 1.0 : heaviest * 1.015625;

    std::vector<Xapian::Query> pending{query};
    while (!pending.empty()) {
        Xapian::Query q = std::move(pending.back());
        pending.pop_back();
        if (q.get_type() == Xapian::Query::LEAF_TERM) {
            const std::string term = *q.get_terms_begin();
            if (loose_.count(term))
                continue;
            if (auto weight = weight_of(term)) {
                loose_.emplace(term, relevance_.size());
                relevance_.push_back(*weight + heaviest);
            }
            continue;
        }
        if (q.get_type() == Xapian::Query::OP_PHRASE && is_tight_phrase_of_terms(q)) {
            Phrase phrase;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                phrase.terms.push_back(*q.get_subquery(i).get_terms_begin());
            phrase.slot = relevance_.size();
            relevance_.push_back(heaviest * static_cast<double>(phrase.terms.size()));
            longest_phrase_ = std::max(longest_phrase_, phrase.terms.size());
            phrases_.push_back(std::move(phrase));
            continue;
        }
        // Last pushed, first taken: the query's order, in which Xapian tries the phrases.
        for (std::size_t i = q.get_num_subqueries(); i-- > 0;)
            pending.push_back(q.get_subquery(i));
    }
}

std::size_t PassageChooser::match(const std::vector<std::string>& recent,
                                  std::size_t& highlight) const {
    const std::string& term = recent.back();
    highlight = 0;
    if (!keys_.could_start(term))
        return kNone;
    for (const Phrase& phrase : phrases_) {
        std::size_t n = phrase.terms.size();
        if (term != phrase.terms.back() || recent.size() < n)
            continue;
        if (std::equal(phrase.terms.begin(), phrase.terms.end(), recent.end() - n)) {
            highlight = n;
            return phrase.slot;
        }
    }
    if (auto it = loose_.find(term); it != loose_.end()) {
        highlight = 1;
        return it->second;
    }
    if (auto it = loose_.find("Z" + stemmer_(term)); it != loose_.end()) {
        highlight = 1;
        return it->second;
    }
    return kNone;
}

std::optional<std::string> PassageChooser::choose(std::string_view text, std::size_t length) const {
    std::vector<double> relevance = relevance_;
    Window window(length, relevance);
    // The last words read, oldest first, as many as the longest phrase has.
    std::vector<std::string> recent;
    std::size_t keep = std::max<std::size_t>(1, longest_phrase_);
    std::string term;
    for (std::size_t pos = 0;;) {
        Next next = next_word(text, pos, term);
        if (next == Next::kCjk)
            return std::nullopt;
        if (next == Next::kEnd)
            break;
        if (term.size() > kMaxWordBytes)
            continue;
        if (recent.size() < keep) {
            recent.push_back(term);
        } else {
            std::rotate(recent.begin(), recent.begin() + 1, recent.end());
            recent.back() = term;  // into a string that has room for it: no allocation
        }
        Word word{pos, kNone, 0};
        word.slot = match(recent, word.highlight);
        if (!window.add(word))
            break;
    }
    return window.passage(text, "…");
}

}  // namespace gazette
