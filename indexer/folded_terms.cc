#include "indexer/folded_terms.h"

#include <map>
#include <string>
#include <string_view>

#include "common/fields.h"
#include "common/schema.h"

namespace gazette {
namespace {

// The prefixes whose words get keys: "" holds title and body words (the title's at its
// higher weight, so its "S" terms would count it twice), the others are the fields flagged
// kFieldFoldsNames (people, places, organizations).
bool source_word(std::string_view term, std::string_view& word) {
    std::size_t upper = 0;
    while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z')
        ++upper;
    std::string_view prefix = term.substr(0, upper);
    for (const FieldSpec& f : fields()) {
        bool names = f.has(kFieldFoldsNames);
        if (prefix.empty() ? f.plain_weight > 0 : (names && f.text_prefix == prefix)) {
            word = term.substr(upper);
            return !word.empty();
        }
    }
    return false;
}

}  // namespace

void add_folded_terms(Xapian::Document& doc, NameFolder& folder) {
    // Collected first: a document's term list must not change while it is being walked.
    std::map<std::string, Xapian::termcount> keys;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        std::string term = *it;
        std::string_view word;
        if (!source_word(term, word))
            continue;
        for (const std::string& key : folder.fold(word)) {
            if (key != word)
                keys[std::string(kFoldedPrefix) + key] += it.get_wdf();
        }
    }
    for (const auto& [term, wdf] : keys)
        doc.add_term(term, wdf);
}

}  // namespace gazette
