#include "common/article_json.h"

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/errors.h"
#include "common/language.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {

using nlohmann::json;

std::string get_string(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw InputError(std::string("\"") + key + "\" is not a string");
    return it->get<std::string>();
}

std::vector<std::string> get_list(const json& obj, const char* key) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return out;
    if (it->is_string()) {  // a single value where a list was expected: accept it
        if (!it->get_ref<const std::string&>().empty())
            out.push_back(it->get<std::string>());
        return out;
    }
    if (!it->is_array())
        throw InputError(std::string("\"") + key + "\" is not a list of strings");
    for (const auto& v : *it) {
        if (!v.is_string())
            throw InputError(std::string("\"") + key + "\" is not a list of strings");
        if (!v.get_ref<const std::string&>().empty())
            out.push_back(v.get<std::string>());
    }
    return out;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, "
// or "[json.exception.out_of_range.406] "; keep only the part a user can act on.
std::string short_json_error(const std::string& what) {
    auto pos = what.find("column");
    if (pos != std::string::npos)
        return what.substr(pos);
    auto tag_end = what.find("] ");
    return tag_end == std::string::npos ? what : what.substr(tag_end + 2);
}

void check_utf8(const std::string& value, const char* field) {
    auto bad = first_invalid_utf8(value);
    if (bad != std::string::npos) {
        throw InputError(std::string("\"") + field + "\" is not valid UTF-8 (byte " +
                         std::to_string(bad) + ")");
    }
}

void add_list(json& obj, const char* key, const std::vector<std::string>& values) {
    if (!values.empty())
        obj[key] = values;
}

void add_string(json& obj, const char* key, const std::string& value) {
    if (!value.empty())
        obj[key] = value;
}

}  // namespace

Article article_from_json(std::string_view json_text) {
    auto bad = first_invalid_utf8(json_text);
    if (bad != std::string_view::npos) {
        throw InputError("not valid UTF-8 (byte " + std::to_string(bad) + " of the line)");
    }
    json obj;
    try {
        obj = json::parse(json_text);
    } catch (const json::exception& e) {
        // Not only parse_error: a number too large for a double ("1e999") is an
        // out_of_range error (found by fuzz_jsonl).
        throw InputError("not valid JSON: " + short_json_error(e.what()));
    }
    if (!obj.is_object())
        throw InputError("not a JSON object");

    Article a;
    auto id = obj.find("id");
    if (id == obj.end() || id->is_null())
        throw InputError("missing \"id\"");
    if (id->is_number_integer()) {  // many archives number their articles
        a.id = id->dump();
    } else if (id->is_string()) {
        a.id = id->get<std::string>();
    } else {
        throw InputError("\"id\" is not a string");
    }
    a.title = get_string(obj, "title");
    a.body = get_string(obj, "body");
    std::string date = get_string(obj, "date");
    if (!date.empty()) {
        auto parsed = parse_iso_datetime(date);
        if (!parsed)
            throw InputError("\"date\" is not an ISO 8601 date: \"" + date + "\"");
        a.timestamp = parsed->timestamp;
        a.date_text = parsed->normalized;
    }
    a.source = get_string(obj, "source");
    a.url = get_string(obj, "url");
    a.authors = get_list(obj, "authors");
    a.section = get_string(obj, "section");
    std::string language = get_string(obj, "language");
    if (!language.empty())
        a.language = ascii_lower(language);
    a.tags = get_list(obj, "tags");
    a.people = get_list(obj, "people");
    a.places = get_list(obj, "places");
    a.organizations = get_list(obj, "organizations");
    validate_article(a);
    return a;
}

void validate_article(const Article& a) {
    auto blank = [](const std::string& s) {
        return s.find_first_not_of(" \t\r\n") == std::string::npos;
    };
    if (blank(a.id))
        throw InputError("empty \"id\"");
    if (blank(a.title) && blank(a.body))
        throw InputError("no \"title\" and no \"body\"");
    if (!is_language_code(a.language)) {
        throw InputError("\"language\" is not an ISO 639-1 code: \"" + a.language + "\"");
    }
    check_utf8(a.id, "id");
    check_utf8(a.title, "title");
    check_utf8(a.body, "body");
    check_utf8(a.source, "source");
    check_utf8(a.section, "section");
    check_utf8(a.url, "url");
    for (const auto* list : {&a.authors, &a.tags, &a.people, &a.places, &a.organizations}) {
        for (const auto& v : *list)
            check_utf8(v, "list value");
    }
}

std::string article_to_json(const Article& a) {
    json obj = json::object();
    obj["id"] = a.id;
    add_string(obj, "title", a.title);
    add_string(obj, "body", a.body);
    add_string(obj, "date", a.date_text);
    add_string(obj, "source", a.source);
    add_string(obj, "url", a.url);
    add_list(obj, "authors", a.authors);
    add_string(obj, "section", a.section);
    obj["language"] = a.language;
    add_list(obj, "tags", a.tags);
    add_list(obj, "people", a.people);
    add_list(obj, "places", a.places);
    add_list(obj, "organizations", a.organizations);
    return obj.dump();
}

}  // namespace gazette
