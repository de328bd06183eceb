// Every input format gazette-index reads, in one table: its names for --format, its file
// extensions, how to recognise its content, and its reader. --format, the detection of a
// file's format, the reading of a file and the format list in --help all come from it, so
// a new format is a row here plus its reader's files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/article_sink.h"

namespace gazette {

enum class Format { kJsonl, kText, kReutersSgml, kHtml, kWarc, kNitf, kNewsml, kRss, kAtom, kTrec };

struct InputFile;  // input_files.h

// What a reader is given besides the file.
struct ReadContext {
    std::string display_name;    // the file in messages ("<stdin>" for "-")
    std::string default_source;  // --source, for records that name none
};

struct FormatEntry {
    Format format;
    std::string_view label;                    // in --help: "JSON Lines"
    std::vector<std::string_view> names;       // for --format; the first is its name
    std::vector<std::string_view> extensions;  // lowercase, with the dot: ".jsonl"
    // True when a file's first bytes (decompressed; kHeadBytes at most) are of this format.
    // Null for the fallback (text), which any bytes may be: it is taken by its extensions
    // only, and only when no other format recognises the content.
    bool (*detect)(std::string_view head);
    // Reads the whole file, reporting its articles, rejects and warnings to the sink. Throws
    // InputError when the file cannot be opened or decoded at all.
    void (*read)(const InputFile& file, const ReadContext& context, ArticleSink& sink);
};

// The formats, in the order --help lists them.
const std::vector<FormatEntry>& format_table();

// The row of `format`.
const FormatEntry& format_entry(Format format);

// The format one of the names names ("jsonl", "json", "text", ...); nullopt for anything else.
std::optional<Format> parse_format_name(std::string_view name);

// The first name of every format, for messages: "jsonl, text, sgml, html or warc".
std::string format_names();

// How much of a file the detectors see.
inline constexpr std::size_t kHeadBytes = 4096;

// The format of a file from its name and, where the name does not settle it, its first
// bytes. The name settles it when its extension (under one compression extension:
// "a.jsonl.gz") is one format's with a detector. Otherwise the formats with that extension
// (all of them when none has it, or only the fallback does) are asked in table order to
// recognise `head`; failing that, the fallback the extension names (a .txt is text), or
// nullopt: an unknown extension or no extension, and content nobody recognises.
std::optional<Format> detect_format(const std::filesystem::path& name, std::string_view head);

// The same for a file on disk: reads its first bytes (through its compression) only when its
// name does not settle the format. A file that cannot be read counts as empty.
std::optional<Format> detect_format(const std::filesystem::path& path);

}  // namespace gazette
