// What an export writes for each match: the columns (--fields), and a row's values in CSV
// (RFC 4180) or as a JSON Lines object. One definition of the column names for the command
// line, the HTTP API and the page's download link.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace gazette {

enum class ExportFormat { kCsv, kJsonl };

// "csv" or "jsonl"; anything else is a UsageError naming both.
ExportFormat parse_export_format(std::string_view name);

enum class ExportField {
    kId,
    kDate,
    kSource,
    kSection,
    kTitle,
    kUrl,
    kAuthors,
    kLanguage,
    kTags,
    kPeople,
    kPlaces,
    kOrganizations,
    kBody,
    kScore,       // the match's BM25 weight (also in date order, where it does not order)
    kRank,        // 1-based position in the export
    kSnippet,     // as the search shows it: HTML-escaped, the query's words in <mark>
    kDuplicates,  // near-duplicates folded into this row (with collapsing)
    kRecord,      // the whole stored record (docs/article-format.md)
};

// What an export writes without --fields.
std::vector<ExportField> default_export_fields();

// "id,date,title,score" → the fields in that order; unknown or repeated names are a
// UsageError that lists the known ones.
std::vector<ExportField> parse_export_fields(std::string_view list);

std::string_view export_field_name(ExportField field);

// Whether `fields` has the snippet (the costliest column: the text is read and scored).
bool wants_snippet(const std::vector<ExportField>& fields);

// One row's values: the article as stored, and what the match says of it.
struct ExportRow {
    const Article* article = nullptr;
    std::string_view record;  // the stored JSON text
    double score = 0;
    unsigned long long rank = 0;
    unsigned duplicates = 0;
    std::string snippet;
};

// The CSV header line and rows, each ending in CRLF (RFC 4180). Lists are joined by "; ".
std::string csv_header(const std::vector<ExportField>& fields);
std::string csv_row(const std::vector<ExportField>& fields, const ExportRow& row);
// One JSON object, keys as the field names (lists as arrays, record as an object), "\n".
std::string jsonl_row(const std::vector<ExportField>& fields, const ExportRow& row);

}  // namespace gazette
