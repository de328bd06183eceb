#include "indexer/readers/input_files.h"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include "common/errors.h"

namespace gazette {

namespace fs = std::filesystem;

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
    ReadContext context{file.path == "-" ? "<stdin>" : file.path.string(), default_source};
    try {
        format_entry(file.format).read(file, context, sink);
    } catch (const InputError& e) {
        // Whole-file formats: a damaged or unreadable file loses its records.
        sink.reject(context.display_name, std::string("cannot read: ") + e.what());
    }
}

}  // namespace gazette
