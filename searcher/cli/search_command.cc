#include "searcher/cli/search_command.h"

#include <cstdint>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/database_error.h"
#include "common/errors.h"
#include "common/fields.h"
#include "searcher/cli/result_text.h"
#include "searcher/engine/result_json.h"
#include "searcher/request/request_json.h"
#include "searcher/request/request_options.h"

namespace gazette {
namespace {

// A --jsonl line: plain text is the query; an object sets any request option by name
// (request_options.h), with lists for repeated filters: {"query": "grain", "source": ["a", "b"]}.
SearchRequest request_from_line(const std::string& line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '{') {
        request.query = line;
        return request;
    }
    nlohmann::json obj;
    try {
        obj = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 12: …";
        // the column is what a reader needs, the library's tag is not.
        std::string why = e.what();
        auto tag_end = why.find("] ");
        throw UsageError("not valid JSON: " +
                         (tag_end == std::string::npos ? why : why.substr(tag_end + 2)));
    }
    if (!obj.is_object())
        throw UsageError("a line starting with { must be one JSON object");
    if (!obj.contains("query") && !obj.contains("q"))
        throw UsageError("\"query\" is missing");
    set_request_options_from_json(request, obj);
    return request;
}

// The searched databases and what the query parser can use for spelling with them.
struct OpenSearch {
    DatabaseSet set;
    QueryOptions options;
};

// Facets over list fields count with our own match spy, which xapian-tcpsrv cannot run.
void check_facets_for_remote(const SearchRequest& request, bool any_remote) {
    if (!any_remote)
        return;
    for (const auto& name : request.facets) {
        const FacetSpec* facet = find_facet(name);
        if (!facet || !facet->is_list)
            continue;
        std::string available;
        for (const FacetSpec& f : facets()) {
            if (!f.is_list)
                available += (available.empty() ? "" : ", ") + std::string(f.name);
        }
        throw UsageError("the " + name +
                         " facet is not available on remote shards (Xapian 1.4's "
                         "xapian-tcpsrv cannot run the counter for list fields); " +
                         available + " are");
    }
}

OpenSearch open_search(const SearchCommand& command) {
    OpenSearch open{open_database_set(command.db_paths, command.shards), command.query_options};
    use_database_set(open.options, open.set);
    return open;
}

// Runs one search; with --allow-partial, a shard that fails during the search is left out
// (the set is opened again, skipping shards that no longer answer) and the search retried.
SearchResults search_with_shards(const SearchCommand& command, OpenSearch& open,
                                 std::unique_ptr<Searcher>& searcher,
                                 const SearchRequest& request) {
    check_facets_for_remote(request, open.set.any_remote);
    // An indexer committing while we read can discard the revision we hold
    // (DatabaseModifiedError): reopen at the newest commit and search again.
    for (int attempt = 0;; ++attempt) {
        try {
            SearchResults results = searcher->search(request);
            results.missing_shards = open.set.missing;
            return results;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt + 1 >= kSearchAttempts)
                throw;
            open.set.db.reopen();
            if (open.set.documents)
                open.set.documents->reopen();
            searcher = std::make_unique<Searcher>(open.set.db, open.options);
        } catch (const Xapian::NetworkError&) {
            if (!command.shards.allow_partial)
                throw;
            break;
        }
    }
    open = open_search(command);
    searcher = std::make_unique<Searcher>(open.set.db, open.options);
    SearchResults results = searcher->search(request);
    results.missing_shards = open.set.missing;
    return results;
}

void print_debug_query(Searcher& searcher, const SearchRequest& request) {
    std::cerr << "parsed query: " << searcher.build_query(request).get_description() << "\n";
}

std::string joined(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

// Runs `work`; a damaged, truncated or unreadable database is reported by name. Opening and
// network errors name their database or shard already, and pass unchanged.
template <class Work>
int naming_databases(const SearchCommand& command, Work&& work) {
    try {
        return work();
    } catch (const Xapian::NetworkError&) {
        throw;
    } catch (const Xapian::DatabaseOpeningError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw DatabaseFailure(e, joined(command.db_paths));
    }
}

int single_search(const SearchCommand& command);
int jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out);

}  // namespace

int run_single_search(const SearchCommand& command) {
    return naming_databases(command, [&] {
        // Opening, checking the schema and searching read one revision; an indexer that
        // commits twice meanwhile discards it (DatabaseModifiedError). Nothing has been
        // printed yet then, so the whole search starts again at the newest commit.
        for (int attempt = 0;; ++attempt) {
            try {
                return single_search(command);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt + 1 >= kSearchAttempts)
                    throw;
            }
        }
    });
}

int run_jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out) {
    return naming_databases(command, [&] { return jsonl_searches(command, in, out); });
}

namespace {

int single_search(const SearchCommand& command) {
    validate_request(command.request);
    OpenSearch open = open_search(command);
    auto searcher = std::make_unique<Searcher>(open.set.db, open.options);
    if (command.debug_query)
        print_debug_query(*searcher, command.request);
    SearchResults results = search_with_shards(command, open, searcher, command.request);
    if (command.output == OutputMode::kJson) {
        std::cout << results_to_json(results) << "\n";
    } else {
        print_results_text(std::cout, results, command.color);
    }
    return exit_status::kOk;
}

int jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out) {
    OpenSearch open = open_search(command);
    auto searcher = std::make_unique<Searcher>(open.set.db, open.options);
    std::string line;
    std::uint64_t line_number = 0;
    std::uint64_t failed = 0;
    // The error stays on the answer's own line (a driver pairs answers with questions by
    // position), and goes to stderr with the line's number for whoever reads the log.
    auto fail = [&](const std::string& query, const std::string& why) {
        ++failed;
        out << error_to_json(query, why) << "\n";
        std::cerr << "gazette-search: --jsonl line " << line_number << ": " << why << "\n";
    };
    while (std::getline(in, line)) {
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::string query = line;
        try {
            SearchRequest request = request_from_line(line, command.request);
            query = request.query;
            if (command.debug_query)
                print_debug_query(*searcher, request);
            out << results_to_json(search_with_shards(command, open, searcher, request)) << "\n";
        } catch (const UsageError& e) {
            fail(query, e.what());
        } catch (const Xapian::Error& e) {
            fail(query, e.get_type() + std::string(": ") + e.get_msg());
        }
        out.flush();  // answers go out as questions come in: a driver may be waiting
    }
    if (failed > 0) {
        std::cerr << "gazette-search: " << failed << " of " << line_number
                  << " --jsonl lines failed (their answers hold \"error\")\n";
    }
    return exit_status::kOk;
}

}  // namespace

}  // namespace gazette
