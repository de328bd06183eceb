#include "alerts/alert_options.h"

#include <iostream>

#include "common/errors.h"

namespace po = boost::program_options;

namespace gazette {

po::options_description alert_options() {
    po::options_description alerts(
        "Alerts (standing queries matched against each new batch; docs/alerts.md)");
    // clang-format off
    alerts.add_options()
        ("alerts", po::value<std::string>()->value_name("FILE"),
         "standing queries, one JSON object a line: {\"name\", \"query\", filters as in --jsonl search objects}")
        ("alerts-out", po::value<std::string>()->value_name("FILE"),
         "append one JSON line per new match to FILE (default: standard output)")
        ("alerts-webhook", po::value<std::string>()->value_name("URL"),
         "also POST each batch's alert lines to URL (http://, application/x-ndjson)");
    // clang-format on
    return alerts;
}

std::unique_ptr<AlertRun> alerts_from_options(const po::variables_map& vm) {
    if (!vm.count("alerts")) {
        if (vm.count("alerts-out") || vm.count("alerts-webhook"))
            throw UsageError("--alerts-out and --alerts-webhook go with --alerts FILE");
        return nullptr;
    }
    StandingQueryFile file = read_standing_queries(vm["alerts"].as<std::string>());
    for (const auto& problem : file.problems)
        std::cerr << "gazette-index: standing query left out: " << problem << "\n";
    auto sink = std::make_unique<AlertSink>(
        vm.count("alerts-out") ? vm["alerts-out"].as<std::string>() : "",
        vm.count("alerts-webhook") ? vm["alerts-webhook"].as<std::string>() : "");
    return std::make_unique<AlertRun>(std::move(file.queries), std::move(sink));
}

}  // namespace gazette
