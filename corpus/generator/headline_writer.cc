#include "corpus/generator/headline_writer.h"

#include <algorithm>
#include <vector>

#include "corpus/generator/text_util.h"

namespace gazette::generator {
namespace {

constexpr std::string_view kConnectors[] = {"in",  "on",   "over", "as",   "after",
                                            "for", "amid", "to",   "with", "at"};

bool is_connector(std::string_view word) {
    for (auto c : kConnectors) {
        if (c == word)
            return true;
    }
    return word == "a" || word == "an" || word == "the" || word == "of" || word == "and";
}

struct Token {
    std::string text;
    bool proper;  // a name: its capitals are its own
};

}  // namespace

std::string write_headline(Rng& rng, const Vocabulary& vocabulary, const Story& story,
                           bool title_case) {
    std::vector<Token> tokens;
    const int target = rng.between(5, 12);
    int words = 0;
    auto add = [&](std::string_view text, bool proper) {
        tokens.push_back({std::string(text), proper});
        words += count_words(text);
    };
    auto used = [&](std::string_view text) {
        return std::any_of(tokens.begin(), tokens.end(),
                           [&](const Token& t) { return t.text == text; });
    };

    // Subject: who or where the story is about.
    const City* city = story.cities.empty() ? nullptr : story.cities[0];
    const double u = rng.unit();
    if (u < 0.5 && !story.people.empty()) {
        add(story.people[0]->short_name, true);
    } else if (u < 0.75 && city) {
        add(city->name, true);
        city = nullptr;  // named already: no "in <city>" at the end
    } else if (!story.organizations.empty()) {
        add(story.organizations[0], true);
    } else if (!story.keywords.empty()) {
        add(story.keywords[0], false);
    }
    if (rng.chance(0.7))
        add(rng.pick(headline_verbs()), false);

    const bool place_at_end = city && rng.chance(0.35);
    const int body_target = target - (place_at_end ? 1 + count_words(city->name) : 0);
    bool last_was_connector = true;  // no connector straight after the verb either
    while (words < body_target) {
        const double v = rng.unit();
        if (v < 0.12 && !last_was_connector && words + 2 <= body_target) {
            add(rng.pick(kConnectors), false);
            last_was_connector = true;
            continue;
        }
        // Mostly the story's own keywords and real words; a rare invented word now and then.
        std::string_view word;
        if (v < 0.5 && !story.keywords.empty())
            word = story.keywords[rng.below(story.keywords.size())];
        else
            word = vocabulary.draw_content(rng, v < 0.9);
        if (used(word))
            continue;
        add(word, false);
        last_was_connector = false;
    }
    if (place_at_end) {
        add("in", false);
        add(city->name, true);
    }

    std::string headline;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0)
            headline += ' ';
        const std::size_t at = headline.size();
        headline += tokens[i].text;
        if (!tokens[i].proper && (i == 0 || (title_case && !is_connector(tokens[i].text))))
            capitalise_at(headline, at);
    }
    return headline;
}

std::string to_title_case(const std::string& headline) {
    std::string out = headline;
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find(' ', start);
        if (end == std::string::npos)
            end = out.size();
        if (start == 0 || !is_connector(std::string_view(out).substr(start, end - start)))
            capitalise_at(out, start);
        start = end + 1;
    }
    return out;
}

}  // namespace gazette::generator
