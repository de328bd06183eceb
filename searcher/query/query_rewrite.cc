#include "searcher/query/query_rewrite.h"

namespace gazette {
namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

}  // namespace

std::vector<std::string> words_behind(const std::string& term, const Xapian::QueryParser& parser) {
    std::vector<std::string> words;
    if (term.empty())
        return words;
    if (term[0] == 'Z' && term.size() > 1 && !is_upper(term[1])) {
        for (auto it = parser.unstem_begin(term); it != parser.unstem_end(term); ++it)
            words.push_back(*it);
    } else if (!is_upper(term[0])) {
        words.push_back(term);
    }
    return words;
}

}  // namespace gazette
