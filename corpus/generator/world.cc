#include "corpus/generator/world.h"

#include <algorithm>

#include "corpus/generator/slug.h"

namespace gazette::generator {

Person invent_person(Rng& rng) {
    const NameCulture& culture = rng.pick(name_cultures());
    const std::string_view first = rng.pick(culture.first_names);
    const std::string_view last = rng.pick(culture.last_names);
    Person p;
    p.short_name = std::string(last);
    p.name = culture.family_name_first ? std::string(last) + " " + std::string(first)
                                       : std::string(first) + " " + std::string(last);
    return p;
}

World::World(Rng& rng, std::size_t people_per_desk)
    // Outlets are less skewed than words: the biggest publishes a few times the median.
    : outlet_popularity_(outlets().size(), 0.6), city_popularity_(cities().size(), 1.0) {
    int total_weight = 0;
    for (const Section& section : sections()) {
        Desk desk{&section,
                  {},
                  ZipfSampler(people_per_desk, 1.0),
                  ZipfSampler(section.organizations.size(), 0.8)};
        desk.people.reserve(people_per_desk);
        for (std::size_t i = 0; i < people_per_desk; ++i) {
            Person p = invent_person(rng);
            p.role = rng.pick(section.roles);
            p.organization = section.organizations[desk.organization_popularity.sample(rng)];
            desk.people.push_back(std::move(p));
        }
        desks_.push_back(std::move(desk));
        total_weight += section.weight;
        desk_cumulative_weight_.push_back(total_weight);
    }
    for (std::string_view name : outlets()) {
        std::string_view unprefixed = name.starts_with("The ") ? name.substr(4) : name;
        Outlet outlet{name, slugify(unprefixed), {}, rng.chance(0.5)};
        const int staff = rng.between(8, 40);
        for (int i = 0; i < staff; ++i)
            outlet.staff.push_back(invent_person(rng).name);
        outlets_.push_back(std::move(outlet));
    }
}

const Desk& World::pick_desk(Rng& rng) const {
    const int u = static_cast<int>(rng.below(desk_cumulative_weight_.back()));
    auto it = std::upper_bound(desk_cumulative_weight_.begin(), desk_cumulative_weight_.end(), u);
    return desks_[it - desk_cumulative_weight_.begin()];
}

const Person& World::pick_person(Rng& rng, const Desk& desk) const {
    return desk.people[desk.popularity.sample(rng)];
}

std::string_view World::pick_organization(Rng& rng, const Desk& desk) const {
    return desk.section->organizations[desk.organization_popularity.sample(rng)];
}

const City& World::pick_city(Rng& rng) const {
    return cities()[city_popularity_.sample(rng)];
}

const Outlet& World::pick_outlet(Rng& rng) const {
    return outlets_[outlet_popularity_.sample(rng)];
}

const Outlet& World::pick_other_outlet(Rng& rng, const Outlet& other) const {
    for (;;) {
        const Outlet& o = pick_outlet(rng);
        if (&o != &other)
            return o;
    }
}

}  // namespace gazette::generator
