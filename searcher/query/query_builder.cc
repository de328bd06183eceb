#include "searcher/query/query_builder.h"

#include "common/errors.h"
#include "common/fields.h"
#include "common/language.h"
#include "common/text/stopwords.h"
#include "searcher/query/cached_stemmer.h"
#include "searcher/query/date_range_processor.h"
#include "searcher/query/dotted_acronyms.h"
#include "searcher/query/name_variant_expansion.h"
#include "searcher/query/spelling_correction.h"

namespace gazette {
namespace {

// Whole-value fields (`source:"Financial Times"`) are matched case-insensitively: the value
// is folded exactly as the indexer folded it before it becomes a term.
class FoldingFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit FoldingFieldProcessor(const FieldSpec& field) : field_(field) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(filter_term(field_, value));
    }

  private:
    const FieldSpec& field_;
};

// `id:reuters:42`: ids are exact, not folded.
class IdFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(id_term(value));
    }
};

// No FLAG_SPELLING_CORRECTION: it costs ~0.5 ms per query and corrects words the index holds;
// searcher/query/spelling_correction.h does it only for unknown words.
constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_CJK_NGRAM;  // as the indexer splits CJK text

void add_field_prefix(Xapian::QueryParser& parser, const std::string& name,
                      const FieldSpec& field) {
    if (!field.text_prefix.empty()) {
        parser.add_prefix(name, std::string(field.text_prefix));
    } else if (!field.filter_prefix.empty()) {
        // One grouping per field, whichever name is typed: `tag:a topic:b` is an OR, as
        // `tag:a tag:b` is. (Xapian copies the string.)
        const std::string grouping(field.name);
        parser.add_boolean_prefix(name, (new FoldingFieldProcessor(field))->release(), &grouping);
    }
}

}  // namespace

QueryBuilder::QueryBuilder(const QueryDatabases& databases, const QueryOptions& options)
    : ranges_(std::make_shared<ValueRanges>()),
      stopper_(make_english_stopper()),
      db_(databases.terms),
      folder_(options.name_variants ? std::make_unique<NameFolder>() : nullptr),
      spelling_(options.spelling && databases.spelling.has_value()),
      typos_(options.typos && databases.spelling.has_value()),
      typo_weight_(options.typo_weight),
      remote_shards_(databases.remote),
      spelling_db_(databases.spelling.value_or(databases.terms)) {
    std::string stemmer_name = stemmer_name_for(options.stem_language);
    if (!stemmer_name.empty()) {
        stemmer_ = cached_stemmer(Xapian::Stem(stemmer_name));
        stem_language_ = options.stem_language;
    }
    parser_.set_database(spelling_db_);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (options.stem_language == "en")
        parser_.set_stopper(stopper_.get());
    parser_.set_default_op(options.default_op);
    parser_.set_max_expansion(options.max_wildcard_expansion,
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    // One loop over the field table gives the query language every field prefix, under the
    // field's name and its aliases.
    for (const FieldSpec& field : fields()) {
        add_field_prefix(parser_, std::string(field.name), field);
        for (std::string_view alias : field.aliases) {
            if (!alias.empty())
                add_field_prefix(parser_, std::string(alias), field);
        }
    }
    parser_.add_boolean_prefix(std::string(kIdFieldName), (new IdFieldProcessor)->release());
    parser_.add_rangeprocessor((new DateRangeProcessor(ranges_))->release());
}

QueryBuilder::~QueryBuilder() = default;

ParsedQuery QueryBuilder::parse(const std::string& text, bool typos_wanted) const {
    ParsedQuery out;
    ranges_->clear();
    try {
        unsigned flags = kParseFlags;
        if (!spelling_)
            flags &= ~Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        out.query = with_dotted_acronyms(parser_.parse_query(text, flags));
    } catch (const Xapian::QueryParserError& e) {
        throw UsageError("query syntax error: " + e.get_msg());
    }
    // All three steps look up the frequency of each query word (and its folded forms), once
    // each, and over remote shards in one batch instead of a round trip per term and shard.
    const bool typos = typos_ && typos_wanted;
    TermFrequencies freqs(db_, remote_shards_);
    if (remote_shards_) {
        std::vector<std::string> wanted;
        if (folder_)
            wanted = name_variant_candidates(out.query, parser_, *folder_);
        if (spelling_) {
            for (auto& word : correctable_words(text))
                wanted.push_back(std::move(word.folded));
        }
        if (typos) {
            for (auto& word : typo_candidates(out.query, parser_))
                wanted.push_back(std::move(word));
        }
        freqs.prefetch(wanted);
    }
    // Before name variants, which keep the scaled neighbours whole: a corrected word is not
    // folded again.
    if (typos) {
        WidenedQuery widened = widen_typos(
            out.query, TypoSources{freqs, spelling_db_, parser_, stemmer_}, {}, typo_weight_);
        out.query = std::move(widened.query);
        out.typo_corrections = std::move(widened.corrections);
    }
    if (folder_)
        out.query = expand_name_variants(out.query, parser_, freqs, *folder_);
    // Only words the index lacks are looked up, so most queries pay nothing for this.
    if (spelling_)
        out.corrected = spelling_correction(freqs, spelling_db_, text);
    return out;
}

}  // namespace gazette
