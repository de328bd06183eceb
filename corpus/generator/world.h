// The fixed cast of a synthetic archive, built once from the seed: each desk's recurring
// people (with a job and an employer that stay the same from story to story), each outlet's
// reporters, and how popular every person, place and outlet is. Popularity is Zipf, so a few
// names dominate coverage and most appear only now and then, as in a real archive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/generator/random.h"
#include "corpus/generator/word_lists.h"
#include "corpus/generator/zipf.h"

namespace gazette::generator {

struct Person {
    std::string name;        // "Olena Kovalenko", "Wang Wei"
    std::string short_name;  // the family name used after the first mention
    std::string_view role;   // "chief executive"
    std::string_view organization;
};

struct Desk {
    const Section* section;
    std::vector<Person> people;           // most newsworthy first
    ZipfSampler popularity;               // over `people`
    ZipfSampler organization_popularity;  // over section->organizations
};

struct Outlet {
    std::string_view name;
    std::string slug;                // "harbour-ledger": its host is <slug>.example
    std::vector<std::string> staff;  // the reporters whose bylines it prints
    bool title_case_headlines;  // house style: "Talks Resume in Odesa" vs "Talks resume in Odesa"
};

class World {
  public:
    World(Rng& rng, std::size_t people_per_desk);

    const Desk& pick_desk(Rng& rng) const;
    const Person& pick_person(Rng& rng, const Desk& desk) const;
    std::string_view pick_organization(Rng& rng, const Desk& desk) const;
    const City& pick_city(Rng& rng) const;
    const Outlet& pick_outlet(Rng& rng) const;
    // Any outlet but `other`: where a republished copy appears.
    const Outlet& pick_other_outlet(Rng& rng, const Outlet& other) const;

  private:
    std::vector<Desk> desks_;
    std::vector<int> desk_cumulative_weight_;
    std::vector<Outlet> outlets_;
    ZipfSampler outlet_popularity_;
    ZipfSampler city_popularity_;
};

// A plausible full name from one culture's lists, in that culture's order.
Person invent_person(Rng& rng);

}  // namespace gazette::generator
