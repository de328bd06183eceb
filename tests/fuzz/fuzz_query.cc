// libFuzzer target: the query path. The input is a search as the HTTP API and --jsonl take it:
// the first line is the query text, each further line an option "key=value" (limit, sort,
// from, facets, source, ...) set through set_request_option, the one option parser of every
// front end; the search runs on a small database built once. A bad query or option may be
// refused with UsageError; anything else escaping (a Xapian error, a crash) is a bug.
#include <xapian.h>

#include <string>
#include <string_view>

#include "common/errors.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search.h"
#include "searcher/request/request_options.h"

namespace {

// Enough articles for every query feature to have something to find: phrases, fields,
// filters, dates for ranges and recency, near-duplicates for collapsing, non-Latin names.
Xapian::WritableDatabase make_database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    gazette::DocumentBuilder builder;
    const char* titles[] = {
        "Trump and Putin talk about Ukraine", "Cocoa prices rise in Bahia",
        "Зеленский встретился с Витковым",    "Peace talks in Riyadh: Witkoff and Lavrov",
        "Bank of Japan holds rates",          "東京の株価が上昇"};
    for (int i = 0; i < 6; ++i) {
        gazette::Article a;
        a.id = "fuzz:" + std::to_string(i);
        a.title = titles[i];
        a.body = std::string(titles[i]) +
                 ". The negotiations went on for days, said officials "
                 "in Washington, Moscow and Kyiv; grain exports and oil prices followed.";
        a.timestamp = 1.7e9 + i * 86400.0 * 40;
        a.date_text = "2023-11-" + std::to_string(10 + i);
        a.source = i % 2 ? "Reuters" : "BBC";
        a.section = i % 3 ? "world" : "business";
        a.tags = {"tag" + std::to_string(i % 2)};
        a.people = {"Vladimir Putin"};
        a.places = {"Ukraine"};
        a.authors = {"A. Writer"};
        db.add_document(builder.build(a));
    }
    db.commit();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Xapian::WritableDatabase db = make_database();
    std::string_view input(reinterpret_cast<const char*>(data), size);
    gazette::SearchRequest request;
    gazette::SearchOptions options;
    options.time_limit_seconds = 2;
    std::size_t eol = input.find('\n');
    request.query = std::string(input.substr(0, eol));
    try {
        while (eol != std::string_view::npos) {
            std::size_t start = eol + 1;
            eol = input.find('\n', start);
            std::string_view line = input.substr(start, eol == input.npos ? eol : eol - start);
            std::size_t eq = line.find('=');
            if (eq == line.npos)
                continue;
            gazette::set_request_option(request, line.substr(0, eq), line.substr(eq + 1));
        }
        gazette::validate_request(request);
        gazette::Searcher searcher(db, options);
        searcher.search(request);
    } catch (const gazette::UsageError&) {
    } catch (const gazette::TimeBudgetExceeded&) {
    }
    return 0;
}
