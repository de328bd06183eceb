// Facet counts over the whole match set, counted by match spies while Xapian matches. The
// facets are common/fields.h's facets(). Single-valued fields (source, section, language) and
// the date buckets (year, month) use Xapian's built-in ValueCountMatchSpy; list fields (tags,
// people, places, organizations, authors) use ListValueCountMatchSpy, which splits the value
// list of each matching document.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace gazette {

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
};

struct FacetResult {
    std::string name;
    std::vector<FacetValue> values;  // by count, most first; ties by value
};

// Facet values that differ only as filters ignore (case, white space: fold_filter_value) are
// one value: "politics" and "POLITICS" count together, shown as the spelling counted most
// (ties: the smaller string). `counted` holds each spelling once; the result is in no order.
std::vector<FacetValue> fold_facet_values(std::vector<FacetValue> counted);

// How many matches the matcher is asked to look at when facets are wanted: counts are
// exact for result sets up to this size (and say so with facets_exact).
inline constexpr Xapian::doccount kFacetCheckAtLeast = 1000000;

class FacetCollector {
  public:
    // `names` must be valid facet names (request_options.h checks them).
    FacetCollector(const std::vector<std::string>& names, unsigned size);
    ~FacetCollector();

    bool empty() const { return spies_.empty(); }
    // Registers the spies; the collector must outlive the enquire's get_mset.
    void attach(Xapian::Enquire& enquire);
    std::vector<FacetResult> results() const;
    // Documents the spies saw (each spy sees the same ones).
    Xapian::doccount documents_seen() const;

  private:
    struct Spy;
    std::vector<std::unique_ptr<Spy>> spies_;
    unsigned size_;
};

}  // namespace gazette
