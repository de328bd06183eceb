// gazette-search: options and the top-level error handler only; the work is in
// search_command.cc.
#include <xapian.h>

#include <ctime>
#include <iostream>
#include <sstream>
#include <string_view>

#include "common/cli/program_options.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/terminal.h"
#include "searcher/cli/export_command.h"
#include "searcher/cli/search_command.h"
#include "searcher/cli/shard_options.h"
#include "searcher/cli/timeline_command.h"
#include "searcher/query/query_language.h"
#include "searcher/request/request_options.h"
#include "searcher/server/serve_command.h"

namespace po = boost::program_options;
using namespace gazette;

namespace {

// Breaks `text` at spaces into lines of at most `width` characters, each ending in '\n'.
std::string wrapped(const std::string& text, std::size_t width) {
    std::string out, line, word;
    std::istringstream words(text);
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line + "\n";
}

// The query language's field prefixes and their aliases, from the field table (a field with
// neither prefix, the body, is searched by plain words only).
std::string query_prefix_lines() {
    auto has_prefix = [](const FieldSpec& f) {
        return !f.text_prefix.empty() || !f.filter_prefix.empty();
    };
    std::string text = "wildcards (negotiat*), field prefixes";
    for (const FieldSpec& f : fields()) {
        if (has_prefix(f))
            text += " " + std::string(f.name) + ":";
    }
    text += " " + std::string(kIdFieldName) + ":, or their aliases";
    for (const FieldSpec& f : fields()) {
        for (std::string_view alias : f.aliases) {
            if (has_prefix(f) && !alias.empty())
                text += " " + std::string(alias) + ":";
        }
    }
    return wrapped(text + ",", 92);
}

cli::ProgramInfo program_info() {
    return {
        "gazette-search", "gazette-search [options] --db DB QUERY...",
        "Search a Gazette database: ranked (BM25) results with highlighted snippets.",
        "gazette-search --db news.db Ukraine negotiations Witkoff\n"
        "gazette-search --db news.db 'title:putin date:2025-01-01..2025-02-28'\n"
        "gazette-search --db news.db --json '\"peace talks\" NOT source:reuters'\n"
        "gazette-search --db news.db --from 1987-03 --to 1987-03 --source reuters --facets "
        "tags,places cocoa\n"
        "gazette-search --db news.db --sort recency --half-life 7 ceasefire talks\n"
        "gazette-search --db news.db --sort newest --source BBC --section business\n"
        "printf 'cocoa\\ngrain exports\\n' | gazette-search --db news.db --jsonl\n"
        "gazette-search --db news.db --like reuters:42 --explain    # related articles\n"
        "gazette-search --db news.db --explain-score bbc:1234 ukraine talks  # why it ranks\n"
        "gazette-search --db news.db --timeline month --compare wheat --normalize cocoa\n"
        "gazette-search serve --db news.db     # HTTP API and search page (serve --help)\n",
        "Query language: words (any may match; best first), \"phrases\", AND OR NOT NEAR, +must "
        "-mustnot,\n" +
            query_prefix_lines() +
            "and dates date:2025-01-01..2025-02-28 (YYYY, YYYY-MM or YYYY-MM-DD; open ends ok).\n\n"
            "Exit status: 0 ok (also with no results), 1 fatal error (database missing or "
            "unreadable),\n"
            "2 bad usage or query syntax.\n"};
}

// Every request option the command line offers, as (option name, request key) pairs; the
// values go through set_request_option like --jsonl objects and HTTP query strings do.
void add_request_options(po::options_description& search, po::options_description& filters) {
    // clang-format off
    search.add_options()
        ("query", po::value<std::vector<std::string>>()->value_name("QUERY"), "query words (joined by spaces)")
        ("limit,n", po::value<std::string>()->default_value("10")->value_name("N"), "results per page (at most 1000)")
        ("offset", po::value<std::string>()->default_value("0")->value_name("N"), "skip the first N results (paging)")
        ("sort", po::value<std::string>()->value_name("ORDER"),
         "relevance (default), newest, oldest, or recency (relevance + freshness, see --half-life)")
        ("half-life", po::value<std::string>()->value_name("DAYS"),
         "with --sort recency: days after which a story's boost halves (default 30)")
        ("now", po::value<std::string>()->value_name("DATE"), "with --sort recency: the date ages count from (default today)")
        ("recency-weight", po::value<std::string>()->value_name("W"), "with --sort recency: the boost of a story dated --now (default 2)")
        ("facets", po::value<std::string>()->value_name("LIST"),
         "count matches per value over the whole match set: any of source,section,language,tags,people,places,organizations,authors,year,month (or an alias: tag, lang, ...)")
        ("facet-size", po::value<std::string>()->value_name("N"), "values per facet, most frequent first (default 10, at most 1000)")
        ("exact-total", "count every match exactly (slower on large result sets)")
        ("key-terms", po::value<std::string>()->value_name("N"),
         "the N words that characterise the matches against the whole archive (the top 100 matches sampled; with --timeline: each period's against the whole match set)")
        ("no-snippets", "leave out snippets (faster for large --limit)")
        ("profile", "with --json: the time of each stage (parse, rank, match set, documents, snippets) and the match-set layer's memory")
        ("default-op", po::value<std::string>()->default_value("or")->value_name("OP"),
         "how plain words combine: or (ranked, any word) or and (all words)")
        ("stem-lang", po::value<std::string>()->value_name("CODE"),
         "language of the query words for stemming (ISO 639-1; default: the one --lang filter, else en)")
        ("bm25-k1", po::value<double>()->value_name("K1"), "BM25 term-frequency saturation (default 1; docs/ranking.md)")
        ("bm25-b", po::value<double>()->value_name("B"), "BM25 length normalisation, 0..1 (default 0.5)")
        ("expand", po::value<unsigned>()->value_name("N"), "add N terms from the top results to the query (pseudo-relevance feedback: reorders the matches, adds none; default 0 = off)")
        ("expand-docs", po::value<unsigned>()->value_name("N"), "with --expand: how many top results give the terms (default 10)")
        ("expand-weight", po::value<double>()->value_name("W"), "with --expand: weight of the added terms (default 0.2)")
        ("typo-weight", po::value<double>()->value_name("W"), "weight of a misspelt word's spelling neighbours against the word as typed, above 0 and below 1 (default 0.9)")
        ("debug-query", "print the parsed query (Xapian's description) to stderr");
    filters.add_options()
        ("from", po::value<std::string>()->value_name("DATE"), "articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
        ("to", po::value<std::string>()->value_name("DATE"), "articles dated on or before DATE (the whole period: --to 2024 ends on Dec 31)");
    // clang-format on
    for (const FieldSpec* field : filter_fields()) {
        // "tags,tag,topic": Boost takes every name; the value is stored under the first.
        std::string names(field->name), also;
        for (std::string_view alias : field->aliases) {
            if (alias.empty())
                continue;
            names += "," + std::string(alias);
            also += (also.empty() ? "; also --" : ", --") + std::string(alias);
        }
        std::string what = "only articles whose " + std::string(field->name) +
                           (field->is_list() ? " include" : " is") +
                           " VALUE (whole value, any case; repeat for any of several" + also + ")";
        filters.add_options()(names.c_str(),
                              po::value<std::vector<std::string>>()->value_name("VALUE"),
                              what.c_str());
    }
    // clang-format off
    search.add_options()
        ("no-proximity", "rank by the words alone, not by how close together they stand")
        ("no-collapse", "show every copy of a story (by default near-duplicates are one result, \"N similar\")")
        ("show-duplicates", "list the ids of the near-duplicates folded into each result")
        ("auto-correct", "when a query finds nothing, search for its spelling correction instead")
        ("no-typos", "match every word exactly as typed (by default a misspelt-looking word also finds its spelling neighbours, ranked lower)")
        ("like", po::value<std::string>()->value_name("ID"), "find the articles most related to the article ID (no query words)")
        ("explain", "with --like: print the terms the related query was made of")
        ("explain-score", po::value<std::string>()->value_name("ID"),
         "say why article ID ranked where it did: its rank, its score and the parts that sum to it (each word's BM25, typo neighbours, name variants, proximity, --expand terms, recency)");
    // clang-format on
}

SearchRequest request_from_options(const po::variables_map& vm) {
    SearchRequest request;
    for (const char* key : {"limit", "offset", "sort", "half-life", "now", "recency-weight",
                            "facets", "facet-size", "key-terms", "from", "to"}) {
        if (vm.count(key))
            set_request_option(request, key, vm[key].as<std::string>());
    }
    if (vm.count("exact-total"))
        request.exact_total = true;
    if (vm.count("no-snippets"))
        request.snippets = false;
    if (vm.count("profile"))
        request.profile = true;
    if (vm.count("no-proximity"))
        request.proximity = false;
    if (vm.count("no-collapse"))
        request.collapse = false;
    if (vm.count("show-duplicates"))
        request.show_duplicates = true;
    if (vm.count("auto-correct"))
        request.auto_correct = true;
    if (vm.count("no-typos"))
        request.typos = false;
    if (vm.count("explain"))
        request.explain = true;
    if (vm.count("like"))
        set_request_option(request, "like", vm["like"].as<std::string>());
    if (vm.count("explain-score"))
        set_request_option(request, "explain_score", vm["explain-score"].as<std::string>());
    for (const FieldSpec* field : filter_fields()) {
        std::string name(field->name);
        if (!vm.count(name))
            continue;
        for (const auto& value : vm[name].as<std::vector<std::string>>()) {
            set_request_option(request, name, value);
        }
    }
    if (request.recency.now == 0) {
        request.recency.now = static_cast<double>(std::time(nullptr));
    }
    return request;
}

// Without --stem-lang the session stems each search in the language of its one lang filter
// (search_session.h); that language is checked here already, so that a bad one is a usage
// error before any database is opened.
SearchOptions search_options_from(const po::variables_map& vm, const SearchRequest& request) {
    SearchOptions options;
    std::string op = vm["default-op"].as<std::string>();
    if (op == "or" || op == "OR") {
        options.query.default_op = Xapian::Query::OP_OR;
    } else if (op == "and" || op == "AND") {
        options.query.default_op = Xapian::Query::OP_AND;
    } else {
        throw UsageError("--default-op must be or or and, not " + op);
    }
    if (vm.count("stem-lang")) {
        options.query.stem_language = vm["stem-lang"].as<std::string>();
        check_stem_language(options.query.stem_language);
    } else {
        check_stem_language(stem_language_for(request, options.query.stem_language));
    }
    if (vm.count("typo-weight")) {
        double w = vm["typo-weight"].as<double>();
        if (!(w > 0 && w < 1))
            throw UsageError(
                "--typo-weight must be above 0 and below 1 (an exact match ranks "
                "above a corrected one), not " +
                std::to_string(w));
        options.query.typo_weight = w;
    }
    if (vm.count("bm25-k1"))
        options.ranking.bm25_k1 = vm["bm25-k1"].as<double>();
    if (vm.count("bm25-b"))
        options.ranking.bm25_b = vm["bm25-b"].as<double>();
    if (vm.count("expand"))
        options.ranking.expand_terms = vm["expand"].as<unsigned>();
    if (vm.count("expand-docs"))
        options.ranking.expand_docs = vm["expand-docs"].as<unsigned>();
    if (vm.count("expand-weight"))
        options.ranking.expand_weight = vm["expand-weight"].as<double>();
    validate_ranking(options.ranking);
    return options;
}

int run(int argc, char** argv) {
    // `gazette-search serve ...` runs the HTTP service, with options of its own.
    if (argc > 1 && std::string_view(argv[1]) == "serve")
        return run_serve(argc - 1, argv + 1);
    po::options_description options;
    options.add(cli::general_options());
    options.add(cli::database_option("database to search (repeat for several; or set GAZETTE_DB)"));
    po::options_description search("Searching");
    po::options_description filters(
        "Filters (never change scores; AND across options, OR within one)");
    add_request_options(search, filters);
    po::options_description output("Output");
    // clang-format off
    output.add_options()
        ("json", "print one JSON object with the results")
        ("jsonl", "read one query per line on stdin (text, or a JSON object of options; with \"timeline\": a timeline), write one JSON object per line")
        ("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
         "highlight terms: auto (on a terminal), always or never");
    // clang-format on
    options.add(search).add(shard_options()).add(filters).add(output).add(timeline_options());
    options.add(export_options());
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    if (cli::parse_options(argc, argv, program_info(), options, positional, vm) ==
        cli::ParseOutcome::kExitOk) {
        return exit_status::kOk;
    }
    SearchCommand command;
    command.session.databases = cli::database_paths(vm);
    command.session.shards = shard_options_from(vm);
    command.request = request_from_options(vm);
    command.session.search = search_options_from(vm, command.request);
    command.session.fixed_stem_language = vm.count("stem-lang") > 0;
    command.debug_query = vm.count("debug-query") > 0;
    std::string color = vm["color"].as<std::string>();
    if (color != "auto" && color != "always" && color != "never") {
        throw UsageError("--color must be auto, always or never");
    }
    command.color = color == "always" || (color == "auto" && is_terminal(stdout));
    if (vm.count("jsonl")) {
        if (vm.count("query")) {
            throw UsageError("--jsonl reads queries from stdin; give none on the command line");
        }
        return run_jsonl_searches(command, std::cin, std::cout);
    }
    std::string query;
    if (vm.count("query")) {
        for (const auto& word : vm["query"].as<std::vector<std::string>>()) {
            if (!query.empty())
                query += ' ';
            query += word;
        }
    }
    if (query.empty() && command.request.filters.empty() && command.request.like.empty()) {
        throw UsageError("no query given (give words, or filters such as --source to browse)");
    }
    command.request.query = query;
    command.output = vm.count("json") ? OutputMode::kJson : OutputMode::kText;
    if (auto status = run_export_if_asked(command, vm))
        return *status;
    if (auto status = run_timeline_if_asked(command, vm))
        return *status;
    return run_single_search(command);
}

}  // namespace

int main(int argc, char** argv) try { return run(argc, argv); } catch (const UsageError& e) {
    std::cerr << "gazette-search: " << e.what() << "\n";
    return exit_status::kUsage;
} catch (const Xapian::NetworkError& e) {
    std::cerr << "gazette-search: " << e.get_msg() << "\n";
    return exit_status::kFatal;
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
