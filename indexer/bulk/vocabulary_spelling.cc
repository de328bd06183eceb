#include "indexer/bulk/vocabulary_spelling.h"

#include <string>

namespace gazette {
namespace {

// Words longer than this are URLs, codes or glued text: no use as suggestions.
constexpr std::size_t kMaxSpellingWordBytes = 40;

bool is_spelling_word(const std::string& term) {
    if (term.empty() || term.size() > kMaxSpellingWordBytes)
        return false;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z')
        return false;  // a prefixed term
    if (first >= '0' && first <= '9')
        return false;
    return true;
}

}  // namespace

void add_spelling_from_vocabulary(Xapian::WritableDatabase& db) {
    if (!db.get_metadata(kSpellingAddedKey).empty())
        return;
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        const std::string& term = *it;
        if (is_spelling_word(term)) {
            db.add_spelling(term, static_cast<Xapian::termcount>(db.get_collection_freq(term)));
        }
    }
    db.set_metadata(kSpellingAddedKey, "1");
}

}  // namespace gazette
