#include "corpus/generator/republish.h"

#include <vector>

#include "corpus/generator/dates.h"
#include "corpus/generator/headline_writer.h"
#include "corpus/generator/slug.h"
#include "corpus/generator/text_util.h"

namespace gazette::generator {
namespace {

constexpr std::int64_t kMaxDelaySeconds = 3 * 86400;

std::vector<std::string> split_paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = body.find('\n', start);
        out.push_back(body.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            return out;
        start = end + 1;
    }
}

bool is_lower_word(std::string_view s, std::size_t begin, std::size_t end) {
    if (begin == end)
        return false;
    for (std::size_t i = begin; i < end; ++i) {
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    }
    return true;
}

// Replaces one or two plain lowercase words of one sentence: a sub-editor's touch. Names,
// numbers and punctuation are left alone so the record's fields stay true.
void touch_up_sentence(Rng& rng, const Vocabulary& vocabulary, std::string& paragraph) {
    // Sentences end at ". "; pick one by its start offset.
    std::vector<std::size_t> starts{0};
    for (std::size_t pos = paragraph.find(". "); pos != std::string::npos;
         pos = paragraph.find(". ", pos + 2))
        starts.push_back(pos + 2);
    const std::size_t which = rng.below(starts.size());
    const std::size_t begin = starts[which];
    const std::size_t end = which + 1 < starts.size() ? starts[which + 1] : paragraph.size();

    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::size_t i = begin;
    while (i < end) {
        std::size_t j = paragraph.find(' ', i);
        if (j == std::string::npos || j > end)
            j = end;
        if (is_lower_word(paragraph, i, j))
            words.emplace_back(i, j);
        i = j + 1;
    }
    if (words.empty())
        return;
    const int edits = rng.chance(0.5) ? 1 : 2;
    // Replace from the back so earlier offsets stay valid.
    std::size_t first = rng.below(words.size());
    std::vector<std::size_t> chosen{first};
    if (edits == 2 && words.size() > 1)
        chosen.push_back((first + 1 + rng.below(words.size() - 1)) % words.size());
    if (chosen.size() == 2 && chosen[0] < chosen[1])
        std::swap(chosen[0], chosen[1]);
    for (std::size_t k : chosen) {
        auto [b, e] = words[k];
        paragraph.replace(b, e - b, vocabulary.draw(rng));
    }
}

void add_double_space(Rng& rng, std::string& paragraph) {
    std::vector<std::size_t> ends;
    for (std::size_t pos = paragraph.find(". "); pos != std::string::npos;
         pos = paragraph.find(". ", pos + 2))
        ends.push_back(pos + 1);
    if (!ends.empty())
        paragraph.insert(ends[rng.below(ends.size())], 1, ' ');
    else
        paragraph += ' ';
}

// Keeps only the names the copy's text still contains (a cut paragraph may have held the
// only mention of one).
std::vector<std::string> still_named(const std::vector<std::string>& names,
                                     const std::string& body) {
    std::vector<std::string> out;
    for (const auto& n : names) {
        if (body.find(n) != std::string::npos)
            out.push_back(n);
    }
    return out;
}

}  // namespace

Article republish(Rng& rng, const Vocabulary& vocabulary, const Original& original,
                  const RepublishTarget& target) {
    const Article& source = original.article;
    Article copy;
    copy.id = target.id;
    copy.source = std::string(target.outlet->name);
    copy.section = source.section;
    copy.language = source.language;
    copy.tags = source.tags;
    if (rng.chance(0.6))
        copy.authors = source.authors;  // a wire byline travels with the story, or is dropped

    const std::int64_t t =
        original.timestamp + static_cast<std::int64_t>(rng.below(kMaxDelaySeconds + 1));
    copy.timestamp = static_cast<double>(t);
    copy.date_text = format_timestamp(t);

    const double h = rng.unit();
    if (h < 0.4) {
        copy.title = source.title;
    } else if (h < 0.8) {
        copy.title =
            target.outlet->title_case_headlines ? to_title_case(source.title) : source.title;
        if (copy.title == source.title)  // nothing to restyle: change a word instead
            touch_up_sentence(rng, vocabulary, copy.title);
        if (copy.title == source.title)  // no plain word to change either: add a kicker
            copy.title = std::string(rng.chance(0.5) ? "Update: " : "Wire: ").append(copy.title);
    } else {
        copy.title =
            write_headline(rng, vocabulary, original.story, target.outlet->title_case_headlines);
    }

    std::vector<std::string> paragraphs = split_paragraphs(source.body);
    const bool cut = paragraphs.size() >= 4 && rng.chance(0.5);
    if (cut)
        paragraphs.pop_back();
    if (!cut || rng.chance(0.3))
        touch_up_sentence(rng, vocabulary, paragraphs[rng.below(paragraphs.size())]);
    // (Appending, rather than "(" + ..., sidesteps a GCC 12 -Wrestrict false positive.)
    std::string credited = "(";
    credited.append(target.agency).append(") - ").append(paragraphs[0]);
    paragraphs[0] = std::move(credited);

    // Whitespace a different content system leaves behind: blank lines between paragraphs,
    // two spaces after a full stop, trailing blanks. At least one of them.
    const std::uint64_t whitespace = 1 + rng.below(7);  // a non-empty subset of three changes
    if (whitespace & 2)
        add_double_space(rng, paragraphs[rng.below(paragraphs.size())]);
    if (whitespace & 4) {
        for (auto& p : paragraphs)
            p += ' ';
    }
    const char* separator = (whitespace & 1) ? "\n\n" : "\n";
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            copy.body += separator;
        copy.body += paragraphs[i];
    }

    copy.people = still_named(source.people, copy.body);
    copy.places = still_named(source.places, copy.body);
    copy.organizations = still_named(source.organizations, copy.body);
    copy.url = article_url(target.outlet->slug, t, copy.title);
    return copy;
}

}  // namespace gazette::generator
