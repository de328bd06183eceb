#include "searcher/cli/export_command.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "common/errors.h"
#include "common/terminal.h"
#include "searcher/export/match_export.h"

namespace po = boost::program_options;

namespace gazette {
namespace {

// "12,345 of 1,000,000 rows, 40,000 rows/s, 24 s left", redrawn on one terminal line.
class ExportProgress {
  public:
    ExportProgress(unsigned long long total, bool shown) : total_(total), shown_(shown) {}

    void update(unsigned long long done) {
        if (!shown_)
            return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(500) && done < total_)
            return;
        last_ = now;
        double seconds = std::chrono::duration<double>(now - start_).count();
        double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
        double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
        std::fprintf(stderr, "\rexport: %llu of %llu rows, %.0f rows/s, %.0f s left   ", done,
                     total_, rate, left);
    }
    void finish() {
        if (shown_)
            std::fputc('\n', stderr);
    }

  private:
    unsigned long long total_;
    bool shown_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_ = start_;
};

}  // namespace

po::options_description export_options() {
    po::options_description exporting("Exports (every match, no --limit)");
    // clang-format off
    exporting.add_options()
        ("export", po::value<std::string>()->value_name("FORMAT"),
         "write every matching article to stdout as csv (RFC 4180, a header row) or jsonl; in --sort order, near-duplicates one row unless --no-collapse")
        ("fields", po::value<std::string>()->value_name("LIST"),
         "with --export: the columns, any of id,date,source,section,title,url,authors,language,tags,people,places,organizations,body,score,rank,snippet,duplicates,record (the whole stored record); default id,date,source,section,title,url,authors");
    // clang-format on
    return exporting;
}

std::optional<int> run_export_if_asked(const SearchCommand& command, const po::variables_map& vm) {
    if (!vm.count("export")) {
        if (vm.count("fields"))
            throw UsageError("--fields goes with --export");
        return std::nullopt;
    }
    if (vm.count("timeline"))
        throw UsageError("--export and --timeline do not go together");
    for (const char* paging : {"limit", "offset"}) {
        if (vm.count(paging) && !vm[paging].defaulted())
            throw UsageError(std::string("--") + paging +
                             " does not apply to --export: it writes every match");
    }
    ExportOptions options;
    options.format = parse_export_format(vm["export"].as<std::string>());
    if (vm.count("fields"))
        options.fields = parse_export_fields(vm["fields"].as<std::string>());
    SearchRequest request = command.request;
    request.snippets = wants_snippet(options.fields);
    return naming_databases(command, [&] {
        SessionOptions session_options = command.session;
        session_options.search.query.spelling = false;  // an export offers no "did you mean"
        SearchSession session(std::move(session_options));
        if (command.debug_query)
            print_debug_query(session, request);
        MatchExport exporter(session, request, options);
        ExportProgress progress(exporter.rows(), is_terminal(stderr));
        exporter.write([&](std::string_view piece, unsigned long long rows) {
            std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            progress.update(rows);
            return static_cast<bool>(std::cout);
        });
        progress.finish();
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "gazette-search: --export: writing to stdout failed\n";
            return exit_status::kFatal;
        }
        return exit_status::kOk;
    });
}

}  // namespace gazette
