// xapian-page-peer: plain Xapian doing the search page's work, the peer of
// `gazette-search --jsonl` in tests/bench/page_bench.py. Not part of Gazette.
//
// Usage: xapian-page-peer DB < requests.tsv
//
// Each line is MODE <TAB> QUERY [<TAB> FROM <TAB> TO] (FROM and TO: seconds since the epoch,
// a filter on Gazette's date slot, as `--from`/`--to` are) with MODE one of:
//   ranked    parse (QueryParser with the database, English stemmer, STEM_SOME, default
//             flags), Enquire with BM25, get_mset(0, 10), read each hit's document data
//   facets    the same, with three ValueCountMatchSpy (source, section and year slots) in the
//             same BM25 pass and check_at_least = the document count, as Xapian's own
//             documentation counts facets; the spies' counts are read out
//   timeline  BoolWeight, a ValueCountMatchSpy on the day slot, get_mset(0, 0, doccount)
//   eset      key terms as Xapian offers them: the ranked match as above for the top 100
//             (documents read for the first 10), the 100 as an RSet and Enquire::get_eset(10)
//             over the stems of text words (Z + lower case): gazette --key-terms' peer
// It prints one line per request: microseconds <TAB> matches (the spies' total for facets
// and timeline, the estimate for ranked) <TAB> distinct values counted. The slots are
// Gazette's (common/slots.h), so both sides count the same values of the same index.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

// common/slots.h's numbers, repeated here because the peer must not link Gazette.
constexpr Xapian::valueno kSlotDate = 0, kSlotSource = 2, kSlotSection = 3, kSlotYear = 4,
                          kSlotDay = 7;

}  // namespace

// The stems of title and body words: what gazette's key terms are chosen from.
class TextStems : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        return term.size() > 2 && term[0] == 'Z' &&
               ((term[1] >= 'a' && term[1] <= 'z') || static_cast<unsigned char>(term[1]) >= 0x80);
    }
};

int main(int argc, char** argv) try {
    if (argc != 2) {
        std::cerr << "usage: xapian-page-peer DB < requests.tsv\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    Xapian::Stem stemmer("english");
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // The source filter as Gazette indexes it (common/schema.h: XSRC, folded values).
    parser.add_boolean_prefix("source", "XSRC");

    std::ios::sync_with_stdio(false);
    std::string line;
    std::size_t data_bytes = 0;  // keeps the document reads from being optimised away
    while (std::getline(std::cin, line)) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) {
            std::cerr << "xapian-page-peer: a line without MODE<TAB>QUERY\n";
            return 2;
        }
        std::string mode = line.substr(0, tab), text = line.substr(tab + 1);
        std::string from, to;
        if (auto more = text.find('\t'); more != std::string::npos) {
            std::string bounds = text.substr(more + 1);
            text.resize(more);
            auto third = bounds.find('\t');
            from = Xapian::sortable_serialise(std::stod(bounds.substr(0, third)));
            to = Xapian::sortable_serialise(std::stod(bounds.substr(third + 1)));
        }
        auto start = std::chrono::steady_clock::now();
        Xapian::doccount matches = 0;
        std::size_t values = 0;
        try {
            Xapian::Query query = parser.parse_query(text);
            if (!from.empty()) {
                query = Xapian::Query(
                    Xapian::Query::OP_FILTER, query,
                    Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, from, to));
            }
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            if (mode == "timeline") {
                Xapian::ValueCountMatchSpy days(kSlotDay);
                enquire.set_weighting_scheme(Xapian::BoolWeight());
                enquire.add_matchspy(&days);
                enquire.get_mset(0, 0, db.get_doccount());
                matches = days.get_total();
                for (auto it = days.values_begin(); it != days.values_end(); ++it)
                    ++values;
            } else {
                enquire.set_weighting_scheme(Xapian::BM25Weight());
                std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
                Xapian::doccount check_at_least = 0;
                if (mode == "facets") {
                    for (Xapian::valueno slot : {kSlotSource, kSlotSection, kSlotYear}) {
                        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
                        enquire.add_matchspy(spies.back().get());
                    }
                    check_at_least = db.get_doccount();
                } else if (mode != "ranked" && mode != "eset") {
                    std::cerr << "xapian-page-peer: unknown mode " << mode << "\n";
                    return 2;
                }
                // eset: the top 100 in the same match, as gazette samples the page's own.
                Xapian::MSet mset = enquire.get_mset(0, mode == "eset" ? 100 : 10, check_at_least);
                matches = mset.get_matches_estimated();
                for (auto it = mset.begin(); it != mset.end() && it.get_rank() < 10; ++it)
                    data_bytes += it.get_document().get_data().size();
                for (const auto& spy : spies) {
                    matches = spy->get_total();
                    for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
                        ++values;
                }
                if (mode == "eset" && !query.empty()) {
                    Xapian::RSet sample;
                    for (auto it = mset.begin(); it != mset.end(); ++it)
                        sample.add_document(*it);
                    TextStems stems;
                    Xapian::ESet eset = enquire.get_eset(10, sample, &stems);
                    values = eset.size();
                }
            }
        } catch (const Xapian::QueryParserError&) {
            matches = 0;
        }
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
        std::printf("%lld\t%u\t%zu\n", static_cast<long long>(micros), matches, values);
    }
    std::fprintf(stderr, "xapian-page-peer: read %zu bytes of document data\n", data_bytes);
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "xapian-page-peer: " << e.get_description() << "\n";
    return 1;
}
