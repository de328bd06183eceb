// xapian-enquire-loop: the plain-Xapian peer of `gazette-search --jsonl` in
// tests/bench/index_search_bench.sh. Not part of Gazette.
//
// Usage: xapian-enquire-loop DB [LIMIT] < queries.txt
//
// Reads one query per line on stdin. For each it times, with steady_clock, exactly what
// gazette-search's took_ms covers minus the snippets: parse the query (QueryParser with the
// database, English stemmer, STEM_SOME, default flags), run it (Enquire, BM25 with default
// parameters, get_mset(0, LIMIT)) and fetch every hit's document data. It prints one line
// per query: microseconds <TAB> estimated matches <TAB> hits returned <TAB> first docid (0
// if none). A query the parser rejects prints "error" in place of the estimate and counts
// the time spent until the error.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) try {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: xapian-enquire-loop DB [LIMIT] < queries\n";
        return 2;
    }
    const Xapian::doccount limit =
        argc == 3 ? static_cast<Xapian::doccount>(std::atoi(argv[2])) : 10;
    Xapian::Database db(argv[1]);
    Xapian::Stem stemmer("english");
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);

    std::ios::sync_with_stdio(false);
    std::string line;
    std::size_t data_bytes = 0;  // keeps the fetch from being optimised away
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        auto start = std::chrono::steady_clock::now();
        Xapian::doccount estimated = 0, hits = 0;
        Xapian::docid first = 0;
        bool failed = false;
        try {
            Xapian::Query query = parser.parse_query(line);  // default flags
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            Xapian::MSet mset = enquire.get_mset(0, limit);
            estimated = mset.get_matches_estimated();
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                if (hits++ == 0)
                    first = *it;
                data_bytes += it.get_document().get_data().size();
            }
        } catch (const Xapian::QueryParserError&) {
            failed = true;
        }
        auto micros =
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                .count();
        char buf[128];
        if (failed) {
            std::snprintf(buf, sizeof buf, "%.1f\terror\t0\t0\n", micros);
        } else {
            std::snprintf(buf, sizeof buf, "%.1f\t%u\t%u\t%u\n", micros, estimated, hits, first);
        }
        std::cout << buf;
    }
    std::cerr << "xapian-enquire-loop: fetched " << data_bytes << " bytes of document data\n";
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "xapian-enquire-loop: " << e.get_type() << ": " << e.get_msg() << "\n";
    return 1;
}
