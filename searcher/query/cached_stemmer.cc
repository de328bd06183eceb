#include "searcher/query/cached_stemmer.h"

#include <unordered_map>

namespace gazette {
namespace {

class CachedStem : public Xapian::StemImplementation {
  public:
    CachedStem(const Xapian::Stem& stemmer, std::size_t max_words)
        : stemmer_(stemmer), max_words_(max_words) {}

    std::string operator()(const std::string& word) override {
        if (auto it = stems_.find(word); it != stems_.end())
            return it->second;
        if (stems_.size() >= max_words_)
            stems_.clear();
        std::string stem = stemmer_(word);
        stems_.emplace(word, stem);
        return stem;
    }

    std::string get_description() const override { return "cached " + stemmer_.get_description(); }

  private:
    Xapian::Stem stemmer_;
    std::size_t max_words_;
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem cached_stemmer(const Xapian::Stem& stemmer, std::size_t max_words) {
    if (stemmer.is_none())
        return stemmer;
    return Xapian::Stem(new CachedStem(stemmer, max_words));
}

}  // namespace gazette
