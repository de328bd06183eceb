#include "searcher/export/match_export.h"

#include <string>

#include "common/article_json.h"
#include "common/slots.h"

namespace gazette {
namespace {

// Output is handed on in pieces of about this size: few calls, little held.
constexpr std::size_t kPieceBytes = 64 * 1024;

}  // namespace

MatchExport::MatchExport(SearchSession& session, const SearchRequest& request,
                         ExportOptions options)
    : session_(session), request_(request), options_(std::move(options)) {
    match();
}

void MatchExport::match() {
    session_.run([&] {
        Searcher& searcher = session_.searcher_for(request_);
        matches_ = searcher.match_all(request_);
        stemmer_ = searcher.stemmer();
    });
}

Xapian::Document MatchExport::document(const Xapian::MSetIterator& it) const {
    return matches_.documents ? matches_.documents->get_document(*it) : it.get_document();
}

unsigned long long MatchExport::write(const ExportSink& sink) {
    const std::string header =
        options_.format == ExportFormat::kCsv ? csv_header(options_.fields) : std::string();
    const bool snippets = wants_snippet(options_.fields);
    std::string piece = header;
    unsigned long long handed_on = 0;  // rows the sink has taken
    for (int attempt = 1;; ++attempt) {
        unsigned long long made = 0;  // rows made in this attempt, handed on or in `piece`
        try {
            for (auto it = matches_.mset.begin(); it != matches_.mset.end(); ++it) {
                if (options_.deadline && std::chrono::steady_clock::now() > *options_.deadline) {
                    throw TimeBudgetExceeded("the export ran out of its time budget after " +
                                             std::to_string(handed_on) + " of " +
                                             std::to_string(rows()) + " rows");
                }
                Xapian::Document doc = document(it);
                std::string data = doc.get_data();
                std::optional<Article> stored = stored_article(data);
                Article article;
                if (stored) {
                    article = std::move(*stored);
                } else {
                    article.id = doc.get_value(kSlotId);  // not our record: its id is still here
                }
                ExportRow row;
                row.article = &article;
                row.record = data;
                row.score = it.get_weight();
                row.rank = made + 1;
                row.duplicates = it.get_collapse_count();
                if (snippets) {
                    const std::string& text = article.body.empty() ? article.title : article.body;
                    row.snippet = snippet_of(matches_.mset, text, stemmer_);
                }
                piece += options_.format == ExportFormat::kCsv ? csv_row(options_.fields, row)
                                                               : jsonl_row(options_.fields, row);
                ++made;
                if (piece.size() >= kPieceBytes) {
                    if (!sink(piece, made))
                        return handed_on;
                    handed_on = made;
                    piece.clear();
                }
            }
            if (!piece.empty() && !sink(piece, made))
                return handed_on;
            return made;
        } catch (const Xapian::DatabaseModifiedError& e) {
            // Nothing handed on yet: start again on the newest revision, unseen. Otherwise the
            // reader has rows of a revision that is gone, and cannot be given the rest of it.
            if (handed_on == 0 && attempt < kSearchAttempts) {
                piece = header;
                match();
                continue;
            }
            throw ExportInterrupted(
                "the database changed during the export: after " + std::to_string(handed_on) +
                " of " + std::to_string(rows()) +
                " rows, commits of gazette-index recycled the revision being read (" + e.get_msg() +
                "); the rows written are correct but the export is incomplete: " + "run it again");
        }
    }
}

}  // namespace gazette
