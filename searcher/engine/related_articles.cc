#include "searcher/engine/related_articles.h"

#include "common/errors.h"
#include "common/fields.h"
#include "common/slots.h"
#include "common/text/stopwords.h"

#include <memory>

namespace gazette {

bool is_expansion_term(const std::string& term) {
    if (term.empty())
        return false;
    std::string word = term;
    if (term[0] == 'S') {
        word = term.substr(1);  // a headline word
    } else if (term[0] >= 'A' && term[0] <= 'Z') {
        return false;  // stemmed (Z) or another prefix
    }
    if (word.size() < 2)
        return false;
    unsigned char first = static_cast<unsigned char>(word[0]);
    if (first >= 'A' && first <= 'Z')
        return false;  // SZ..., or S followed by a prefix
    bool has_letter = false;
    for (unsigned char c : word)
        has_letter = has_letter || (!(c >= '0' && c <= '9') && c != '.' && c != ',');
    // Immutable once made (thread-safe initialisation); every searcher thread shares it.
    static const std::unique_ptr<Xapian::Stopper> stopper = make_english_stopper();
    return has_letter && !(*stopper)(word);
}

RelatedQuery related_query(const Xapian::Database& db, const std::string& id) {
    Xapian::PostingIterator post = db.postlist_begin(id_term(id));
    if (post == db.postlist_end(id_term(id))) {
        throw UsageError("no article with id \"" + id +
                         "\" (--like needs the id of an indexed article)");
    }
    Xapian::docid docid = *post;
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    ExpansionTermDecider decider;
    // Exact term frequencies: by default Xapian scales up the frequencies of the shard holding
    // the article, so a sharded archive would pick other terms than one database would.
    Xapian::ESet eset =
        enquire.get_eset(kRelatedTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);

    RelatedQuery out;
    std::vector<Xapian::Query> parts;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        out.terms.push_back({*it, it.get_weight()});
        // Each word counts as much as it tells this article apart, not just by its BM25.
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                           it.get_weight() / eset.begin().get_weight());
    }
    out.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    // Not the article itself, nor its near-duplicates: a copy of the story is not a related one.
    Xapian::Query exclude(id_term(id));
    std::string key = db.get_document(docid).get_value(kSlotDuplicateKey);
    if (!key.empty()) {
        exclude = Xapian::Query(
            Xapian::Query::OP_OR, exclude,
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDuplicateKey, key, key));
    }
    if (!out.query.empty())
        out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, out.query, exclude);
    return out;
}

}  // namespace gazette
