#include "searcher/cli/timeline_command.h"

#include <iostream>

#include "common/errors.h"
#include "searcher/cli/timeline_text.h"
#include "searcher/timeline/timeline.h"
#include "searcher/timeline/timeline_json.h"

namespace po = boost::program_options;

namespace gazette {

po::options_description timeline_options() {
    po::options_description timeline("Timelines (matches per period over the whole match set)");
    // clang-format off
    timeline.add_options()
        ("timeline", po::value<std::string>()->value_name("INTERVAL"),
         "count the matching articles per day, week (ISO), month or year instead of listing them")
        ("compare", po::value<std::vector<std::string>>()->value_name("QUERY"),
         "with --timeline: another series for QUERY, with the same filters (repeat for more)")
        ("normalize", "with --timeline: each count as a share of all the articles of its period")
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "with --timeline: text (a chart; default), json (like --json) or csv (period, one column per query)");
    // clang-format on
    return timeline;
}

std::optional<int> run_timeline_if_asked(const SearchCommand& command,
                                         const po::variables_map& vm) {
    std::string format = vm.count("format") ? vm["format"].as<std::string>() : "";
    if (!format.empty() && format != "text" && format != "json" && format != "csv")
        throw UsageError("--format must be text, json or csv, not \"" + format + "\"");
    if (!vm.count("timeline")) {
        if (vm.count("compare") || vm.count("normalize") || vm.count("format"))
            throw UsageError("--compare, --normalize and --format go with --timeline");
        return std::nullopt;
    }
    TimelineRequest request;
    request.search = command.request;
    set_timeline_option(request, "interval", vm["timeline"].as<std::string>());
    if (vm.count("compare")) {
        for (const auto& q : vm["compare"].as<std::vector<std::string>>())
            set_timeline_option(request, "compare", q);
    }
    if (vm.count("normalize"))
        set_timeline_option(request, "normalize", "true");
    validate_timeline_request(request);

    return naming_databases(command, [&] {
        SessionOptions options = command.session;
        options.search.query.spelling = false;  // a timeline offers no "did you mean"
        SearchSession session(std::move(options));
        if (command.debug_query)
            print_debug_query(session, request.search);
        Timeline timeline = compute_timeline(session, request);
        if (format == "csv") {
            print_timeline_csv(std::cout, timeline);
        } else if (format == "json" || vm.count("json")) {
            std::cout << timeline_to_json(timeline) << "\n";
        } else {
            print_timeline_text(std::cout, timeline, command.color);
        }
        return exit_status::kOk;
    });
}

}  // namespace gazette
