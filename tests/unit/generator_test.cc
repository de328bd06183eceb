// The synthetic archive generator: determinism, schema, Zipf shape, near-duplicates.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/article_json.h"
#include "corpus/generator/article_generator.h"
#include "corpus/generator/slug.h"
#include "corpus/generator/write_corpus.h"
#include "corpus/generator/zipf.h"

namespace gazette::generator {
namespace {

// Collects lines in memory, so tests see exactly what the program would write.
class MemorySink : public LineSink {
  public:
    void write_line(std::string_view line) override { lines.emplace_back(line); }
    void close() override {}
    std::vector<std::string> lines;
};

struct Corpus {
    std::vector<std::string> articles;
    std::vector<std::string> truth;
};

Corpus generate(std::uint64_t count, GeneratorOptions options = {}) {
    MemorySink articles, truth;
    write_corpus(options, count, articles, &truth);
    return {std::move(articles.lines), std::move(truth.lines)};
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

// Word 3-shingles, whitespace-insensitive.
std::set<std::string> shingles(const std::string& text) {
    const auto w = words_of(text);
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < w.size(); ++i)
        out.insert(w[i] + ' ' + w[i + 1] + ' ' + w[i + 2]);
    return out;
}

TEST(Generator, SameSeedGivesTheSameBytes) {
    GeneratorOptions options;
    options.seed = 7;
    const Corpus a = generate(300, options);
    const Corpus b = generate(300, options);
    EXPECT_EQ(a.articles, b.articles);
    EXPECT_EQ(a.truth, b.truth);
}

TEST(Generator, DifferentSeedGivesDifferentText) {
    GeneratorOptions one, two;
    one.seed = 1;
    two.seed = 2;
    const Corpus a = generate(50, one);
    const Corpus b = generate(50, two);
    std::size_t same = 0;
    for (std::size_t i = 0; i < a.articles.size(); ++i)
        same += a.articles[i] == b.articles[i];
    EXPECT_EQ(same, 0u);
}

TEST(Generator, PrefixIsStableWhenCountGrows) {
    // Generating more articles must not change the first ones: a 1M corpus starts with the
    // 1k corpus of the same seed.
    const Corpus small = generate(100);
    const Corpus large = generate(250);
    ASSERT_GE(large.articles.size(), small.articles.size());
    EXPECT_TRUE(std::equal(small.articles.begin(), small.articles.end(), large.articles.begin()));
}

TEST(Generator, EveryLineIsAValidArticleRecord) {
    GeneratorOptions options;
    options.from_year = 1990;
    options.to_year = 2020;
    const Corpus c = generate(2000, options);
    ASSERT_EQ(c.articles.size(), 2000u);
    std::set<std::string> ids;
    std::set<std::string> sections;
    int diacritics = 0;
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
        const std::string& line = c.articles[i];
        SCOPED_TRACE(line.substr(0, 200));
        Article a;
        ASSERT_NO_THROW(a = article_from_json(line));
        EXPECT_EQ(a.id, synthetic_id(i + 1));
        EXPECT_TRUE(ids.insert(a.id).second);
        EXPECT_EQ(a.language, "en");
        ASSERT_TRUE(a.timestamp);
        EXPECT_GE(a.date_text.substr(0, 4), "1990");
        EXPECT_LE(a.date_text.substr(0, 4), "2020");
        EXPECT_FALSE(a.source.empty());
        EXPECT_FALSE(a.section.empty());
        sections.insert(a.section);
        EXPECT_FALSE(a.tags.empty());
        EXPECT_FALSE(a.places.empty());
        // url: https://<outlet-slug>.example/<yyyy>/<mm>/<slug>
        const std::string prefix = "https://";
        ASSERT_EQ(a.url.rfind(prefix, 0), 0u);
        const auto host_end = a.url.find('/', prefix.size());
        EXPECT_EQ(a.url.substr(host_end - 8, 8), ".example");
        EXPECT_EQ(a.url.substr(host_end + 1, 8),
                  a.date_text.substr(0, 4) + "/" + a.date_text.substr(5, 2) + "/");
        const auto headline_words = words_of(a.title).size();
        // Copies may carry a kicker ("Update: ") on top of the original's 12 words.
        EXPECT_GE(headline_words, 5u);
        EXPECT_LE(headline_words, 13u);
        // Every name in the fields appears in the text.
        for (const auto* list : {&a.people, &a.places, &a.organizations}) {
            for (const auto& name : *list)
                EXPECT_NE(a.body.find(name), std::string::npos) << name;
        }
        if (line.find("\\u") == std::string::npos &&
            line.find_first_of("\xc3\xc4\xc5") != std::string::npos)
            ++diacritics;
    }
    EXPECT_EQ(sections.size(), 9u);
    EXPECT_GT(diacritics, 0);  // José, Müller, Kraków: UTF-8 written as is
}

TEST(Generator, OriginalsHaveNewsShapedBodies) {
    const Corpus c = generate(1000);
    std::set<std::string> copies;
    for (const auto& t : c.truth)
        copies.insert(nlohmann::json::parse(t)["id"].get<std::string>());
    std::size_t originals = 0, total_words = 0;
    for (const auto& line : c.articles) {
        const Article a = article_from_json(line);
        if (copies.count(a.id))
            continue;
        ++originals;
        const auto paragraphs = std::count(a.body.begin(), a.body.end(), '\n') + 1;
        EXPECT_GE(paragraphs, 3);
        EXPECT_LE(paragraphs, 10);
        const auto words = words_of(a.body).size();
        total_words += words;
        EXPECT_GE(words, 70u) << a.id;
        EXPECT_LE(words, 900u) << a.id;
        EXPECT_FALSE(a.authors.empty());
    }
    const double mean = static_cast<double>(total_words) / static_cast<double>(originals);
    EXPECT_GT(mean, 350);
    EXPECT_LT(mean, 550);
}

TEST(GeneratorZipf, SamplerHeadRatiosMatchTheExponent) {
    ZipfSampler zipf(50000, 1.0);
    Rng rng(3);
    std::vector<int> counts(20, 0);
    const int draws = 2'000'000;
    for (int i = 0; i < draws; ++i) {
        const auto k = zipf.sample(rng);
        if (k < counts.size())
            ++counts[k];
    }
    // P(k) ∝ 1/k: rank 1 twice rank 2, ten times rank 10.
    EXPECT_NEAR(static_cast<double>(counts[0]) / counts[1], 2.0, 0.1);
    EXPECT_NEAR(static_cast<double>(counts[0]) / counts[9], 10.0, 0.8);
    // And the share of rank 1 is 1 / H(50000) ≈ 0.0883.
    EXPECT_NEAR(static_cast<double>(counts[0]) / draws, 0.0883, 0.003);
}

TEST(GeneratorZipf, GeneratedTextHasAZipfHead) {
    GeneratorOptions options;
    options.duplicate_share = 0;
    const Corpus c = generate(1500, options);
    std::unordered_map<std::string, long> counts;
    long total = 0;
    for (const auto& line : c.articles) {
        for (auto w : words_of(article_from_json(line).body)) {
            std::string folded;
            for (char ch : w) {
                if (ch >= 'A' && ch <= 'Z')
                    folded += static_cast<char>(ch - 'A' + 'a');
                else if (ch >= 'a' && ch <= 'z')
                    folded += ch;
            }
            if (!folded.empty()) {
                ++counts[folded];
                ++total;
            }
        }
    }
    std::vector<std::pair<long, std::string>> ranked;
    for (const auto& [w, n] : counts)
        ranked.emplace_back(n, w);
    std::sort(ranked.rbegin(), ranked.rend());
    ASSERT_GE(ranked.size(), 1000u);
    EXPECT_EQ(ranked[0].second, "the");
    // Names, keywords and sentence templates dilute the vocabulary draws a little but leave
    // the head's shape alone: "the" about twice "of", about ten times the tenth word.
    const double r12 = static_cast<double>(counts["the"]) / counts["of"];
    EXPECT_GT(r12, 1.7);
    EXPECT_LT(r12, 2.3);
    const double share = static_cast<double>(counts["the"]) / total;
    EXPECT_GT(share, 0.06);
    EXPECT_LT(share, 0.095);
}

TEST(GeneratorDuplicates, CopiesShareMostTextWithTheirOriginalAndAreListed) {
    GeneratorOptions options;
    options.duplicate_share = 0.2;
    const Corpus c = generate(1500, options);
    std::map<std::string, Article> by_id;
    for (const auto& line : c.articles) {
        Article a = article_from_json(line);
        by_id.emplace(a.id, std::move(a));
    }
    ASSERT_GT(c.truth.size(), 200u);  // about 300 expected
    ASSERT_LT(c.truth.size(), 400u);
    for (const auto& t : c.truth) {
        const auto record = nlohmann::json::parse(t);
        ASSERT_EQ(record.size(), 2u);
        const auto copy_id = record["id"].get<std::string>();
        const auto original_id = record["original"].get<std::string>();
        SCOPED_TRACE(copy_id + " of " + original_id);
        ASSERT_TRUE(by_id.count(copy_id));
        ASSERT_TRUE(by_id.count(original_id));
        EXPECT_LT(original_id, copy_id);  // an earlier article
        const Article& copy = by_id[copy_id];
        const Article& original = by_id[original_id];
        EXPECT_NE(copy.source, original.source);
        EXPECT_NE(copy.url, original.url);
        EXPECT_EQ(copy.body.rfind("(", 0), 0u);  // "(Agency) - "
        EXPECT_NE(copy.body.find(") - "), std::string::npos);
        EXPECT_NE(copy.body, original.body);
        ASSERT_TRUE(copy.timestamp && original.timestamp);
        EXPECT_GE(*copy.timestamp, *original.timestamp);
        EXPECT_LE(*copy.timestamp, *original.timestamp + 3 * 86400);
        // Most of the copy's text is the original's.
        const auto a = shingles(copy.body), b = shingles(original.body);
        std::size_t shared = 0;
        for (const auto& s : a)
            shared += b.count(s);
        EXPECT_GT(static_cast<double>(shared) / static_cast<double>(a.size()), 0.75);
        const double jaccard =
            static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
        EXPECT_GT(jaccard, 0.5);
    }
    // A copy is never listed as an original.
    std::set<std::string> copies;
    for (const auto& t : c.truth)
        copies.insert(nlohmann::json::parse(t)["id"].get<std::string>());
    for (const auto& t : c.truth)
        EXPECT_FALSE(copies.count(nlohmann::json::parse(t)["original"].get<std::string>()));
}

TEST(GeneratorDuplicates, ShareZeroWritesNoCopies) {
    GeneratorOptions options;
    options.duplicate_share = 0;
    EXPECT_TRUE(generate(500, options).truth.empty());
}

TEST(GeneratorSlug, FoldsDiacriticsAndDropsPunctuation) {
    EXPECT_EQ(slugify("Müller wins in Kraków, again!"), "muller-wins-in-krakow-again");
    EXPECT_EQ(slugify("The Citizen's Voice"), "the-citizens-voice");
    EXPECT_EQ(slugify("Nguyễn Hương in Chișinău"), "nguyen-huong-in-chisinau");
    EXPECT_EQ(slugify("one two three four five six seven eight nine", 8),
              "one-two-three-four-five-six-seven-eight");
}

}  // namespace
}  // namespace gazette::generator
