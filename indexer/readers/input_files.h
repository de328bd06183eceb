// From command-line arguments to the list of files to read, and from a file to its reader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/format_registry.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

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
// as JSON Lines on standard input. Each file's format is detected (format_registry.h:
// its extension, else its first bytes) unless `forced` names one. Files named on the
// command line whose format is not detected count as unknown_format too. Files in walked
// directories whose name or relative path matches an `excludes` glob (fnmatch) are left out.
InputPlan plan_inputs(const std::vector<std::string>& arguments, std::optional<Format> forced,
                      const std::vector<std::string>& excludes = {});

// Reads one file with its format's reader (format_registry.h). `default_source` fills `source` for
// formats that have none (text files). Problems opening or decoding the file are reported through
// the sink.
void read_input(const InputFile& file, const std::string& default_source, ArticleSink& sink);

}  // namespace gazette
