#include "corpus/generator/body_writer.h"

#include <algorithm>
#include <cstdio>

#include "corpus/generator/text_util.h"

namespace gazette::generator {
namespace {

// Shares of running-text words that are a story keyword or a number rather than a draw
// from the vocabulary.
constexpr double kKeywordShare = 0.05;
constexpr double kNumberShare = 0.01;
constexpr double kCommaShare = 0.05;

std::string number_token(Rng& rng) {
    char buf[32];
    switch (rng.below(4)) {
        case 0:
            std::snprintf(buf, sizeof buf, "%d", rng.between(2, 99));
            break;
        case 1:
            std::snprintf(buf, sizeof buf, "%d.%d", rng.between(0, 20), rng.between(1, 9));
            break;
        case 2:
            std::snprintf(buf, sizeof buf, "%d,%03d", rng.between(1, 950), rng.between(0, 999));
            break;
        default:
            std::snprintf(buf, sizeof buf, "%d", rng.between(1950, 2030));
            break;
    }
    return buf;
}

// What a sentence names for the first time.
struct Mention {
    enum class Kind { kPerson, kCity, kOrganization } kind;
    std::size_t index;
};

class BodyWriter {
  public:
    BodyWriter(Rng& rng, const Vocabulary& vocabulary, const Story& story)
        : rng_(rng), vocabulary_(vocabulary), story_(story) {
        // Introduce the main person and place early, the rest as the story unfolds.
        for (std::size_t i = 0; i < story.people.size(); ++i)
            pending_.push_back({Mention::Kind::kPerson, i});
        for (std::size_t i = 0; i < story.cities.size(); ++i) {
            auto at = pending_.begin() + std::min<std::size_t>(pending_.size(), 1 + 2 * i);
            pending_.insert(at, {Mention::Kind::kCity, i});
        }
        for (std::size_t i = 0; i < story.organizations.size(); ++i)
            pending_.push_back({Mention::Kind::kOrganization, i});
    }

    std::string write(BodyShape shape) {
        std::string body;
        const int per_paragraph = std::max(1, shape.words / shape.paragraphs);
        for (int p = 0; p < shape.paragraphs; ++p) {
            const bool last = p + 1 == shape.paragraphs;
            if (p > 0)
                body += '\n';
            const std::size_t start = body.size();
            if (p == 0 && !story_.cities.empty() && rng_.chance(0.5)) {
                body += story_.cities[0]->name;  // dateline
                body += " \u2014 ";
            }
            int used = 0;
            bool first_sentence = true;
            while (used < per_paragraph || (last && next_ < pending_.size())) {
                std::string sentence;
                if (next_ < pending_.size() && (first_sentence || last || rng_.chance(0.3))) {
                    introduce(pending_[next_++], sentence);
                } else if (!introduced_people_.empty() && rng_.chance(0.2)) {
                    quote(sentence);
                } else {
                    int n = rng_.between(6, 22);
                    n = std::max(4, std::min(n, per_paragraph - used));
                    running(n, sentence);
                    capitalise_at(sentence, 0);
                    sentence += '.';
                }
                used += count_words(sentence);
                if (body.size() > start && body.back() != ' ')
                    body += ' ';
                body += sentence;
                first_sentence = false;
            }
        }
        return body;
    }

  private:
    void running(int n, std::string& out) {
        append_running_text(rng_, vocabulary_, story_, n, out);
    }
    int clause_length() { return rng_.between(5, 16); }

    void introduce(const Mention& m, std::string& s) {
        switch (m.kind) {
            case Mention::Kind::kPerson:
                introduce_person(*story_.people[m.index], s);
                introduced_people_.push_back(story_.people[m.index]);
                break;
            case Mention::Kind::kCity:
                introduce_city(*story_.cities[m.index], s);
                break;
            case Mention::Kind::kOrganization:
                introduce_organization(story_.organizations[m.index], s);
                break;
        }
    }

    void introduce_person(const Person& p, std::string& s) {
        auto append_who = [&] {
            s += p.name;
            s += ", ";
            s += p.role;
            s += " at ";
            s += p.organization;
        };
        switch (rng_.below(3)) {
            case 0:
                append_who();
                s += ", said on ";
                s += story_.weekday;
                s += " that ";
                running(clause_length(), s);
                s += '.';
                break;
            case 1:
                s += '"';
                running(clause_length(), s);
                capitalise_at(s, 1);
                s += ",\" said ";
                append_who();
                s += '.';
                break;
            default:
                running(clause_length(), s);
                capitalise_at(s, 0);
                s += ", according to ";
                append_who();
                s += '.';
                break;
        }
    }

    void introduce_city(const City& c, std::string& s) {
        std::string where(c.name);
        if (c.name != c.country) {
            where += ", ";
            where += c.country;
        }
        if (rng_.chance(0.5)) {
            s += "In ";
            s += where;
            s += ", ";
            running(clause_length(), s);
        } else {
            running(clause_length(), s);
            capitalise_at(s, 0);
            s += " in ";
            s += where;
        }
        s += '.';
    }

    void introduce_organization(std::string_view org, std::string& s) {
        if (rng_.chance(0.5)) {
            s += org;
            s += " said in a statement that ";
        } else {
            s += "A spokesperson for ";
            s += org;
            s += " said ";
        }
        running(clause_length(), s);
        s += '.';
    }

    void quote(std::string& s) {
        const Person& p = *introduced_people_[rng_.below(introduced_people_.size())];
        switch (rng_.below(3)) {
            case 0:
                s += '"';
                running(clause_length(), s);
                capitalise_at(s, 1);
                s += ",\" ";
                s += p.short_name;
                s += " said.";
                break;
            case 1:
                s += p.short_name;
                s += " added that ";
                running(clause_length(), s);
                s += '.';
                break;
            default:
                s += p.short_name;
                s += " said ";
                running(clause_length(), s);
                s += '.';
                break;
        }
    }

    Rng& rng_;
    const Vocabulary& vocabulary_;
    const Story& story_;
    std::vector<Mention> pending_;
    std::size_t next_ = 0;
    std::vector<const Person*> introduced_people_;
};

}  // namespace

void append_running_text(Rng& rng, const Vocabulary& vocabulary, const Story& story, int n,
                         std::string& out) {
    const std::string* previous = nullptr;
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ' ';
        const double u = rng.unit();
        if (u < kKeywordShare && !story.keywords.empty()) {
            out += story.keywords[rng.below(story.keywords.size())];
            previous = nullptr;
        } else if (u < kKeywordShare + kNumberShare) {
            out += number_token(rng);
            previous = nullptr;
        } else {
            const std::string* word = &vocabulary.draw(rng);
            if (word == previous)  // "the the" reads as a typo, not as news
                word = &vocabulary.draw(rng);
            out += *word;
            previous = word;
        }
        if (i + 1 < n && rng.chance(kCommaShare))
            out += ',';
    }
}

std::string write_body(Rng& rng, const Vocabulary& vocabulary, const Story& story,
                       BodyShape shape) {
    return BodyWriter(rng, vocabulary, story).write(shape);
}

}  // namespace gazette::generator
