#include "searcher/export/export_fields.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/errors.h"
#include "common/text/csv.h"

namespace gazette {
namespace {

constexpr std::array<std::pair<ExportField, std::string_view>, 18> kNames = {{
    {ExportField::kId, "id"},
    {ExportField::kDate, "date"},
    {ExportField::kSource, "source"},
    {ExportField::kSection, "section"},
    {ExportField::kTitle, "title"},
    {ExportField::kUrl, "url"},
    {ExportField::kAuthors, "authors"},
    {ExportField::kLanguage, "language"},
    {ExportField::kTags, "tags"},
    {ExportField::kPeople, "people"},
    {ExportField::kPlaces, "places"},
    {ExportField::kOrganizations, "organizations"},
    {ExportField::kBody, "body"},
    {ExportField::kScore, "score"},
    {ExportField::kRank, "rank"},
    {ExportField::kSnippet, "snippet"},
    {ExportField::kDuplicates, "duplicates"},
    {ExportField::kRecord, "record"},
}};

std::string known_names() {
    std::string out;
    for (const auto& [field, name] : kNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

const std::vector<std::string>* list_of(ExportField field, const Article& a) {
    switch (field) {
        case ExportField::kAuthors:
            return &a.authors;
        case ExportField::kTags:
            return &a.tags;
        case ExportField::kPeople:
            return &a.people;
        case ExportField::kPlaces:
            return &a.places;
        case ExportField::kOrganizations:
            return &a.organizations;
        default:
            return nullptr;
    }
}

const std::string* text_of(ExportField field, const Article& a) {
    switch (field) {
        case ExportField::kId:
            return &a.id;
        case ExportField::kDate:
            return &a.date_text;
        case ExportField::kSource:
            return &a.source;
        case ExportField::kSection:
            return &a.section;
        case ExportField::kTitle:
            return &a.title;
        case ExportField::kUrl:
            return &a.url;
        case ExportField::kLanguage:
            return &a.language;
        case ExportField::kBody:
            return &a.body;
        default:
            return nullptr;
    }
}

// Scores as the JSON answers print them: enough digits to order rows, no more.
std::string score_text(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", score);
    return buffer;
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
    if (name == "csv")
        return ExportFormat::kCsv;
    if (name == "jsonl")
        return ExportFormat::kJsonl;
    throw UsageError("export format \"" + std::string(name) + "\": use csv or jsonl");
}

std::vector<ExportField> default_export_fields() {
    return {ExportField::kId,    ExportField::kDate, ExportField::kSource, ExportField::kSection,
            ExportField::kTitle, ExportField::kUrl,  ExportField::kAuthors};
}

std::vector<ExportField> parse_export_fields(std::string_view list) {
    std::vector<ExportField> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        std::string_view name = list.substr(start, comma - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        auto it = std::find_if(kNames.begin(), kNames.end(),
                               [&](const auto& entry) { return entry.second == name; });
        if (it == kNames.end()) {
            throw UsageError("--fields: unknown field \"" + std::string(name) +
                             "\"; the fields are " + known_names());
        }
        if (std::find(out.begin(), out.end(), it->first) != out.end())
            throw UsageError("--fields: \"" + std::string(name) + "\" is listed twice");
        out.push_back(it->first);
        start = comma + 1;
    }
    return out;
}

std::string_view export_field_name(ExportField field) {
    for (const auto& [f, name] : kNames) {
        if (f == field)
            return name;
    }
    return "";
}

bool wants_snippet(const std::vector<ExportField>& fields) {
    return std::find(fields.begin(), fields.end(), ExportField::kSnippet) != fields.end();
}

std::string csv_header(const std::vector<ExportField>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + std::string(export_field_name(fields[i]));
    return out + "\r\n";
}

std::string csv_row(const std::vector<ExportField>& fields, const ExportRow& row) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        ExportField field = fields[i];
        if (const std::string* text = text_of(field, *row.article)) {
            out += csv_field(*text);
        } else if (const std::vector<std::string>* list = list_of(field, *row.article)) {
            std::string joined;
            for (const auto& v : *list)
                joined += (joined.empty() ? "" : "; ") + v;
            out += csv_field(joined);
        } else if (field == ExportField::kScore) {
            out += score_text(row.score);
        } else if (field == ExportField::kRank) {
            out += std::to_string(row.rank);
        } else if (field == ExportField::kDuplicates) {
            out += std::to_string(row.duplicates);
        } else if (field == ExportField::kSnippet) {
            out += csv_field(row.snippet);
        } else if (field == ExportField::kRecord) {
            out += csv_field(row.record);
        }
    }
    return out + "\r\n";
}

std::string jsonl_row(const std::vector<ExportField>& fields, const ExportRow& row) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (ExportField field : fields) {
        std::string key(export_field_name(field));
        if (const std::string* text = text_of(field, *row.article)) {
            obj[key] = *text;
        } else if (const std::vector<std::string>* list = list_of(field, *row.article)) {
            obj[key] = *list;
        } else if (field == ExportField::kScore) {
            obj[key] = row.score;
        } else if (field == ExportField::kRank) {
            obj[key] = row.rank;
        } else if (field == ExportField::kDuplicates) {
            obj[key] = row.duplicates;
        } else if (field == ExportField::kSnippet) {
            obj[key] = row.snippet;
        } else if (field == ExportField::kRecord) {
            auto record = nlohmann::ordered_json::parse(row.record, nullptr, false);
            // Data some other program stored is passed on as the text it is.
            obj[key] = record.is_discarded() ? nlohmann::ordered_json(std::string(row.record))
                                             : std::move(record);
        }
    }
    // Stored text is valid UTF-8 (validated when indexed); replace rather than throw anyway.
    return obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace gazette
