#include "searcher/engine/score_explanation.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "common/errors.h"
#include "common/fields.h"
#include "common/schema.h"
#include "common/slots.h"
#include "searcher/engine/duplicates.h"
#include "searcher/engine/result_order.h"

namespace gazette {
namespace {

// A residual this small (relative to the score) is rounding in the sums, not a part.
constexpr double kResidualTolerance = 1e-9;

// The weights of queries on one article: each query runs restricted to the article (OP_FILTER
// with its id term, which adds no weight), with the search's weighting scheme.
class ArticleWeights {
  public:
    ArticleWeights(const Xapian::Database& db, const Xapian::Weight& weighting, std::string id)
        : enquire_(db), id_(std::move(id)) {
        enquire_.set_weighting_scheme(weighting);
    }
    // The article's weight under `query`, or nullopt when the article does not match it.
    std::optional<double> of(const Xapian::Query& query) {
        if (query.empty())
            return std::nullopt;
        enquire_.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(id_)));
        Xapian::MSet mset = enquire_.get_mset(0, 1);
        if (mset.empty())
            return std::nullopt;
        return mset.begin().get_weight();
    }
    bool matches(const Xapian::Query& query) { return of(query).has_value(); }

  private:
    Xapian::Enquire enquire_;
    std::string id_;  // the article's id term
};

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// The fields whose words plain (unprefixed) query words search, from the field table.
std::string plain_fields() {
    std::string out;
    for (const FieldSpec& f : fields()) {
        if (f.plain_weight > 0)
            out += (out.empty() ? "" : "+") + std::string(f.name);
    }
    return out;
}

// An index term as a reader knows it: the word or stem without its prefix, and its field.
std::pair<std::string, std::string> readable_term(const std::string& term) {
    std::string_view rest = term;
    if (rest.size() > 1 && rest.substr(0, kStemmedPrefix.size()) == kStemmedPrefix)
        rest.remove_prefix(kStemmedPrefix.size());
    if (rest.empty() || !is_upper(rest[0]))
        return {std::string(rest), plain_fields()};
    if (rest.substr(0, kFoldedPrefix.size()) == kFoldedPrefix)
        return {std::string(rest.substr(kFoldedPrefix.size())), "folded names"};
    // No prefix is a prefix of another (schema.h), so the first that fits is the one.
    for (const FieldSpec& f : fields()) {
        for (std::string_view prefix : {f.text_prefix, f.filter_prefix}) {
            if (!prefix.empty() && rest.substr(0, prefix.size()) == prefix)
                return {std::string(rest.substr(prefix.size())), std::string(f.name)};
        }
    }
    return {std::string(rest), ""};
}

std::vector<std::string> terms_of(const Xapian::Query& q) {
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

// The words of the proximity boost (OP_SCALE_WEIGHT of OP_NEAR) as the query has them: the
// term iterators give them sorted, since NEAR's words carry no query positions.
std::string words_in_order(Xapian::Query q) {
    while (q.get_num_subqueries() == 1)
        q = q.get_subquery(0);
    std::string words;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query word = q.get_subquery(i);
        if (word.get_type() == Xapian::Query::LEAF_TERM)
            words += (words.empty() ? "" : " ") + *word.get_terms_begin();
    }
    return words;
}

// The pattern of an OP_WILDCARD: Xapian 1.4 has no accessor for it, but its description is
// "Query(WILDCARD <combining operator> <pattern>)", and patterns hold no spaces.
std::string wildcard_pattern(const Xapian::Query& q) {
    std::string text = q.get_description();
    if (!text.empty() && text.back() == ')')
        text.pop_back();
    auto space = text.rfind(' ');
    return space == std::string::npos ? text : text.substr(space + 1);
}

// Walks a stage's query down to the parts of the article's weight (the file comment of
// score_explanation.h says which operators add up).
class Attribution {
  public:
    // What an OP_SCALE_WEIGHT stands for in the query being walked.
    enum class Scaled { kTypo, kTerm, kExpansion };

    Attribution(ArticleWeights& weights, const QueryStages& stages, const Xapian::Stem& stemmer,
                std::vector<ScorePart>& parts)
        : weights_(weights), stages_(stages), stemmer_(stemmer), parts_(parts) {}

    void walk(const Xapian::Query& q, Scaled scaled) {
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM:
                return add_word(q, ScorePartKind::kTerm);
            case Xapian::Query::OP_SYNONYM:
                return add_synonym(q);
            case Xapian::Query::OP_SCALE_WEIGHT:
                return add_scaled(q, scaled);
            case Xapian::Query::OP_WILDCARD: {
                // Its terms, the pattern's expansion, are one word to BM25 (a synonym).
                auto [word, field] = readable_term(wildcard_pattern(q));
                return add_whole(q, ScorePartKind::kTerm, word + "*", field);
            }
            case Xapian::Query::OP_OR:
                break;  // each subquery that matches adds its weight, whatever the others do
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_XOR:
            case Xapian::Query::OP_PHRASE:
            case Xapian::Query::OP_NEAR:
            case Xapian::Query::OP_AND_NOT:
            case Xapian::Query::OP_FILTER:
                // Their subqueries add their weights only where the whole matches: a phrase's
                // words weigh nothing in an article where they are not a phrase.
                if (!weights_.matches(q))
                    return;
                break;
            default:
                return add_whole(q, ScorePartKind::kOther, q.get_description());
        }
        std::size_t weighed = q.get_num_subqueries();
        auto op = q.get_type();
        if (op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_FILTER)
            weighed = std::min<std::size_t>(weighed, 1);  // the right sides weigh nothing
        for (std::size_t i = 0; i < weighed; ++i)
            walk(q.get_subquery(i), scaled);
    }

    // A subquery counted as one part.
    void add_whole(const Xapian::Query& q, ScorePartKind kind, std::string term = {},
                   std::string field = {}, std::vector<std::string> to = {}) {
        std::optional<double> w = weights_.of(q);
        if (!w || *w == 0)
            return;
        parts_.push_back({kind, std::move(term), std::move(field), std::move(to), *w});
    }

  private:
    void add_word(const Xapian::Query& q, ScorePartKind kind) {
        auto [word, field] = readable_term(*q.get_terms_begin());
        add_whole(q, kind, word, field);
    }

    // Name variants: the typed word and its variants are one word to BM25. The part is the
    // word's when the article holds none of the variants.
    void add_synonym(const Xapian::Query& q) {
        std::vector<std::string> members = terms_of(q);
        std::string typed =
            q.get_num_subqueries() > 0 && q.get_subquery(0).get_type() == Xapian::Query::LEAF_TERM
                ? *q.get_subquery(0).get_terms_begin()
                : members.front();
        std::vector<std::string> held;
        for (const std::string& t : members) {
            if (t != typed && weights_.matches(Xapian::Query(t)))
                held.push_back(readable_term(t).first);
        }
        auto [word, field] = readable_term(typed);
        add_whole(q, held.empty() ? ScorePartKind::kTerm : ScorePartKind::kNameVariant, word, field,
                  held);
    }

    void add_scaled(const Xapian::Query& q, Scaled scaled) {
        std::vector<std::string> terms = terms_of(q);
        if (scaled == Scaled::kTypo)
            return add_typo(q, terms);
        auto kind = scaled == Scaled::kExpansion ? ScorePartKind::kExpansion : ScorePartKind::kTerm;
        if (terms.size() == 1) {
            auto [word, field] = readable_term(terms.front());
            return add_whole(q, kind, word, field);
        }
        add_whole(q, ScorePartKind::kOther, q.get_description());
    }

    // OP_SCALE_WEIGHT(neighbours) of a widened word: named by the word as typed and the
    // neighbours the article holds, as words where the widening says which word a term is.
    void add_typo(const Xapian::Query& q, const std::vector<std::string>& terms) {
        std::string typed;
        std::vector<std::string> held;
        for (const std::string& t : terms) {
            if (!weights_.matches(Xapian::Query(t)))
                continue;
            std::string shown = readable_term(t).first;
            for (const TypoCorrection& c : stages_.typo_corrections) {
                for (const std::string& n : c.to) {
                    if (t == n || t == std::string(kStemmedPrefix) + stemmer_(n)) {
                        typed = c.term;
                        shown = n;
                    }
                }
            }
            held.push_back(shown);
        }
        std::string field = terms.empty() ? "" : readable_term(terms.front()).second;
        add_whole(q, ScorePartKind::kTypo, typed, field, held);
    }

    ArticleWeights& weights_;
    const QueryStages& stages_;
    const Xapian::Stem& stemmer_;
    std::vector<ScorePart>& parts_;
};

// Where the article is in the results the search shows: its own rank, or the rank of the
// result it was folded into as a near-duplicate.
void find_rank(const Xapian::Database& db, const Xapian::Weight& weighting,
               const QueryStages& stages, const SearchRequest& request, Xapian::docid docid,
               ScoreExplanation& out) {
    Xapian::Enquire enquire(db);
    enquire.set_query(stages.full);
    enquire.set_weighting_scheme(weighting);
    apply_collapse(enquire, request);
    apply_result_order(enquire, request.sort);
    out.depth = std::max<Xapian::doccount>(kExplainRankDepth, request.offset + request.limit);
    Xapian::MSet mset = enquire.get_mset(0, out.depth);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (*it == docid) {
            out.rank = it.get_rank() + 1;
            return;
        }
    }
    if (!collapses(request))
        return;
    std::string key = db.get_document(docid).get_value(kSlotDuplicateKey);
    if (key.empty())
        return;  // never collapsed
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (it.get_collapse_key() == key) {
            out.rank = it.get_rank() + 1;
            out.duplicate_of = it.get_document().get_value(kSlotId);
            return;
        }
    }
}

}  // namespace

std::string_view score_part_kind_name(ScorePartKind kind) {
    switch (kind) {
        case ScorePartKind::kTerm:
            return "term";
        case ScorePartKind::kTypo:
            return "typo";
        case ScorePartKind::kNameVariant:
            return "name_variant";
        case ScorePartKind::kProximity:
            return "proximity";
        case ScorePartKind::kExpansion:
            return "expansion";
        case ScorePartKind::kRecency:
            return "recency";
        case ScorePartKind::kOther:
            return "other";
    }
    return "other";
}

ScoreExplanation explain_score(const ExplainSources& sources, const QueryStages& stages,
                               const SearchRequest& request) {
    ScoreExplanation out;
    out.id = request.explain_score;
    const std::string id = id_term(request.explain_score);
    Xapian::PostingIterator post = sources.db.postlist_begin(id);
    if (post == sources.db.postlist_end(id)) {
        throw UsageError("no article with id \"" + request.explain_score +
                         "\" (--explain-score needs the id of an indexed article)");
    }
    Xapian::docid docid = *post;
    ArticleWeights weights(sources.db, sources.weighting, id);
    std::optional<double> score = weights.of(stages.full);
    if (!score)
        return out;  // does not match: no rank, no parts
    out.matches = true;
    out.score = *score;
    find_rank(sources.db, sources.weighting, stages, request, docid, out);

    // The article matches the whole query, so it matches the left side of every AND_MAYBE
    // and each stage's right side adds its own weight.
    Attribution attribution(weights, stages, sources.stemmer, out.parts);
    using Scaled = Attribution::Scaled;
    attribution.walk(stages.words, stages.related ? Scaled::kTerm : Scaled::kTypo);
    attribution.add_whole(stages.proximity, ScorePartKind::kProximity,
                          words_in_order(stages.proximity));
    attribution.walk(stages.expansion, Scaled::kExpansion);
    attribution.add_whole(stages.recency, ScorePartKind::kRecency);

    double sum = 0;
    for (const ScorePart& p : out.parts)
        sum += p.weight;
    double residual = out.score - sum;
    if (std::abs(residual) > kResidualTolerance * std::abs(out.score))
        out.parts.push_back({ScorePartKind::kOther, "unattributed", "", {}, residual});
    return out;
}

}  // namespace gazette
