#include "searcher/cli/search_command.h"

#include <cstdint>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/database_error.h"
#include "common/errors.h"
#include "searcher/cli/result_text.h"
#include "searcher/engine/result_json.h"
#include "searcher/request/request_json.h"
#include "searcher/request/request_options.h"
#include "searcher/timeline/timeline.h"
#include "searcher/timeline/timeline_json.h"

namespace gazette {
namespace {

// A --jsonl line's JSON object, or nullopt for a line of plain text (the query).
std::optional<nlohmann::json> object_of_line(const std::string& line) {
    auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '{')
        return std::nullopt;
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
    return obj;
}

// A --jsonl search: plain text is the query; an object sets any request option by name
// (request_options.h), with lists for repeated filters: {"query": "grain", "source": ["a", "b"]}.
SearchRequest request_from_line(const std::string& line, const std::optional<nlohmann::json>& obj,
                                const SearchRequest& defaults) {
    SearchRequest request = defaults;
    if (!obj) {
        request.query = line;
        return request;
    }
    set_request_options_from_json(request, *obj);
    return request;
}

// A --jsonl timeline: an object with "timeline" (the interval, or "auto") takes the
// timeline's options too: {"query": "oil", "timeline": "auto", "compare": ["gas"]}.
TimelineRequest timeline_from_line(const nlohmann::json& obj, const SearchRequest& defaults) {
    TimelineRequest request;
    request.search = defaults;
    for_each_json_option(obj, {}, [&](const std::string& key, const std::string& value) {
        set_timeline_option(request, key, value);
    });
    return request;
}

std::string joined(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

int naming_databases(const SearchCommand& command, const std::function<int()>& work) {
    try {
        return work();
    } catch (const Xapian::NetworkError&) {
        throw;
    } catch (const Xapian::DatabaseOpeningError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw DatabaseFailure(e, joined(command.session.databases));
    }
}

void print_debug_query(SearchSession& session, const SearchRequest& request) {
    Xapian::Query query =
        session.run([&] { return session.searcher_for(request).build_query(request); });
    std::cerr << "parsed query: " << query.get_description() << "\n";
}

int run_single_search(const SearchCommand& command) {
    return naming_databases(command, [&] {
        validate_request(command.request);
        SearchSession session(command.session);
        if (command.debug_query)
            print_debug_query(session, command.request);
        // Nothing is printed before the search is done: whatever the session ran again (a
        // revision an indexer discarded, a shard that failed) shows in no output.
        SearchResults results = session.search(command.request);
        if (command.output == OutputMode::kJson) {
            std::cout << results_to_json(results) << "\n";
        } else {
            print_results_text(std::cout, results, command.color);
        }
        return exit_status::kOk;
    });
}

int run_jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out) {
    return naming_databases(command, [&] {
        SearchSession session(command.session);
        session.open();  // databases that cannot be opened fail the run, not each line
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
                std::optional<nlohmann::json> obj = object_of_line(line);
                if (obj && obj->contains("timeline")) {
                    TimelineRequest request = timeline_from_line(*obj, command.request);
                    query = request.search.query;
                    out << timeline_to_json(compute_timeline(session, request)) << "\n";
                } else {
                    SearchRequest request = request_from_line(line, obj, command.request);
                    query = request.query;
                    if (command.debug_query)
                        print_debug_query(session, request);
                    out << results_to_json(session.search(request)) << "\n";
                }
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
    });
}

}  // namespace gazette
