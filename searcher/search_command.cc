#include "searcher/search_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/request_options.h"
#include "searcher/result_format.h"

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
    auto obj = nlohmann::json::parse(line, nullptr, false);
    if (!obj.is_object()) throw UsageError("line is not a JSON object");
    if (!obj.contains("query") && !obj.contains("q")) throw UsageError("\"query\" is missing");
    auto set = [&](const std::string& key, const nlohmann::json& v) {
        if (v.is_string()) {
            set_request_option(request, key, v.get<std::string>());
        } else if (v.is_boolean() || v.is_number()) {
            set_request_option(request, key, v.dump());
        } else {
            throw UsageError("\"" + key + "\" must be a string, number or true/false");
        }
    };
    for (const auto& [key, value] : obj.items()) {
        if (value.is_array() && key != "facets") {
            for (const auto& v : value) set(key, v);
        } else if (value.is_array()) {  // "facets": ["source", "year"]
            std::string joined;
            for (const auto& v : value) {
                if (!v.is_string()) throw UsageError("\"facets\" must list names");
                joined += v.get<std::string>() + ",";
            }
            set_request_option(request, key, joined);
        } else {
            set(key, value);
        }
    }
    return request;
}

void print_debug_query(Searcher& searcher, const SearchRequest& request) {
    std::cerr << "parsed query: " << searcher.build_query(request).get_description() << "\n";
}

}  // namespace

int run_single_search(const SearchCommand& command) {
    validate_request(command.request);
    Searcher searcher(open_databases(command.db_paths), command.query_options);
    if (command.debug_query) print_debug_query(searcher, command.request);
    SearchResults results = searcher.search(command.request);
    if (command.output == OutputMode::kJson) {
        std::cout << results_to_json(results) << "\n";
    } else {
        print_results_text(std::cout, results, command.color);
    }
    return exit_status::kOk;
}

int run_jsonl_searches(const SearchCommand& command, std::istream& in, std::ostream& out) {
    Searcher searcher(open_databases(command.db_paths), command.query_options);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string query = line;
        try {
            SearchRequest request = request_from_line(line, command.request);
            query = request.query;
            if (command.debug_query) print_debug_query(searcher, request);
            out << results_to_json(searcher.search(request)) << "\n";
        } catch (const UsageError& e) {
            out << error_to_json(query, e.what()) << "\n";
        } catch (const Xapian::DatabaseModifiedError&) {
            throw;  // the caller reopens; answering from a stale view would be wrong
        } catch (const Xapian::Error& e) {
            out << error_to_json(query, e.get_type() + std::string(": ") + e.get_msg()) << "\n";
        }
        out.flush();  // answers go out as questions come in: a driver may be waiting
    }
    return exit_status::kOk;
}

}  // namespace gazette
