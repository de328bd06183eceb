#include "indexer/readers/page_date.h"

#include <cstdio>
#include <string>
#include <utility>

#include "common/text/ascii.h"

namespace gazette {
namespace {

// Month names and abbreviations in English, French and German, lower case (ASCII lowered;
// accented letters as written). Shared spellings ("mai", "april") agree on the month.
constexpr std::pair<std::string_view, int> kMonths[] = {
    {"january", 1},   {"jan", 1},       {"janvier", 1},   {"janv", 1},      {"januar", 1},
    {"jänner", 1},    {"february", 2},  {"feb", 2},       {"février", 2},   {"fevrier", 2},
    {"févr", 2},      {"fév", 2},       {"fevr", 2},      {"februar", 2},   {"march", 3},
    {"mar", 3},       {"mars", 3},      {"märz", 3},      {"maerz", 3},     {"mär", 3},
    {"april", 4},     {"apr", 4},       {"avril", 4},     {"avr", 4},       {"may", 5},
    {"mai", 5},       {"june", 6},      {"jun", 6},       {"juin", 6},      {"juni", 6},
    {"july", 7},      {"jul", 7},       {"juillet", 7},   {"juil", 7},      {"juli", 7},
    {"august", 8},    {"aug", 8},       {"août", 8},      {"aout", 8},      {"september", 9},
    {"sep", 9},       {"sept", 9},      {"septembre", 9}, {"october", 10},  {"oct", 10},
    {"octobre", 10},  {"oktober", 10},  {"okt", 10},      {"november", 11}, {"nov", 11},
    {"novembre", 11}, {"december", 12}, {"dec", 12},      {"décembre", 12}, {"decembre", 12},
    {"déc", 12},      {"dezember", 12}, {"dez", 12},
};

// Weekday names that may open a date ("Tue, 22 May 2012", "mardi 22 mai 2012").
constexpr std::string_view kWeekdays[] = {
    "mon",    "tue",      "wed",       "thu",        "fri",      "sat",      "sun",
    "monday", "tuesday",  "wednesday", "thursday",   "friday",   "saturday", "sunday",
    "lundi",  "mardi",    "mercredi",  "jeudi",      "vendredi", "samedi",   "dimanche",
    "montag", "dienstag", "mittwoch",  "donnerstag", "freitag",  "samstag",
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A word: ASCII letters and any non-ASCII UTF-8 bytes (for "août", "märz").
bool is_word_byte(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) : s_(text) {}

    bool done() const { return pos_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[pos_]; }
    std::size_t pos() const { return pos_; }
    void reset(std::size_t pos) { pos_ = pos; }
    void skip_spaces() {
        while (!done() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n'))
            ++pos_;
    }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++pos_;
        return true;
    }
    // Up to `max` digits; -1 when there are none (or more than max).
    int number(int max) {
        std::size_t start = pos_;
        int value = 0;
        while (!done() && is_digit(s_[pos_]) && pos_ - start < static_cast<std::size_t>(max))
            value = value * 10 + (s_[pos_++] - '0');
        if (pos_ == start || (!done() && is_digit(s_[pos_]))) {
            pos_ = start;
            return -1;
        }
        return value;
    }
    // Exactly `count` digits, whatever follows ("+0200": "02" then "00"); -1 when fewer.
    int digits(int count) {
        std::size_t start = pos_;
        int value = 0;
        while (!done() && is_digit(s_[pos_]) && pos_ - start < static_cast<std::size_t>(count))
            value = value * 10 + (s_[pos_++] - '0');
        if (pos_ - start != static_cast<std::size_t>(count)) {
            pos_ = start;
            return -1;
        }
        return value;
    }
    std::string word() {
        std::string w;
        while (!done() && is_word_byte(s_[pos_])) {
            char c = s_[pos_++];
            w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        return w;
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

int month_number(const std::string& word) {
    for (const auto& [name, month] : kMonths) {
        if (name == word)
            return month;
    }
    return 0;
}

bool is_weekday(const std::string& word) {
    for (auto w : kWeekdays) {
        if (w == word)
            return true;
    }
    return false;
}

// "er", "st", "nd", "rd", "th" after a day number, or German "22." before the month.
void skip_day_suffix(Scanner& in) {
    std::size_t at = in.pos();
    std::string w = in.word();
    if (w != "er" && w != "st" && w != "nd" && w != "rd" && w != "th" && w != "e")
        in.reset(at);
    in.eat('.');
}

struct DayMonthYear {
    int day = 0, month = 0, year = 0;
};

// "[weekday[,]] D[er|st|.] Month[.] YYYY" or "[weekday[,]] Month[.] D[st][,] YYYY".
std::optional<DayMonthYear> words_date(Scanner& in) {
    in.skip_spaces();
    std::size_t at = in.pos();
    std::string first = in.word();
    if (!first.empty() && is_weekday(first)) {
        in.eat(',');
        in.skip_spaces();
    } else {
        in.reset(at);
    }
    DayMonthYear d;
    if (is_digit(in.peek())) {
        d.day = in.number(2);
        skip_day_suffix(in);
        in.skip_spaces();
        d.month = month_number(in.word());
        in.eat('.');
        in.skip_spaces();
    } else {
        d.month = month_number(in.word());
        in.eat('.');
        in.skip_spaces();
        d.day = in.number(2);
        skip_day_suffix(in);
        in.eat(',');
        in.skip_spaces();
    }
    d.year = in.number(4);
    if (d.day < 1 || d.month < 1 || d.year < 1000)
        return std::nullopt;
    return d;
}

// "hh:mm[:ss]" and an optional zone ("GMT", "UTC", "Z", "+0200", "+02:00") after a date in
// words; "" when there is none or it cannot be read.
std::string time_suffix(Scanner& in) {
    in.skip_spaces();
    in.eat(',');
    in.skip_spaces();
    int hh = in.number(2);
    if (hh < 0 || !in.eat(':'))
        return "";
    int mm = in.number(2);
    if (mm < 0)
        return "";
    int ss = 0;
    if (in.eat(':') && (ss = in.number(2)) < 0)
        return "";
    char buf[40];  // room for any three ints: snprintf never truncates
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hh, mm, ss);
    std::string out = buf;
    in.skip_spaces();
    std::size_t at = in.pos();
    std::string zone = in.word();
    if (zone == "gmt" || zone == "utc" || zone == "z") {
        out += "Z";
    } else {
        in.reset(at);
        char sign = in.peek();
        if (sign == '+' || sign == '-') {
            in.eat(sign);
            int oh = in.digits(2);
            in.eat(':');
            int om = in.digits(2);
            if (oh < 0)
                return out;
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, oh, om < 0 ? 0 : om);
            out += buf;
        }
    }
    return out;
}

std::optional<ParsedDate> from_parts(const DayMonthYear& d, const std::string& time) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    if (!time.empty()) {
        if (auto with_time = parse_iso_datetime(std::string(buf) + time))
            return with_time;
    }
    return parse_iso_datetime(buf);
}

// ISO 8601 and the variants pages and feeds write instead.
std::optional<ParsedDate> iso_like(std::string_view text) {
    if (auto d = parse_iso_datetime(text))
        return d;
    std::string s(text);
    if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos)
        s = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);  // 20120522
    if (s.size() >= 10 && s[4] == '/' && s[7] == '/') {
        s[4] = '-';
        s[7] = '-';
    }
    for (std::string_view zone : {" UTC", " GMT", " Z"}) {
        if (s.ends_with(zone))
            s.replace(s.size() - zone.size(), zone.size(), "Z");
    }
    // "2012-05-22T07:44:00 +02:00": a space before the offset.
    if (s.size() > 20 && s[s.size() - 7] == ' ' &&
        (s[s.size() - 6] == '+' || s[s.size() - 6] == '-'))
        s.erase(s.size() - 7, 1);
    if (auto d = parse_iso_datetime(s))
        return d;
    // A time we cannot read still leaves a good day ("2012-05-22T07:44:00 CEST").
    if (s.size() > 10 && (s[10] == 'T' || s[10] == ' '))
        return parse_iso_datetime(s.substr(0, 10));
    return std::nullopt;
}

}  // namespace

std::optional<ParsedDate> parse_page_date(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (is_digit(text[0]) && text.size() >= 8 && is_digit(text[1]) && is_digit(text[2]) &&
        is_digit(text[3])) {
        return iso_like(text);
    }
    Scanner in(text);
    auto d = words_date(in);
    if (!d)
        return std::nullopt;
    return from_parts(*d, time_suffix(in));
}

std::optional<ParsedDate> parse_dateline(std::string_view paragraph) {
    Scanner in(paragraph);
    auto d = words_date(in);
    if (!d)
        return std::nullopt;
    // The year must end the date: "22 mai 2012." or "…2012, Espagne", not "2012abc".
    char next = in.peek();
    if (next != '\0' && (is_word_byte(next) || is_digit(next)))
        return std::nullopt;
    return from_parts(*d, "");
}

}  // namespace gazette
