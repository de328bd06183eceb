// An export: every match of a request written as rows (export_fields.h), for
// `gazette-search --export` and GET /api/export (docs/export.md).
//
// One revision throughout. The match runs once, under the session's policy (a revision lost
// while matching: match again); the rows are then read from the same database handles, so
// they are the matches of that one revision and each appears once. If gazette-index's commits
// recycle that revision before every row is read (Xapian::DatabaseModifiedError), the export
// starts over when no row was written yet, and otherwise stops with ExportInterrupted: the
// rows already written are correct, the export is incomplete, and says so — never a row
// missing or written twice without a word.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "searcher/engine/search.h"
#include "searcher/engine/search_session.h"
#include "searcher/engine/time_budget.h"
#include "searcher/export/export_fields.h"

namespace gazette {

struct ExportOptions {
    ExportFormat format = ExportFormat::kCsv;
    std::vector<ExportField> fields = default_export_fields();
    // When set, writing stops with TimeBudgetExceeded once it is passed (the server's budget).
    Deadline deadline;
};

// Takes the next piece of output and the count of rows written with it (for progress);
// false: stop writing (the reader went away).
using ExportSink = std::function<bool(std::string_view piece, unsigned long long rows)>;

// The database changed under an export after some rows were written.
class ExportInterrupted : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class MatchExport {
  public:
    // Runs the match (UsageError for a bad request, as a search).
    MatchExport(SearchSession& session, const SearchRequest& request, ExportOptions options);

    // How many rows the export writes: one per match, near-duplicates folded unless the
    // request does not collapse.
    Xapian::doccount rows() const { return rows_; }

    // Writes the CSV header (none for JSON Lines) and every row, in pieces of about 64 KB.
    // Returns the rows written: all of them, or fewer when `sink` said stop.
    unsigned long long write(const ExportSink& sink);

  private:
    void match();
    void fold_duplicates();
    Xapian::Document document(const Xapian::MSetIterator& it) const;

    SearchSession& session_;
    SearchRequest request_;
    ExportOptions options_;
    AllMatches matches_;  // every match, near-duplicates not folded (fold_duplicates does)
    Xapian::Stem stemmer_;
    std::string stem_language_;  // stemmer_'s (snippets.h)
    // With collapsing, by MSet position: -1 for a copy folded into an earlier row, else how
    // many copies the row stands for. Empty without collapsing.
    std::vector<std::int32_t> copies_;
    Xapian::doccount rows_ = 0;
};

}  // namespace gazette
