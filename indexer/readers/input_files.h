// From command-line arguments to the list of files to read, and from a file to its reader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

enum class Format { kJsonl, kText, kReutersSgml, kHtml, kWarc };

// "jsonl", "text", "sgml", "html" or "warc"; nullopt for anything else.
std::optional<Format> parse_format_name(std::string_view name);

// From the file name, looking through one compression extension ("a.jsonl.gz" → kJsonl,
// "crawl.warc.gz" → kWarc).
std::optional<Format> detect_format(const std::filesystem::path& path);

struct InputFile {
    std::filesystem::path path;  // "-" for standard input
    std::string relative;        // path relative to the directory argument, or the file name
    Format format = Format::kJsonl;
    Compression compression = Compression::kNone;
    std::uintmax_t size = 0;  // bytes on disk, 0 when unknown (stdin)
};

struct InputPlan {
    std::vector<InputFile> files;
    std::vector<std::string> unknown_format;  // files in walked directories we cannot read
    std::vector<std::string> missing;         // arguments that do not exist
    std::size_t excluded = 0;                 // files left out by --exclude
};

// Expands arguments: files as given, directories walked recursively in sorted order, "-"
// as JSON Lines on standard input. `forced` overrides format detection. Files named on the
// command line with an unknown extension count as unknown_format too. Files in walked
// directories whose name or relative path matches an `excludes` glob (fnmatch) are left out.
InputPlan plan_inputs(const std::vector<std::string>& arguments, std::optional<Format> forced,
                      const std::vector<std::string>& excludes = {});

// Reads one file with its reader. `default_source` fills `source` for formats that have
// none (text files). Problems opening or decoding the file are reported through the sink.
void read_input(const InputFile& file, const std::string& default_source, ArticleSink& sink);

}  // namespace gazette
