// libFuzzer target: the snippet passage. The input's first line is a query, the rest a text.
// The text is indexed (with two fixed articles) and the query matched, as Xapian's examples
// do it; PassageChooser's passage of the text must be byte for byte the one Xapian's
// MSet::snippet writes (a difference aborts), and it must not crash or read out of bounds on
// any bytes, UTF-8 or not. A query QueryParser refuses is skipped. Two differences are
// Xapian 1.4's slips, which PassageChooser does not copy (passage.h):
// - with phrases of different lengths in one query, Xapian compares a shorter phrase's words
//   with the wrong earlier words, so such queries are only checked for not crashing;
// - a phrase that runs past the end of the passage leaves Xapian's <mark> unclosed, which
//   PassageChooser closes: there the passages are compared without their "</mark>".
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/engine/passage.h"
#include "searcher/engine/snippet_keys.h"

namespace {

// The numbers of words of the query's phrases.
std::vector<std::size_t> phrase_lengths(const Xapian::Query& query) {
    std::vector<std::size_t> out;
    std::vector<Xapian::Query> pending{query};
    while (!pending.empty()) {
        Xapian::Query q = pending.back();
        pending.pop_back();
        if (q.get_type() == Xapian::Query::OP_PHRASE)
            out.push_back(q.get_num_subqueries());
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
            pending.push_back(q.get_subquery(i));
    }
    return out;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

std::string without_closing_marks(std::string s) {
    for (std::size_t at; (at = s.find("</mark>")) != std::string::npos;)
        s.erase(at, 7);
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t eol = input.find('\n');
    if (eol == std::string_view::npos)
        return 0;
    std::string query_text(input.substr(0, eol));
    std::string text(input.substr(eol + 1));

    Xapian::Stem stemmer("english");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(stemmer);
    for (const std::string& body : {text, std::string("Peace talks in Istanbul, said the U.S."),
                                    std::string("Cocoa prices and AT&T's C++ code")}) {
        Xapian::Document doc;
        indexer.set_document(doc);
        indexer.index_text(body);
        db.add_document(doc);
    }
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::Query query;
    try {
        query = parser.parse_query(query_text, Xapian::QueryParser::FLAG_DEFAULT);
    } catch (const Xapian::QueryParserError&) {
        return 0;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 3);
    if (mset.empty())
        return 0;
    gazette::SnippetKeys keys(query, "en");
    if (!keys.usable())
        return 0;
    gazette::PassageChooser chooser(mset, query, stemmer, keys);
    std::optional<std::string> ours = chooser.choose(text, 240);
    if (!ours)
        return 0;  // CJK: Xapian chooses
    std::vector<std::size_t> lengths = phrase_lengths(query);
    if (std::adjacent_find(lengths.begin(), lengths.end(), std::not_equal_to<>()) != lengths.end())
        return 0;
    std::string xapians =
        mset.snippet(text, 240, stemmer, Xapian::MSet::SNIPPET_CJK_NGRAM, "<mark>", "</mark>", "…");
    if (count(xapians, "<mark>") != count(xapians, "</mark>")) {
        xapians = without_closing_marks(xapians);
        *ours = without_closing_marks(*ours);
    }
    if (*ours != xapians) {
        std::fprintf(stderr, "passage differs from Xapian's\nours:   %s\nXapian: %s\n",
                     ours->c_str(), xapians.c_str());
        std::abort();
    }
    return 0;
}
