#include "searcher/export/match_export.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "common/article_json.h"
#include "common/slots.h"
#include "searcher/engine/duplicates.h"
#include "searcher/engine/snippets.h"

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
        stem_language_ = searcher.stem_language();
        copies_.clear();
        rows_ = matches_.mset.size();
        if (collapses(request_))
            fold_duplicates();
    });
}

void MatchExport::fold_duplicates() {
    copies_.assign(matches_.mset.size(), 0);
    // (key, position) pairs sorted: the first position of each key keeps the row. 12 bytes a
    // match; a hash map of first positions took 48. Keys are 16 hex digits
    // (indexer/duplicate_key.h), kept as numbers; any other key by its text.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    std::vector<std::pair<std::string, std::uint32_t>> keyed_text;
    std::uint32_t at = 0;
    for (auto it = matches_.mset.begin(); it != matches_.mset.end(); ++it, ++at) {
        std::string key = document(it).get_value(kSlotDuplicateKey);
        if (key.empty())
            continue;  // no key: never folded
        std::uint64_t number = 0;
        auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number, 16);
        if (error == std::errc() && end == key.data() + key.size()) {
            keyed.emplace_back(number, at);
        } else {
            keyed_text.emplace_back(std::move(key), at);
        }
    }
    auto fold = [&](auto& pairs) {
        std::sort(pairs.begin(), pairs.end());
        std::size_t first = 0;  // where the run of the current key starts
        for (std::size_t i = 1; i < pairs.size(); ++i) {
            if (pairs[i].first != pairs[first].first) {
                first = i;
                continue;
            }
            copies_[pairs[i].second] = -1;
            ++copies_[pairs[first].second];
            --rows_;
        }
    };
    fold(keyed);
    fold(keyed_text);
}

Xapian::Document MatchExport::document(const Xapian::MSetIterator& it) const {
    return matches_.documents ? matches_.documents->get_document(*it) : it.get_document();
}

unsigned long long MatchExport::write(const ExportSink& sink) {
    const std::string header =
        options_.format == ExportFormat::kCsv ? csv_header(options_.fields) : std::string();
    std::string piece = header;
    unsigned long long handed_on = 0;  // rows the sink has taken
    for (int attempt = 1;; ++attempt) {
        unsigned long long made = 0;  // rows made in this attempt, handed on or in `piece`
        try {
            std::optional<Snippets> snippets;
            if (wants_snippet(options_.fields))
                snippets.emplace(matches_.mset, matches_.query, stemmer_, stem_language_);
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
                    row.snippet = snippets->of(text);
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
