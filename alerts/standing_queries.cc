#include "alerts/standing_queries.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "common/errors.h"
#include "searcher/engine/search.h"
#include "searcher/query/query_language.h"
#include "searcher/request/request_json.h"
#include "searcher/request/request_options.h"

namespace gazette {
namespace {

// Parses the query as it will be parsed against each batch, so that syntax errors show at
// start-up instead of once per batch.
void check_parses(const SearchRequest& request) {
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    SearchOptions options;
    options.query.stem_language = stem_language_for(request, options.query.stem_language);
    check_stem_language(options.query.stem_language);
    options.query.spelling = false;
    Searcher(empty, options).build_query(request);
}

StandingQuery parse_line(const std::string& line, std::set<std::string>& names) {
    auto object = nlohmann::json::parse(line, nullptr, false);
    if (!object.is_object())
        throw UsageError("not a JSON object");
    if (!object.contains("name") || !object["name"].is_string() ||
        object["name"].get<std::string>().empty())
        throw UsageError("\"name\" is missing (each standing query needs a name)");
    StandingQuery q;
    q.name = object["name"].get<std::string>();
    if (!names.insert(q.name).second)
        throw UsageError("the name \"" + q.name + "\" is used twice");
    if (!object.contains("query") && !object.contains("q"))
        throw UsageError("\"query\" is missing");
    set_request_options_from_json(q.request, object, {"name"});
    if (q.request.query.find_first_not_of(" \t") == std::string::npos && q.request.filters.empty())
        throw UsageError("the query is empty (give words or filters)");
    validate_request(q.request);
    check_parses(q.request);
    return q;
}

}  // namespace

StandingQueryFile read_standing_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw UsageError("cannot read the standing queries in " + path);
    StandingQueryFile file;
    std::set<std::string> names;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        try {
            StandingQuery q = parse_line(line, names);
            q.line = number;
            file.queries.push_back(std::move(q));
        } catch (const UsageError& e) {
            file.problems.push_back(path + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    return file;
}

}  // namespace gazette
