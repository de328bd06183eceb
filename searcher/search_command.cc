#include "searcher/search_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/result_format.h"

namespace gazette {
namespace {

// A --jsonl line: plain text is the query; an object may carry its own paging.
SearchRequest request_from_line(const std::string& line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '{') {
        request.query = line;
        return request;
    }
    auto obj = nlohmann::json::parse(line, nullptr, false);
    if (!obj.is_object())
        throw UsageError("line is not a JSON object");
    auto text = obj.contains("query") ? obj["query"] : obj.value("q", nlohmann::json());
    if (!text.is_string())
        throw UsageError("\"query\" is missing or not a string");
    request.query = text.get<std::string>();
    auto count = [&](const char* key, Xapian::doccount fallback) {
        if (!obj.contains(key))
            return fallback;
        const auto& v = obj[key];
        if (!v.is_number_unsigned())
            throw UsageError(std::string("\"") + key + "\" is not a non-negative integer");
        auto n = v.get<std::uint64_t>();
        if (n > 0xFFFFFFFFull)
            throw UsageError(std::string("\"") + key + "\" is too large");
        return static_cast<Xapian::doccount>(n);
    };
    request.limit = count("limit", request.limit);
    request.offset = count("offset", request.offset);
    if (obj.contains("snippets")) {
        if (!obj["snippets"].is_boolean()) throw UsageError("\"snippets\" is not true or false");
        request.snippets = obj["snippets"].get<bool>();
    }
    return request;
}

}  // namespace

int run_single_search(const SearchCommand& command) {
    Searcher searcher(open_databases(command.db_paths), command.query_options);
    if (command.debug_query)
        std::cerr << "parsed query: " << searcher.describe(command.request.query) << "\n";
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
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::string query = line;
        try {
            SearchRequest request = request_from_line(line, command.request);
            query = request.query;
            if (command.debug_query)
                std::cerr << "parsed query: " << searcher.describe(query) << "\n";
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
