#include "searcher/engine/facets.h"

#include <algorithm>
#include <map>

#include "common/fields.h"
#include "common/value_list.h"

namespace gazette {
namespace {

// Counts each value of a value list once per matching document: spellings that fold to one
// value (fold_facet_values) count once between them, as the first of them.
class ListValueCountMatchSpy : public Xapian::MatchSpy {
  public:
    explicit ListValueCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double /*wt*/) override {
        ++total_;
        std::string encoded = doc.get_value(slot_);
        seen_in_doc_.clear();
        for_each_listed_value(encoded, [&](std::string_view v) {
            std::string folded = fold_filter_value(v);
            if (std::find(seen_in_doc_.begin(), seen_in_doc_.end(), folded) != seen_in_doc_.end())
                return;
            seen_in_doc_.push_back(std::move(folded));
            ++counts_[std::string(v)];
        });
    }
    std::string name() const override { return "Gazette::ListValueCountMatchSpy"; }

    const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }
    Xapian::doccount total() const { return total_; }

  private:
    Xapian::valueno slot_;
    std::map<std::string, Xapian::doccount> counts_;
    std::vector<std::string> seen_in_doc_;
    Xapian::doccount total_ = 0;
};

}  // namespace

std::vector<FacetValue> fold_facet_values(std::vector<FacetValue> counted) {
    struct Folded {
        FacetValue shown;  // the spelling counted most so far, with the group's total
        Xapian::doccount shown_count = 0;
    };
    std::map<std::string, Folded> groups;
    for (auto& value : counted) {
        Folded& group = groups[fold_filter_value(value.value)];
        group.shown.count += value.count;
        if (value.count > group.shown_count ||
            (value.count == group.shown_count && value.value < group.shown.value)) {
            group.shown_count = value.count;
            group.shown.value = std::move(value.value);
        }
    }
    std::vector<FacetValue> out;
    out.reserve(groups.size());
    for (auto& [key, group] : groups)
        out.push_back(std::move(group.shown));
    return out;
}

struct FacetCollector::Spy {
    std::string name;
    std::unique_ptr<Xapian::ValueCountMatchSpy> single;
    std::unique_ptr<ListValueCountMatchSpy> list;
};

FacetCollector::FacetCollector(const std::vector<std::string>& names, unsigned size) : size_(size) {
    for (const auto& name : names) {
        auto spy = std::make_unique<Spy>();
        spy->name = name;
        const FacetSpec& facet = *find_facet(name);
        if (facet.is_list) {
            spy->list = std::make_unique<ListValueCountMatchSpy>(facet.slot);
        } else {
            spy->single = std::make_unique<Xapian::ValueCountMatchSpy>(facet.slot);
        }
        spies_.push_back(std::move(spy));
    }
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::attach(Xapian::Enquire& enquire) {
    for (auto& spy : spies_) {
        if (spy->single) {
            enquire.add_matchspy(spy->single.get());
        } else {
            enquire.add_matchspy(spy->list.get());
        }
    }
}

std::vector<FacetResult> FacetCollector::results() const {
    std::vector<FacetResult> out;
    for (const auto& spy : spies_) {
        FacetResult result;
        result.name = spy->name;
        if (spy->single) {
            for (auto it = spy->single->values_begin(); it != spy->single->values_end(); ++it) {
                result.values.push_back({*it, it.get_termfreq()});
            }
        } else {
            for (const auto& [value, count] : spy->list->counts())
                result.values.push_back({value, count});
        }
        result.values = fold_facet_values(std::move(result.values));
        std::sort(result.values.begin(), result.values.end(),
                  [](const FacetValue& a, const FacetValue& b) {
                      return a.count != b.count ? a.count > b.count : a.value < b.value;
                  });
        if (result.values.size() > size_)
            result.values.resize(size_);
        out.push_back(std::move(result));
    }
    return out;
}

Xapian::doccount FacetCollector::documents_seen() const {
    if (spies_.empty())
        return 0;
    const auto& spy = spies_.front();
    return spy->single ? spy->single->get_total() : spy->list->total();
}

}  // namespace gazette
