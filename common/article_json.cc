#include "common/article_json.h"

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/language.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {

using nlohmann::json;

std::string get_string(const json& obj, std::string_view key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw InputError("\"" + std::string(key) + "\" is not a string");
    return it->get<std::string>();
}

std::vector<std::string> get_list(const json& obj, std::string_view key) {
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
        throw InputError("\"" + std::string(key) + "\" is not a list of strings");
    for (const auto& v : *it) {
        if (!v.is_string())
            throw InputError("\"" + std::string(key) + "\" is not a list of strings");
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

void check_utf8(const std::string& value, std::string_view field) {
    auto bad = first_invalid_utf8(value);
    if (bad != std::string::npos) {
        throw InputError("\"" + std::string(field) + "\" is not valid UTF-8 (byte " +
                         std::to_string(bad) + ")");
    }
}

// The id: a string, or a number (many archives number their articles).
std::string get_id(const json& obj) {
    auto id = obj.find(kIdFieldName);
    if (id == obj.end() || id->is_null())
        throw InputError("missing \"id\"");
    if (id->is_number_integer())
        return id->dump();
    if (!id->is_string())
        throw InputError("\"id\" is not a string");
    return id->get<std::string>();
}

// Every key of the record into `a`, the fields by the table's names. Throws InputError on
// a value of the wrong type or a date that is not ISO 8601.
void read_record(const json& obj, Article& a) {
    a.id = get_id(obj);
    if (std::string date = get_string(obj, kDateFieldName); !date.empty()) {
        auto parsed = parse_iso_datetime(date);
        if (!parsed)
            throw InputError("\"date\" is not an ISO 8601 date: \"" + date + "\"");
        a.timestamp = parsed->timestamp;
        a.date_text = parsed->normalized;
    }
    if (auto v = obj.find(kVersionFieldName); v != obj.end() && !v->is_null()) {
        if (!v->is_number_unsigned() || v->get<std::uint64_t>() == 0)
            throw InputError("\"version\" is not a positive whole number");
        a.version = v->get<std::uint64_t>();
    }
    for (const FieldSpec& f : fields()) {
        if (f.is_list()) {
            a.*f.list = get_list(obj, f.name);
        } else if (std::string value = get_string(obj, f.name); !value.empty()) {
            a.*f.text = std::move(value);  // an absent language stays the default, "en"
        }
    }
    a.language = ascii_lower(a.language);
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
    read_record(obj, a);
    validate_article(a);
    return a;
}

void validate_article(const Article& a) {
    auto blank = [](const std::string& s) {
        return s.find_first_not_of(" \t\r\n") == std::string::npos;
    };
    if (blank(a.id))
        throw InputError("empty \"id\"");
    if (blank(a.title) && blank(a.body)) {
        throw InputError("no \"" + std::string(field_of(&Article::title).name) + "\" and no \"" +
                         std::string(field_of(&Article::body).name) + "\"");
    }
    if (!is_language_code(a.language)) {
        throw InputError("\"" + std::string(field_of(&Article::language).name) +
                         "\" is not an ISO 639-1 code: \"" + a.language + "\"");
    }
    check_utf8(a.id, kIdFieldName);
    for (const FieldSpec& f : fields()) {
        if (f.is_list()) {
            for (const auto& v : a.*f.list)
                check_utf8(v, f.name);
        } else {
            check_utf8(a.*f.text, f.name);
        }
    }
}

std::optional<Article> stored_article(std::string_view data) {
    json obj = json::parse(data, nullptr, false);
    if (!obj.is_object())
        return std::nullopt;
    Article a;
    try {
        read_record(obj, a);
    } catch (const InputError&) {
        return std::nullopt;
    }
    return a;
}

std::string article_to_json(const Article& a) {
    json obj = json::object();
    obj[kIdFieldName] = a.id;
    if (!a.date_text.empty())
        obj[kDateFieldName] = a.date_text;
    if (a.version > 0)
        obj[kVersionFieldName] = a.version;
    for (const FieldSpec& f : fields()) {
        if (f.is_list() && !(a.*f.list).empty()) {
            obj[f.name] = a.*f.list;
        } else if (!f.is_list() && !(a.*f.text).empty()) {
            obj[f.name] = a.*f.text;
        }
    }
    return obj.dump();
}

}  // namespace gazette
