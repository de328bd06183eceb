#include "indexer/readers/input_files.h"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include "common/errors.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/reuters_sgml_reader.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/warc_reader.h"

namespace gazette {

namespace fs = std::filesystem;

std::optional<Format> parse_format_name(std::string_view name) {
    if (name == "jsonl" || name == "json")
        return Format::kJsonl;
    if (name == "text" || name == "txt" || name == "markdown")
        return Format::kText;
    if (name == "sgml" || name == "reuters")
        return Format::kReutersSgml;
    if (name == "html" || name == "htm")
        return Format::kHtml;
    if (name == "warc")
        return Format::kWarc;
    return std::nullopt;
}

std::optional<Format> detect_format(const fs::path& path) {
    fs::path name = path.filename();
    if (compression_of(name) != Compression::kNone)
        name = name.stem();
    std::string ext = name.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".jsonl" || ext == ".ndjson")
        return Format::kJsonl;
    if (ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown")
        return Format::kText;
    if (ext == ".sgm" || ext == ".sgml")
        return Format::kReutersSgml;
    if (ext == ".html" || ext == ".htm")
        return Format::kHtml;
    if (ext == ".warc")
        return Format::kWarc;
    return std::nullopt;
}

namespace {

void add_file(const fs::path& path, std::string relative, std::optional<Format> forced,
              InputPlan& plan) {
    auto format = forced ? forced : detect_format(path);
    if (!format) {
        plan.unknown_format.push_back(path.string());
        return;
    }
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    plan.files.push_back(
        InputFile{path, std::move(relative), *format, compression_of(path), ec ? 0 : size});
}

}  // namespace

namespace {

bool excluded(const fs::path& path, const std::string& relative,
              const std::vector<std::string>& excludes) {
    std::string name = path.filename().string();
    for (const auto& pattern : excludes) {
        if (::fnmatch(pattern.c_str(), name.c_str(), 0) == 0 ||
            ::fnmatch(pattern.c_str(), relative.c_str(), FNM_PATHNAME) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace

InputPlan plan_inputs(const std::vector<std::string>& arguments, std::optional<Format> forced,
                      const std::vector<std::string>& excludes) {
    InputPlan plan;
    for (const auto& arg : arguments) {
        if (arg == "-") {
            plan.files.push_back(
                InputFile{"-", "-", forced.value_or(Format::kJsonl), Compression::kNone, 0});
            continue;
        }
        fs::path root(arg);
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator
                     it(root, fs::directory_options::skip_permission_denied, ec),
                 end;
                 !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec))
                    found.push_back(it->path());
            }
            if (ec)
                plan.missing.push_back(arg + ": " + ec.message());
            std::sort(found.begin(), found.end());
            for (const auto& p : found) {
                std::string relative = p.lexically_relative(root).generic_string();
                if (excluded(p, relative, excludes)) {
                    ++plan.excluded;
                    continue;
                }
                add_file(p, std::move(relative), forced, plan);
            }
        } else if (fs::exists(root, ec)) {
            add_file(root, root.filename().string(), forced, plan);
        } else {
            plan.missing.push_back(arg + ": no such file or directory");
        }
    }
    return plan;
}

void read_input(const InputFile& file, const std::string& default_source, ArticleSink& sink) {
    std::string name = file.path == "-" ? "<stdin>" : file.path.string();
    try {
        if (file.format == Format::kWarc) {
            // Record by record, never the whole file; .warc.gz member by member.
            read_warc(file.path, file.compression, name, default_source, sink);
            return;
        }
        auto source = open_input(file.path, file.compression);
        switch (file.format) {
            case Format::kJsonl:
                read_jsonl(*source, name, sink);
                return;
            case Format::kText: {
                TextFileContext context;
                context.id = file.relative;
                auto slash = file.relative.find('/');
                if (slash != std::string::npos)
                    context.section = file.relative.substr(0, slash);
                context.source = default_source;
                context.display_name = name;
                read_text_document(read_all(*source), context, sink);
                return;
            }
            case Format::kReutersSgml:
                read_reuters_sgml(read_all(*source), name, sink);
                return;
            case Format::kHtml: {
                HtmlContext context;
                context.id = file.relative;
                context.source = default_source;
                context.display_name = name;
                read_html_document(read_all(*source), context, sink);
                return;
            }
            case Format::kWarc:
                return;  // read above
        }
    } catch (const InputError& e) {
        // Whole-file formats: a damaged or unreadable file loses its records.
        sink.reject(name, std::string("cannot read: ") + e.what());
    }
}

}  // namespace gazette
