// The baseline the relevance benchmark compares Gazette with: plain Xapian as its own
// examples use it (simpleindex / simplesearch). One TermGenerator with the English stemmer
// over title + body (no prefixes, no headline weight), QueryParser defaults (STEM_SOME, OR,
// no stop words, no flags beyond the defaults), BM25 with default parameters.
//
//   relevance-baseline DOCS.jsonl QUERIES.jsonl LIMIT > RUN.json
//
// DOCS: {"id", "title", "body"} per line; QUERIES: {"qid", "query"} per line. Prints
// {"qid": ["docid", ...], ...}, best first. In memory: these collections are small.
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

Xapian::WritableDatabase index_docs(const char* path) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        auto rec = nlohmann::json::parse(line);
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(rec.value("title", "") + "\n" + rec.value("body", ""));
        std::string id = rec.at("id").get<std::string>();
        doc.set_data(id);
        doc.add_boolean_term("Q" + id);
        db.replace_document("Q" + id, doc);
    }
    return db;
}

}  // namespace

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: relevance-baseline DOCS.jsonl QUERIES.jsonl LIMIT\n";
        return 2;
    }
    Xapian::WritableDatabase db = index_docs(argv[1]);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::Enquire enquire(db);  // BM25Weight() with its defaults is Enquire's default
    auto limit = static_cast<Xapian::doccount>(std::stoul(argv[3]));
    nlohmann::json run = nlohmann::json::object();
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
        auto rec = nlohmann::json::parse(line);
        enquire.set_query(parser.parse_query(rec.at("query").get<std::string>()));
        nlohmann::json ids = nlohmann::json::array();
        Xapian::MSet mset = enquire.get_mset(0, limit);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.push_back(it.get_document().get_data());
        run[rec.at("qid").get<std::string>()] = ids;
    }
    std::cout << run.dump() << "\n";
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "relevance-baseline: " << e.get_description() << "\n";
    return 1;
}
