#include "indexer/document_builder.h"

#include <vector>

#include "common/article_json.h"
#include "common/date.h"
#include "common/fields.h"
#include "common/language.h"
#include "common/slots.h"
#include "common/sort_keys.h"
#include "common/text/identity_stem.h"
#include "common/value_list.h"
#include "indexer/duplicate_key.h"
#include "indexer/folded_terms.h"

namespace gazette {
namespace {

// The gap left between fields (and between values of a list field) so that a phrase or
// NEAR query never matches across them.
constexpr Xapian::termpos kFieldGap = 100;

}  // namespace

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase* spelling_db) {
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // Chinese, Japanese and Korean run words together: without n-grams a whole sentence
    // would be one term. The query parser splits CJK the same way.
    Xapian::TermGenerator::flags flags = Xapian::TermGenerator::FLAG_CJK_NGRAM;
    if (spelling_db) {
        generator_.set_database(*spelling_db);
        flags |= Xapian::TermGenerator::FLAG_SPELLING;
    }
    generator_.set_flags(flags);
    // Xapian skips words over 64 bytes: 21 letters of Georgian, Malayalam or Khmer, where
    // such words are common. 160 bytes still leaves room for a prefix under the term limit.
    generator_.set_max_word_length(160);
}

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language) {
    auto it = stemmers_.find(language);
    if (it == stemmers_.end()) {
        std::string name = stemmer_name_for(language);
        it = stemmers_.emplace(language, name.empty() ? identity_stem() : Xapian::Stem(name)).first;
    }
    return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.set_stemmer(stemmer_for(article.language));

    std::vector<std::string_view> values;
    for (const FieldSpec& field : fields()) {
        values.clear();
        field.collect(article, values);
        for (std::string_view value : values) {
            std::string text(value);
            if (field.plain_weight > 0) {
                generator_.index_text(text, field.plain_weight);
                generator_.increase_termpos(kFieldGap);
            }
            if (!field.text_prefix.empty()) {
                generator_.index_text(text, field.prefixed_weight, std::string(field.text_prefix));
                generator_.increase_termpos(kFieldGap);
            }
            if (!field.filter_prefix.empty())
                doc.add_boolean_term(filter_term(field, value));
        }
        if (field.is_facet() && !values.empty()) {
            doc.add_value(field.facet_slot, field.is_list() ? encode_value_list(values)
                                                            : std::string(values.front()));
        }
    }

    add_folded_terms(doc, folder_);
    doc.add_boolean_term(id_term(article.id));
    doc.add_value(kSlotId, article.id);
    if (article.timestamp) {
        double t = *article.timestamp;
        std::string date_term(kDatePrefix);
        date_term += format_compact_date(t);  // (not `+`: GCC 12 warns falsely, -Wrestrict)
        doc.add_boolean_term(date_term);
        doc.add_value(kSlotDate, Xapian::sortable_serialise(t));
        for (const DateBucket& bucket : date_buckets())
            doc.add_value(bucket.slot, bucket.format(t));
        doc.add_value(kSlotDay, format_compact_date(t));
    }
    if (std::string key = duplicate_key(article); !key.empty()) {
        doc.add_value(kSlotDuplicateKey, key);
        doc.add_boolean_term(std::string(kDuplicateKeyPrefix) + key);
        doc.add_boolean_term(std::string(kDuplicateKeyPrefix));
    }
    doc.add_value(kSlotNewestFirst, newest_first_key(article.timestamp, article.id));
    doc.add_value(kSlotOldestFirst, oldest_first_key(article.timestamp, article.id));
    if (article.version > 0)
        doc.add_value(kSlotVersion,
                      Xapian::sortable_serialise(static_cast<double>(article.version)));
    doc.set_data(article_to_json(article));
    return doc;
}

}  // namespace gazette
