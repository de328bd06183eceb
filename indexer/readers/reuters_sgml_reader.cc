#include "indexer/readers/reuters_sgml_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "common/article_json.h"
#include "common/date.h"
#include "common/errors.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Inner text of the first <TAG ...>...</TAG> in `record`, or nullopt-like empty view + false.
bool element(std::string_view record, std::string_view tag, std::string_view& inner) {
    std::string open = "<" + std::string(tag);
    std::size_t pos = 0;
    for (;;) {
        pos = record.find(open, pos);
        if (pos == std::string_view::npos)
            return false;
        char after = pos + open.size() < record.size() ? record[pos + open.size()] : '\0';
        if (after == '>' || after == ' ')
            break;  // not a longer tag name such as <TEXTX
        pos += open.size();
    }
    auto content_start = record.find('>', pos);
    if (content_start == std::string_view::npos)
        return false;
    ++content_start;
    std::string close = "</" + std::string(tag) + ">";
    auto end = record.find(close, content_start);
    if (end == std::string_view::npos)
        return false;
    inner = record.substr(content_start, end - content_start);
    return true;
}

std::string clean_text(std::string_view raw) {
    return std::string(trim(strip_control_chars(decode_sgml_entities(raw))));
}

std::vector<std::string> d_list(std::string_view record, std::string_view tag) {
    std::vector<std::string> out;
    std::string_view inner;
    if (!element(record, tag, inner))
        return out;
    std::size_t pos = 0;
    while ((pos = inner.find("<D>", pos)) != std::string_view::npos) {
        auto end = inner.find("</D>", pos);
        if (end == std::string_view::npos)
            break;
        auto value = clean_text(inner.substr(pos + 3, end - pos - 3));
        if (!value.empty())
            out.push_back(std::move(value));
        pos = end + 4;
    }
    return out;
}

std::string attribute(std::string_view open_tag, std::string_view name) {
    std::string key = " " + std::string(name) + "=\"";
    auto pos = open_tag.find(key);
    if (pos == std::string_view::npos)
        return {};
    pos += key.size();
    auto end = open_tag.find('"', pos);
    if (end == std::string_view::npos)
        return {};
    return std::string(open_tag.substr(pos, end - pos));
}

struct ReutersDate {
    ParsedDate date;
    bool time_dropped = false;  // the time of day was malformed and left out
};

// "26-FEB-1987 15:01:01.79"; the day may have one digit, and spacing varies. A malformed time
// of day ("605:12:19.12" occurs) keeps the date and drops the time.
std::optional<ReutersDate> parse_reuters_date(std::string_view text) {
    static constexpr std::array<const char*, 12> kMonths = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    text = trim(text);
    auto space = text.find_first_of(" \t");
    std::string_view day_part = text.substr(0, space);
    std::string_view time_part =
        space == std::string_view::npos ? std::string_view{} : trim(text.substr(space));
    auto dash1 = day_part.find('-');
    auto dash2 = day_part.rfind('-');
    if (dash1 == std::string_view::npos || dash1 == 0 || dash1 > 2 || dash2 != dash1 + 4 ||
        day_part.size() != dash2 + 5) {
        return std::nullopt;
    }
    std::string month(day_part.substr(dash1 + 1, 3));
    for (auto& c : month)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto m = std::find_if(kMonths.begin(), kMonths.end(),
                          [&](const char* name) { return month == name; });
    if (m == kMonths.end())
        return std::nullopt;
    char iso[32];  // room for any two ints after the year: snprintf never truncates
    std::snprintf(iso, sizeof iso, "%.4s-%02d-%02d", day_part.data() + dash2 + 1,
                  static_cast<int>(m - kMonths.begin()) + 1,
                  std::atoi(std::string(day_part.substr(0, dash1)).c_str()));
    auto date_only = parse_iso_datetime(iso);
    if (!date_only)
        return std::nullopt;
    // Some records carry wire debris after the time ("14:04:26.14F"): keep the time itself.
    time_part = time_part.substr(0, time_part.find_first_not_of("0123456789:."));
    if (time_part.empty())
        return ReutersDate{*date_only, false};
    auto with_time = parse_iso_datetime(std::string(iso) + "T" + std::string(time_part) + "Z");
    if (!with_time)
        return ReutersDate{*date_only, true};
    return ReutersDate{*with_time, false};
}

}  // namespace

std::string decode_sgml_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c != '&') {
            out.push_back(c);
            ++i;
            continue;
        }
        auto semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::string_view name = text.substr(i + 1, semi - i - 1);
        bool decoded = true;
        if (name == "lt") {
            out.push_back('<');
        } else if (name == "gt") {
            out.push_back('>');
        } else if (name == "amp") {
            out.push_back('&');
        } else if (name == "quot") {
            out.push_back('"');
        } else if (name == "apos") {
            out.push_back('\'');
        } else if (name.size() > 1 && name[0] == '#') {
            std::string digits(name.substr(1));
            bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
            char* end = nullptr;
            const char* start = digits.c_str() + (hex ? 1 : 0);
            unsigned long cp = std::strtoul(start, &end, hex ? 16 : 10);
            if (end == start || *end != '\0' || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                decoded = false;
            } else if (cp != 0) {
                append_utf8(out, cp);
            }
        } else {
            decoded = false;
        }
        if (decoded) {
            i = semi + 1;
        } else {
            out.push_back(c);
            ++i;
        }
    }
    return out;
}

void read_reuters_sgml(std::string content, const std::string& display_name, ArticleSink& sink) {
    if (!is_valid_utf8(content))
        content = latin1_to_utf8(content);
    std::string_view all(content);
    std::size_t pos = 0;
    std::size_t line = 1;
    std::size_t line_counted_to = 0;
    for (;;) {
        auto start = all.find("<REUTERS", pos);
        if (start == std::string_view::npos)
            break;
        line += static_cast<std::size_t>(
            std::count(all.begin() + line_counted_to, all.begin() + start, '\n'));
        line_counted_to = start;
        std::string where = display_name + ":" + std::to_string(line);
        auto end = all.find("</REUTERS>", start);
        if (end == std::string_view::npos) {
            sink.reject(where, "unterminated <REUTERS> record (file truncated?)");
            return;
        }
        std::string_view record = all.substr(start, end - start);
        pos = end + 10;
        auto tag_end = record.find('>');
        std::string newid = attribute(record.substr(0, tag_end), "NEWID");
        if (newid.empty()) {
            sink.reject(where, "<REUTERS> record without NEWID");
            continue;
        }
        where = display_name + ":" + std::to_string(line) + " (NEWID " + newid + ")";
        Article a;
        a.id = "reuters:" + newid;
        a.source = "Reuters";
        std::string_view inner;
        if (element(record, "DATE", inner)) {
            auto date = parse_reuters_date(clean_text(inner));
            if (!date) {
                sink.reject(where, "DATE is not a date: \"" + clean_text(inner) + "\"");
                continue;
            }
            if (date->time_dropped) {
                sink.warn(where, "DATE has a malformed time of day, kept the day only: \"" +
                                     clean_text(inner) + "\"");
            }
            a.timestamp = date->date.timestamp;
            a.date_text = date->date.normalized;
        }
        if (element(record, "TITLE", inner))
            a.title = clean_text(inner);
        std::string dateline;
        if (element(record, "DATELINE", inner))
            dateline = clean_text(inner);
        if (element(record, "BODY", inner)) {
            a.body = clean_text(inner);
        } else if (element(record, "TEXT", inner)) {
            // Unprocessed or brief stories have no <BODY>: take the TEXT without its tags.
            std::string text(inner);
            std::string_view title;
            if (element(inner, "TITLE", title)) {
                text.erase(title.data() - inner.data(), title.size());
            }
            std::string stripped;
            bool in_tag = false;
            for (char ch : text) {
                if (ch == '<')
                    in_tag = true;
                if (!in_tag)
                    stripped.push_back(ch);
                if (ch == '>')
                    in_tag = false;
            }
            a.body = clean_text(stripped);
            if (!dateline.empty() && a.body.starts_with(dateline))
                dateline.clear();
        }
        if (!dateline.empty())
            a.body = dateline + " " + a.body;
        a.tags = d_list(record, "TOPICS");
        a.people = d_list(record, "PEOPLE");
        a.places = d_list(record, "PLACES");
        a.organizations = d_list(record, "ORGS");
        try {
            validate_article(a);
        } catch (const InputError& e) {
            sink.reject(where, e.what());
            continue;
        }
        sink.accept(std::move(a), where);
    }
}

bool looks_like_reuters_sgml(std::string_view head) {
    std::string_view rest = trim_start(head);
    return rest.starts_with("<!DOCTYPE lewis") || rest.starts_with("<REUTERS ") ||
           rest.starts_with("<REUTERS>");
}

}  // namespace gazette
