#include "corpus/generator/article_generator.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "corpus/generator/body_writer.h"
#include "corpus/generator/headline_writer.h"
#include "corpus/generator/slug.h"

namespace gazette::generator {
namespace {

constexpr std::size_t kRecentOriginals = 4096;
// Story-specific rare words come from below this rank: the long tail.
constexpr std::size_t kRareWordRank = 2000;

void add_unique(std::vector<std::string>& list, std::string_view value) {
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.emplace_back(value);
}

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A count from {1, 2, 3, 4} with weights 35:35:20:10 (integers: portable).
int how_many_people(Rng& rng) {
    const auto u = rng.below(100);
    return u < 35 ? 1 : u < 70 ? 2 : u < 90 ? 3 : 4;
}

void validate(const GeneratorOptions& o) {
    if (!(o.duplicate_share >= 0 && o.duplicate_share <= 1))
        throw std::invalid_argument("the duplicate share must be between 0 and 1");
    if (o.from_year < 1 || o.to_year > 9999 || o.from_year > o.to_year)
        throw std::invalid_argument("the years must satisfy 1 <= from <= to <= 9999");
    if (o.vocabulary_size < 1000)
        throw std::invalid_argument("the vocabulary needs at least 1000 words");
    if (!(o.zipf_exponent > 0))
        throw std::invalid_argument("the Zipf exponent must be positive");
    if (o.people_per_desk < 1)
        throw std::invalid_argument("each desk needs at least one person");
}

const GeneratorOptions& validated(const GeneratorOptions& o) {
    validate(o);
    return o;
}

}  // namespace

std::string synthetic_id(std::uint64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "synth:%09llu", static_cast<unsigned long long>(n));
    return buf;
}

ArticleGenerator::ArticleGenerator(const GeneratorOptions& options)
    : options_(validated(options)),
      rng_(options.seed),
      vocabulary_(options.vocabulary_size, options.zipf_exponent),
      world_(rng_, options.people_per_desk),
      dates_(options.from_year, options.to_year) {
    recent_.reserve(kRecentOriginals);
}

GeneratedArticle ArticleGenerator::next() {
    std::string id = synthetic_id(++count_);
    if (rng_.chance(options_.duplicate_share) && !recent_.empty()) {
        const Original& original = recent_[rng_.below(recent_.size())];
        RepublishTarget target{std::move(id), &world_.pick_other_outlet(rng_, *original.outlet),
                               rng_.pick(agencies())};
        return {republish(rng_, vocabulary_, original, target), original.article.id};
    }
    Original original = write_original(std::move(id));
    GeneratedArticle result{original.article, {}};
    if (recent_.size() < kRecentOriginals) {
        recent_.push_back(std::move(original));
    } else {
        recent_[recent_next_] = std::move(original);
        recent_next_ = (recent_next_ + 1) % kRecentOriginals;
    }
    return result;
}

Story ArticleGenerator::plan_story(const Desk& desk, std::int64_t timestamp) {
    Story story;
    story.section = desk.section;
    story.weekday = weekdays()[date_parts(timestamp).weekday];

    const bool opinion = desk.section->name == "Opinion";
    const int people = opinion ? static_cast<int>(rng_.below(2)) : how_many_people(rng_);
    for (int i = 0, tries = 0; i < people && tries < 20; ++tries) {
        const Person* p = &world_.pick_person(rng_, desk);
        if (!contains(story.people, p)) {
            story.people.push_back(p);
            ++i;
        }
    }
    const int cities = rng_.chance(0.3) ? 2 : 1;
    for (int i = 0, tries = 0; i < cities && tries < 20; ++tries) {
        const City* c = &world_.pick_city(rng_);
        if (!contains(story.cities, c)) {
            story.cities.push_back(c);
            ++i;
        }
    }
    const auto orgs_u = rng_.below(10);
    const int organizations = orgs_u < 5 ? 0 : orgs_u < 9 ? 1 : 2;
    for (int i = 0; i < organizations; ++i) {
        const std::string_view org = world_.pick_organization(rng_, desk);
        const bool employer = std::any_of(story.people.begin(), story.people.end(),
                                          [&](const Person* p) { return p->organization == org; });
        if (!employer && !contains(story.organizations, org))
            story.organizations.push_back(org);
    }

    const int keywords = rng_.between(3, 5);
    for (int i = 0, tries = 0; i < keywords && tries < 20; ++tries) {
        const std::string_view k = rng_.pick(desk.section->keywords);
        if (!contains(story.keywords, k)) {
            story.keywords.push_back(k);
            ++i;
        }
    }
    if (rng_.chance(0.5)) {
        const std::size_t rank = kRareWordRank + rng_.below(vocabulary_.size() - kRareWordRank);
        story.keywords.push_back(vocabulary_.at_rank(rank));
    }
    return story;
}

Original ArticleGenerator::write_original(std::string id) {
    const Desk& desk = world_.pick_desk(rng_);
    const Outlet& outlet = world_.pick_outlet(rng_);
    const std::int64_t t = dates_.sample(rng_);
    Story story = plan_story(desk, t);

    Article a;
    a.id = std::move(id);
    a.section = std::string(desk.section->name);
    a.source = std::string(outlet.name);
    a.timestamp = static_cast<double>(t);
    a.date_text = format_timestamp(t);
    a.title = write_headline(rng_, vocabulary_, story, outlet.title_case_headlines);
    a.url = article_url(outlet.slug, t, a.title);

    // 80-800 words, most around 440 (a triangular draw), in 3-10 paragraphs.
    const int words = 80 + (rng_.between(0, 720) + rng_.between(0, 720)) / 2;
    const int paragraphs = std::clamp(words / 70 + rng_.between(-1, 1), 3, 10);
    a.body = write_body(rng_, vocabulary_, story, {words, paragraphs});

    const auto bylines_u = rng_.below(20);
    const int bylines = bylines_u < 15 ? 1 : bylines_u < 19 ? 2 : 3;
    for (int i = 0; i < bylines; ++i)
        add_unique(a.authors, outlet.staff[rng_.below(outlet.staff.size())]);
    const int tags = rng_.between(1, 4);
    for (int i = 0; i < tags; ++i)
        add_unique(a.tags, rng_.pick(desk.section->tags));

    for (const Person* p : story.people) {
        add_unique(a.people, p->name);
        add_unique(a.organizations, p->organization);
    }
    for (std::string_view org : story.organizations)
        add_unique(a.organizations, org);
    for (const City* c : story.cities) {
        add_unique(a.places, c->name);
        add_unique(a.places, c->country);
    }
    return {std::move(a), std::move(story), &outlet, t};
}

}  // namespace gazette::generator
