#include "searcher/key_terms/key_terms_json.h"

namespace gazette {

nlohmann::json key_terms_to_json(const KeyTermList& list) {
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& t : list.terms) {
        terms.push_back({{"term", t.term},
                         {"score", t.score},
                         {"sample_docs", t.sample_docs},
                         {"background_docs", t.background_docs}});
    }
    return {{"terms", std::move(terms)},
            {"sample_size", list.sample_size},
            {"background_size", list.background_size}};
}

}  // namespace gazette
