#include "searcher/export/match_export.h"

#include <charconv>
#include <string>
#include <unordered_map>

#include "common/article_json.h"
#include "common/slots.h"
#include "searcher/engine/duplicates.h"

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
    // Xapian's collapsing keeps every distinct key with a copy of its best item: about 470
    // bytes a match against 125 without (measured: 104 MB against 40 MB for 200,000 rows).
    // The match is run uncollapsed and the copies folded here instead, keeping the first of
    // each key in the export's order, as Xapian keeps the best-ranked.
    SearchRequest uncollapsed = request_;
    uncollapsed.collapse = false;
    session_.run([&] {
        Searcher& searcher = session_.searcher_for(request_);
        matches_ = searcher.match_all(uncollapsed);
        stemmer_ = searcher.stemmer();
        copies_.clear();
        rows_ = matches_.mset.size();
        if (collapses(request_))
            fold_duplicates();
    });
}

void MatchExport::fold_duplicates() {
    copies_.assign(matches_.mset.size(), 0);
    // Keys are 16 hex digits (indexer/duplicate_key.h): kept as numbers, others as text.
    std::unordered_map<std::uint64_t, std::size_t> first_of;
    std::unordered_map<std::string, std::size_t> first_of_text;
    std::size_t at = 0;
    for (auto it = matches_.mset.begin(); it != matches_.mset.end(); ++it, ++at) {
        std::string key = document(it).get_value(kSlotDuplicateKey);
        if (key.empty())
            continue;  // no key: never folded
        std::uint64_t number = 0;
        auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number, 16);
        std::size_t first = at;
        if (error == std::errc() && end == key.data() + key.size()) {
            first = first_of.try_emplace(number, at).first->second;
        } else {
            first = first_of_text.try_emplace(key, at).first->second;
        }
        if (first != at) {
            copies_[at] = -1;
            ++copies_[first];
            --rows_;
        }
    }
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
            std::size_t at = 0;
            for (auto it = matches_.mset.begin(); it != matches_.mset.end(); ++it, ++at) {
                if (!copies_.empty() && copies_[at] < 0)
                    continue;  // folded into an earlier row
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
                row.duplicates = copies_.empty() ? 0 : static_cast<unsigned>(copies_[at]);
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
