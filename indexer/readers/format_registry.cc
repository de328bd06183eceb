#include "indexer/readers/format_registry.h"

#include <algorithm>
#include <stdexcept>

#include "common/text/ascii.h"
#include "indexer/readers/atom_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/input_files.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/newsml_reader.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/reuters_sgml_reader.h"
#include "indexer/readers/rss_reader.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/trec_reader.h"
#include "indexer/readers/warc_reader.h"
#include "indexer/readers/xml_stream.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

void read_jsonl_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    read_jsonl(*open_input(file.path, file.compression), context.display_name, sink);
}

void read_text_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    TextFileContext text;
    text.id = file.relative;
    auto slash = file.relative.find('/');
    if (slash != std::string::npos)
        text.section = file.relative.substr(0, slash);
    text.source = context.default_source;
    text.display_name = context.display_name;
    read_text_document(read_all(*open_input(file.path, file.compression)), text, sink);
}

void read_reuters_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    read_reuters_sgml(read_all(*open_input(file.path, file.compression)), context.display_name,
                      sink);
}

void read_html_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    HtmlContext html;
    html.id = file.relative;
    html.source = context.default_source;
    html.display_name = context.display_name;
    read_html_document(read_all(*open_input(file.path, file.compression)), html, sink);
}

void read_warc_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    // Record by record, never the whole file; .warc.gz member by member.
    read_warc(file.path, file.compression, context.display_name, context.default_source, sink);
}

// The XML formats and TREC are read as streams, item by item, never the whole file. A
// damaged XML file is opened a second time (xml_stream.h); standard input cannot be: its
// opener then says so with a null source.
XmlSourceOpener xml_opener(const InputFile& file) {
    return [&file, opened = false]() mutable -> std::unique_ptr<ByteSource> {
        if (opened && file.path == "-")
            return nullptr;
        opened = true;
        return open_input(file.path, file.compression);
    };
}

void read_nitf_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    NitfContext nitf{file.relative, context.default_source, context.display_name};
    read_nitf(xml_opener(file), nitf, sink);
}

void read_newsml_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    NewsmlContext newsml{context.default_source, context.display_name};
    read_newsml(xml_opener(file), newsml, sink);
}

void read_rss_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    FeedContext feed{context.default_source, context.display_name};
    read_rss(xml_opener(file), feed, sink);
}

void read_atom_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    FeedContext feed{context.default_source, context.display_name};
    read_atom(xml_opener(file), feed, sink);
}

void read_trec_file(const InputFile& file, const ReadContext& context, ArticleSink& sink) {
    TrecContext trec{context.default_source, context.display_name};
    read_trec(*open_input(file.path, file.compression), trec, sink);
}

std::string extension_of(const fs::path& name) {
    fs::path file = name.filename();
    if (compression_of(file) != Compression::kNone)
        file = file.stem();
    return ascii_lower(file.extension().string());
}

std::vector<const FormatEntry*> formats_with_extension(const std::string& extension) {
    std::vector<const FormatEntry*> found;
    if (extension.empty())
        return found;
    for (const FormatEntry& entry : format_table()) {
        if (std::find(entry.extensions.begin(), entry.extensions.end(), extension) !=
            entry.extensions.end()) {
            found.push_back(&entry);
        }
    }
    return found;
}

// The one format the extension names, when that settles it (see detect_format).
const FormatEntry* settled_by_name(const std::vector<const FormatEntry*>& named) {
    return named.size() == 1 && named.front()->detect ? named.front() : nullptr;
}

std::optional<Format> detect_by_content(const std::vector<const FormatEntry*>& named,
                                        std::string_view head) {
    std::vector<const FormatEntry*> asked;
    for (const FormatEntry* entry : named) {
        if (entry->detect)
            asked.push_back(entry);
    }
    if (asked.empty()) {
        for (const FormatEntry& entry : format_table()) {
            if (entry.detect)
                asked.push_back(&entry);
        }
    }
    for (const FormatEntry* entry : asked) {
        if (entry->detect(head))
            return entry->format;
    }
    for (const FormatEntry* entry : named) {
        if (!entry->detect)
            return entry->format;  // the fallback
    }
    return std::nullopt;
}

// The first kHeadBytes of a regular file, decompressed. Never of a pipe or a device
// (/dev/fd/63 from a shell's <(...)): what is read from those is gone for the reader.
std::string read_head(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return "";
    std::string head(kHeadBytes, '\0');
    std::size_t got = 0;
    try {
        auto source = open_input(path, compression_of(path));
        while (got < head.size()) {
            std::size_t n = source->read(head.data() + got, head.size() - got);
            if (n == 0)
                break;
            got += n;
        }
    } catch (const std::exception&) {
        // Unreadable or damaged: the reader says so when it reads the file, if it gets to.
    }
    head.resize(got);
    return head;
}

}  // namespace

const std::vector<FormatEntry>& format_table() {
    static const std::vector<FormatEntry> kTable = {
        {Format::kJsonl,
         "JSON Lines",
         {"jsonl", "json"},
         {".jsonl", ".ndjson"},
         looks_like_jsonl,
         read_jsonl_file},
        {Format::kText,
         "text/Markdown",
         {"text", "txt", "markdown"},
         {".txt", ".text", ".md", ".markdown"},
         nullptr,
         read_text_file},
        {Format::kReutersSgml,
         "Reuters SGML",
         {"sgml", "reuters"},
         {".sgm", ".sgml"},
         looks_like_reuters_sgml,
         read_reuters_file},
        {Format::kHtml,
         "HTML",
         {"html", "htm"},
         {".html", ".htm"},
         looks_like_html,
         read_html_file},
        {Format::kWarc, "WARC", {"warc"}, {".warc"}, looks_like_warc, read_warc_file},
        // .xml is shared by the four XML formats: the root element decides.
        {Format::kNitf, "NITF", {"nitf"}, {".nitf", ".xml"}, looks_like_nitf, read_nitf_file},
        {Format::kNewsml,
         "NewsML-G2",
         {"newsml", "newsml-g2", "g2"},
         {".xml"},
         looks_like_newsml,
         read_newsml_file},
        {Format::kRss, "RSS", {"rss"}, {".rss", ".xml"}, looks_like_rss, read_rss_file},
        {Format::kAtom, "Atom", {"atom"}, {".atom", ".xml"}, looks_like_atom, read_atom_file},
        // TREC files mostly have no extension (FT911_1, LA010189): found by their content.
        {Format::kTrec, "TREC SGML", {"trec"}, {".trec"}, looks_like_trec, read_trec_file},
    };
    return kTable;
}

const FormatEntry& format_entry(Format format) {
    for (const FormatEntry& entry : format_table()) {
        if (entry.format == format)
            return entry;
    }
    throw std::logic_error("format without a row in format_table()");
}

std::optional<Format> parse_format_name(std::string_view name) {
    for (const FormatEntry& entry : format_table()) {
        if (std::find(entry.names.begin(), entry.names.end(), name) != entry.names.end())
            return entry.format;
    }
    return std::nullopt;
}

std::string format_names() {
    const auto& table = format_table();
    std::string out;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0)
            out += i + 1 == table.size() ? " or " : ", ";
        out += table[i].names.front();
    }
    return out;
}

std::optional<Format> detect_format(const fs::path& name, std::string_view head) {
    std::vector<const FormatEntry*> named = formats_with_extension(extension_of(name));
    if (const FormatEntry* entry = settled_by_name(named))
        return entry->format;
    return detect_by_content(named, head);
}

std::optional<Format> detect_format(const fs::path& path) {
    std::vector<const FormatEntry*> named = formats_with_extension(extension_of(path));
    if (const FormatEntry* entry = settled_by_name(named))
        return entry->format;
    return detect_by_content(named, read_head(path));
}

}  // namespace gazette
