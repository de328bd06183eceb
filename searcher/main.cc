// gazette-search: options and the top-level error handler only; the work is in
// search_command.cc.
#include <xapian.h>

#include <iostream>

#include "common/cli/program_options.h"
#include "common/errors.h"
#include "common/language.h"
#include "common/terminal.h"
#include "searcher/search_command.h"

namespace po = boost::program_options;
using namespace gazette;

namespace {

const cli::ProgramInfo kInfo{
    "gazette-search", "gazette-search [options] --db DB QUERY...",
    "Search a Gazette database: ranked (BM25) results with highlighted snippets.",
    "  gazette-search --db news.db Ukraine negotiations Witkoff\n"
    "  gazette-search --db news.db 'title:putin date:2025-01-01..2025-02-28'\n"
    "  gazette-search --db news.db --json '\"peace talks\" NOT source:reuters'\n"
    "  printf 'cocoa\\ngrain exports\\n' | gazette-search --db news.db --jsonl\n"
    "Query language: words (any may match; best first), \"phrases\", AND OR NOT NEAR, +must "
    "-mustnot,\n"
    "wildcards (negotiat*), field prefixes title: author: source: section: tag: person: place: "
    "org:\n"
    "lang: url: id:, and dates date:2025-01-01..2025-02-28 (YYYY, YYYY-MM or YYYY-MM-DD; open ends "
    "ok).\n"
    "Exit status: 0 ok (also with no results), 1 fatal error (database missing or unreadable),\n"
    "2 bad usage or query syntax.\n"};

int run(int argc, char** argv) {
    po::options_description options;
    options.add(cli::general_options());
    options.add(cli::database_option("database to search (repeat for several; or set GAZETTE_DB)"));
    po::options_description search("Searching");
    search.add_options()("query", po::value<std::vector<std::string>>()->value_name("QUERY"),
                         "query words (joined by spaces)")(
        "limit,n", po::value<Xapian::doccount>()->default_value(10)->value_name("N"),
        "results per page (at most 1000)")(
        "offset", po::value<Xapian::doccount>()->default_value(0)->value_name("N"),
        "skip the first N results (paging)")(
        "default-op", po::value<std::string>()->default_value("or")->value_name("OP"),
        "how plain words combine: or (ranked, any word) or and (all words)")(
        "lang", po::value<std::string>()->default_value("en")->value_name("CODE"),
        "language of the query (ISO 639-1) for stemming, e.g. --lang fr")(
        "debug-query", "print the parsed query (Xapian's description) to stderr");
    po::options_description output("Output");
    output.add_options()("json", "print one JSON object with the results")(
        "jsonl", "read one query per line on stdin, write one JSON object per line")(
        "color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
        "highlight terms: auto (on a terminal), always or never");
    options.add(search).add(output);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    if (cli::parse_options(argc, argv, kInfo, options, positional, vm) ==
        cli::ParseOutcome::kExitOk) {
        return exit_status::kOk;
    }
    SearchCommand command;
    command.db_paths = cli::database_paths(vm);
    std::string op = vm["default-op"].as<std::string>();
    if (op == "or" || op == "OR") {
        command.query_options.default_op = Xapian::Query::OP_OR;
    } else if (op == "and" || op == "AND") {
        command.query_options.default_op = Xapian::Query::OP_AND;
    } else {
        throw UsageError("--default-op must be or or and, not " + op);
    }
    command.query_options.stem_language = vm["lang"].as<std::string>();
    if (!is_language_code(command.query_options.stem_language)) {
        throw UsageError("--lang takes an ISO 639-1 code such as en or fr");
    }
    command.request.limit = vm["limit"].as<Xapian::doccount>();
    command.request.offset = vm["offset"].as<Xapian::doccount>();
    command.debug_query = vm.count("debug-query") > 0;
    command.request.snippets = vm.count("no-snippets") == 0;
    std::string color = vm["color"].as<std::string>();
    if (color != "auto" && color != "always" && color != "never") {
        throw UsageError("--color must be auto, always or never");
    }
    command.color = color == "always" || (color == "auto" && is_terminal(stdout));
    if (vm.count("jsonl")) {
        if (vm.count("query"))
            throw UsageError("--jsonl reads queries from stdin; give none on the command line");
        return run_jsonl_searches(command, std::cin, std::cout);
    }
    if (!vm.count("query"))
        throw UsageError("no query given");
    std::string query;
    for (const auto& word : vm["query"].as<std::vector<std::string>>()) {
        if (!query.empty())
            query += ' ';
        query += word;
    }
    command.request.query = query;
    command.output = vm.count("json") ? OutputMode::kJson : OutputMode::kText;
    return run_single_search(command);
}

}  // namespace

int main(int argc, char** argv) try { return run(argc, argv); } catch (const UsageError& e) {
    std::cerr << "gazette-search: " << e.what() << "\n";
    return exit_status::kUsage;
} catch (const Xapian::DatabaseOpeningError& e) {
    std::cerr << "gazette-search: " << e.get_msg() << "\n";
    return exit_status::kFatal;
} catch (const Xapian::Error& e) {
    std::cerr << "gazette-search: " << e.get_type() << ": " << e.get_msg() << "\n";
    return exit_status::kFatal;
} catch (const std::exception& e) {
    std::cerr << "gazette-search: " << e.what() << "\n";
    return exit_status::kFatal;
}
