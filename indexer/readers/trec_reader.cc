#include "indexer/readers/trec_reader.h"

#include <array>
#include <utility>

#include "common/errors.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"
#include "indexer/readers/page_date.h"
#include "indexer/readers/reuters_sgml_reader.h"
#include "indexer/readers/xml_article.h"

namespace gazette {
namespace {

// A document longer than this is not a TREC document but a missing </DOC>: the largest
// Robust04 documents are about 2.5 MB (Federal Register).
constexpr std::size_t kMaxDocumentBytes = 32u << 20;

// Entities of the TREC SGML DTDs beyond the XML five (the Federal Register uses many).
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTrecEntities = {{
    {"&hyph;", "-"},   {"&blank;", " "},  {"&sect;", "§"},  {"&para;", "¶"},  {"&bull;", "•"},
    {"&times;", "×"},  {"&cent;", "¢"},   {"&mdash;", "—"}, {"&ndash;", "–"}, {"&rsquo;", "’"},
    {"&lsquo;", "‘"},  {"&rdquo;", "”"},  {"&ldquo;", "“"}, {"&deg;", "°"},   {"&plusmn;", "±"},
    {"&frac12;", "½"}, {"&frac14;", "¼"}, {"&nbsp;", " "},  {"&reg;", "®"},   {"&racute;", "ŕ"},
}};

// The collections of TREC disks 4 and 5, by DOCNO prefix.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kCollections = {{
    {"FBIS", "FBIS"},
    {"FR", "Federal Register"},
    {"FT", "Financial Times"},
    {"LA", "Los Angeles Times"},
}};

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, value] : kTrecEntities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += value;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out.push_back(text[i++]);
    }
    return decode_sgml_entities(out);
}

// The inner text of every <TAG ...>...</TAG> of the document, joined by newlines.
std::string elements(std::string_view doc, std::string_view tag) {
    std::string out;
    std::string open = "<" + std::string(tag);
    std::string close = "</" + std::string(tag) + ">";
    for (std::size_t pos = 0;;) {
        pos = doc.find(open, pos);
        if (pos == std::string_view::npos)
            break;
        std::size_t after = pos + open.size();
        if (after >= doc.size() || (doc[after] != '>' && doc[after] != ' ')) {
            pos = after;  // a longer tag name: <TEXTX>, <DATE1> when looking for <DATE>
            continue;
        }
        std::size_t start = doc.find('>', after);
        if (start == std::string_view::npos)
            break;
        std::size_t end = doc.find(close, start + 1);
        if (end == std::string_view::npos)
            break;
        if (!out.empty())
            out.push_back('\n');
        out += doc.substr(start + 1, end - start - 1);
        pos = end + close.size();
    }
    return out;
}

// Tags and comments out, entities decoded, white space collapsed within paragraphs; a <P>
// or a blank line ends a paragraph. Paragraphs one per line.
std::string plain_text(std::string_view sgml) {
    std::string marked;
    marked.reserve(sgml.size());
    for (std::size_t i = 0; i < sgml.size();) {
        if (sgml.compare(i, 4, "<!--") == 0) {
            std::size_t end = sgml.find("-->", i + 4);
            i = end == std::string_view::npos ? sgml.size() : end + 3;
            continue;
        }
        if (sgml[i] == '<') {
            std::size_t end = sgml.find('>', i);
            if (end == std::string_view::npos)
                break;
            std::string_view tag = sgml.substr(i, end - i + 1);
            if (tag == "<P>" || tag == "</P>" || tag.starts_with("<P "))
                marked += "\n\n";
            else
                marked += ' ';
            i = end + 1;
            continue;
        }
        marked.push_back(sgml[i++]);
    }
    std::string decoded = strip_control_chars(decode_entities(marked));
    std::string out, paragraph;
    auto flush = [&] {
        std::string_view p = trim(paragraph);
        if (!p.empty()) {
            if (!out.empty())
                out.push_back('\n');
            out += p;
        }
        paragraph.clear();
    };
    std::string_view rest = decoded;
    bool pending_space = false;
    while (!rest.empty()) {
        std::size_t nl = rest.find('\n');
        std::string_view line = trim(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (line.empty()) {
            flush();
            pending_space = false;
            continue;
        }
        for (char c : line) {
            bool space = kAsciiSpace.find(c) != std::string_view::npos;
            if (space) {
                pending_space = !paragraph.empty();
                continue;
            }
            if (pending_space)
                paragraph.push_back(' ');
            pending_space = false;
            paragraph.push_back(c);
        }
        pending_space = !paragraph.empty();
    }
    flush();
    return out;
}

std::string one_line(std::string_view sgml) {
    std::string text = plain_text(sgml);
    for (char& c : text) {
        if (c == '\n')
            c = ' ';
    }
    return text;
}

// FT headlines open with their own dateline: "FT  14 MAY 91 / Survey of ...": the date is
// in <DATE>, the headline is what follows the slash.
std::string without_ft_dateline(std::string title) {
    if (title.starts_with("FT ")) {
        std::size_t slash = title.find(" / ");
        if (slash != std::string::npos && slash < 20)
            return std::string(trim(title.substr(slash + 3)));
    }
    return title;
}

// "By JOHN DOE, Times Staff Writer" → "JOHN DOE"; "By A and B" → both.
void add_byline(std::string_view text, std::vector<std::string>& authors) {
    std::string line(trim(text));
    if (ascii_lower(line).starts_with("by "))
        line = line.substr(3);
    line = line.substr(0, line.find(','));
    std::string_view rest = line;
    for (;;) {
        std::size_t cut = ascii_lower(rest).find(" and ");
        add_unique(authors, std::string(trim(rest.substr(0, cut))));
        if (cut == std::string::npos)
            break;
        rest = rest.substr(cut + 5);
    }
}

// The date a Federal Register DOCNO carries: FR940104-0-00001 → 1994-01-04.
std::optional<ParsedDate> date_in_docno(std::string_view docno) {
    if (!docno.starts_with("FR") || docno.size() < 8)
        return std::nullopt;
    return parse_trec_date(docno.substr(2, 6));
}

std::string_view collection_of(std::string_view docno) {
    for (const auto& [prefix, name] : kCollections) {
        if (docno.starts_with(prefix))
            return name;
    }
    return "";
}

void read_document(std::string_view doc, const std::string& where_line, const TrecContext& context,
                   ArticleSink& sink) {
    std::string docno = one_line(elements(doc, "DOCNO"));
    if (docno.empty()) {
        sink.reject(where_line, "<DOC> without a DOCNO");
        return;
    }
    std::string where = where_line + " (DOCNO " + docno + ")";
    Article a;
    a.id = docno;
    // HL and HEAD: the Wall Street Journal and AP files of disks 1 and 2 share the layout.
    for (std::string_view tag : {"HEADLINE", "TI", "DOCTITLE", "HL", "HEAD"}) {
        if (a.title.empty())
            a.title = without_ft_dateline(one_line(elements(doc, tag)));
    }
    std::string date_text;
    for (std::string_view tag : {"DATE1", "DATE"}) {
        if (date_text.empty())
            date_text = one_line(elements(doc, tag));
    }
    std::optional<ParsedDate> date;
    if (!date_text.empty()) {
        date = parse_trec_date(date_text);
        if (!date)
            sink.warn(where, "date \"" + date_text + "\" cannot be read; undated");
    } else {
        date = date_in_docno(docno);
    }
    if (date) {
        a.timestamp = date->timestamp;
        a.date_text = date->normalized;
    }
    for (std::string_view tag : {"BYLINE", "AU"}) {
        std::string text = plain_text(elements(doc, tag));
        std::string_view rest = text;
        while (!rest.empty()) {
            std::size_t nl = rest.find('\n');
            add_byline(rest.substr(0, nl), a.authors);
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        }
    }
    std::string section = one_line(elements(doc, "SECTION"));
    a.section = std::string(trim(section.substr(0, section.find(';'))));
    a.body = plain_text(elements(doc, "TEXT"));
    std::string_view collection = collection_of(docno);
    a.source = collection.empty() ? context.default_source : std::string(collection);
    a.language = "en";
    deliver_article(std::move(a), where, sink);
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<ParsedDate> parse_trec_date(std::string_view text) {
    text = trim(text);
    if (text.size() == 6 && all_digits(text)) {
        int yy = (text[0] - '0') * 10 + (text[1] - '0');
        std::string iso = std::to_string(yy >= 50 ? 1900 + yy : 2000 + yy) + "-" +
                          std::string(text.substr(2, 2)) + "-" + std::string(text.substr(4, 2));
        return parse_iso_datetime(iso);
    }
    return parse_page_date(text);
}

void read_trec(ByteSource& source, const TrecContext& context, ArticleSink& sink) {
    LineReader lines(source);
    std::string line;
    std::string doc;
    bool in_doc = false;
    std::size_t doc_line = 0;
    auto where_at = [&](std::size_t n) { return context.display_name + ":" + std::to_string(n); };
    // An unterminated document by its line and, when it got that far, its DOCNO.
    auto unterminated = [&] {
        std::string docno = one_line(elements(doc, "DOCNO"));
        return where_at(doc_line) + (docno.empty() ? "" : " (DOCNO " + docno + ")");
    };
    for (;;) {
        try {
            if (!lines.next(line))
                break;
        } catch (const InputError& e) {
            sink.reject(where_at(lines.line_number() + 1),
                        std::string(e.what()) + "; the rest of the file is lost");
            return;
        }
        std::string_view text = trim(line);
        if (text.starts_with("<DOC>")) {
            if (in_doc)
                sink.reject(unterminated(), "<DOC> without its </DOC> (a new <DOC> begins)");
            in_doc = true;
            doc_line = lines.line_number();
            doc.assign(text.substr(5));
            doc.push_back('\n');
        } else if (in_doc) {
            doc += line;
            doc.push_back('\n');
        } else {
            continue;  // outside any document: blank lines, stray text
        }
        std::size_t end = doc.find("</DOC>");
        if (end != std::string::npos) {
            doc.resize(end);
            if (!is_valid_utf8(doc))
                doc = latin1_to_utf8(doc);
            read_document(doc, where_at(doc_line), context, sink);
            in_doc = false;
            doc.clear();
        } else if (doc.size() > kMaxDocumentBytes) {
            sink.reject(unterminated(), "<DOC> without its </DOC> after 32 MB; skipped");
            in_doc = false;
            doc.clear();
        }
    }
    if (in_doc)
        sink.reject(unterminated(), "<DOC> without its </DOC> (file truncated?)");
}

bool looks_like_trec(std::string_view head) {
    std::string_view rest = trim_start(without_utf8_bom(head));
    if (!rest.starts_with("<DOC>"))
        return false;
    return trim_start(rest.substr(5)).starts_with("<DOCNO>");
}

}  // namespace gazette
