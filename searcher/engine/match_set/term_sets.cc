#include "searcher/engine/match_set/term_sets.h"

namespace gazette {

TermSets::TermSets(Xapian::Database db, std::size_t budget_bytes)
    : db_(std::move(db)), budget_(budget_bytes) {}

std::shared_ptr<const DocSet> TermSets::of(const std::string& term) {
    if (auto found = kept_.find(term); found != kept_.end()) {
        used_order_.splice(used_order_.begin(), used_order_, found->second.age);
        return found->second.set;
    }
    Xapian::doccount frequency = term.empty() ? db_.get_doccount() : db_.get_termfreq(term);
    auto set = std::make_shared<DocSet>(doc_set_of_term(db_, term));
    if (frequency < kKeptFrom)
        return set;
    set->runOptimize();
    set->shrinkToFit();
    std::size_t bytes = set->getSizeInBytes(false) + term.size() + sizeof(Kept);
    if (bytes > budget_)
        return set;
    while (used_ + bytes > budget_ && !used_order_.empty()) {
        auto oldest = kept_.find(used_order_.back());
        used_ -= oldest->second.bytes;
        kept_.erase(oldest);
        used_order_.pop_back();
    }
    used_order_.push_front(term);
    kept_[term] = Kept{set, bytes, used_order_.begin()};
    used_ += bytes;
    return set;
}

}  // namespace gazette
