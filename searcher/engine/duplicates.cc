#include "searcher/engine/duplicates.h"

#include "common/slots.h"

namespace gazette {

bool has_query_words(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        std::size_t end = i;
        bool field = false;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t') {
            if (text[end] == ':' && !field) {
                field = true;
                if (end + 1 < text.size() && text[end + 1] == '"') {  // field:"a value"
                    std::size_t close = text.find('"', end + 2);
                    end = close == std::string_view::npos ? text.size() - 1 : close;
                }
            }
            ++end;
        }
        std::string token(text.substr(i, end - i));
        bool is_operator = token == "AND" || token == "OR" || token == "NOT" || token == "XOR";
        if (!field && !is_operator) {
            for (Xapian::Utf8Iterator it(token); it != Xapian::Utf8Iterator(); ++it) {
                if (Xapian::Unicode::is_wordchar(*it))
                    return true;
            }
        }
        i = end;
    }
    return false;
}

bool collapses(const SearchRequest& request) {
    return request.collapse && (!request.like.empty() || has_query_words(request.query));
}

void apply_collapse(Xapian::Enquire& enquire, const SearchRequest& request) {
    // Articles without a key (no body words, or indexed before keys existed) have an empty
    // value, which Xapian never collapses.
    if (collapses(request))
        enquire.set_collapse_key(kSlotDuplicateKey);
}

MatchTotals count_matches(const Xapian::Database& db, const Xapian::Query& query,
                          Xapian::doccount check_at_least) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet mset = enquire.get_mset(0, 0, check_at_least);
    return {mset.get_matches_estimated(), mset.get_matches_lower_bound(),
            mset.get_matches_upper_bound()};
}

std::vector<std::string> duplicate_ids(const Xapian::Database& db, const Xapian::Query& query,
                                       const Xapian::MSetIterator& result) {
    std::vector<std::string> out;
    std::string key = result.get_collapse_key();
    if (key.empty())
        return out;
    // The same query restricted to the key, so the ids are the copies that were collapsed.
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDuplicateKey, key, key)));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::MSet mset = enquire.get_mset(0, kMaxDuplicateIds + 1);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (*it == *result)
            continue;
        out.push_back(it.get_document().get_value(kSlotId));
        if (out.size() == kMaxDuplicateIds)
            break;
    }
    return out;
}

}  // namespace gazette
