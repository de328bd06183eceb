// THE field table: for every article field, how the indexer indexes it and how the query
// parser reaches it. Both sides loop over kFields; nothing about the schema is written twice.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace gazette {

struct FieldSpec {
    std::string_view name;   // query-language prefix: `title:putin`
    std::string_view alias;  // a second name for the same prefix, or ""
    // Free-text terms (tokenised, stemmed, positional) go under this prefix; "" = none.
    std::string_view text_prefix;
    // Exact, case-folded whole values go under this boolean prefix; "" = none. Used for
    // filters: `source:"Financial Times"`, `--source reuters`.
    std::string_view filter_prefix;
    // wdf increment of the field's words under text_prefix.
    unsigned prefixed_weight;
    // wdf increment of the field's words in the unprefixed index that plain queries search;
    // 0 = a plain query does not see this field. The headline outweighs the body here.
    unsigned plain_weight;
    // Value slot holding the field's values for facets, or kSlotNone. A list field's slot
    // holds all its values (value_list.h).
    unsigned facet_slot;
    bool is_list;  // several values per article (tags, people, ...)
    // Appends the field's values for one article (a list field gives several).
    void (*collect)(const Article&, std::vector<std::string_view>&);
};

// All fields, in the order the indexer indexes them.
std::span<const FieldSpec> fields();

// The field called `name` (or by its alias), or nullptr.
const FieldSpec* find_field(std::string_view name);

// The whole-value form stored under a filter prefix and looked up by filters: Unicode
// lower case, runs of white space folded to one space, trimmed, cut to a length Xapian's
// term limit allows. Indexer and searcher both call this, so they always agree.
std::string fold_filter_value(std::string_view value);

// The term a filter value becomes: filter prefix + folded value.
std::string filter_term(const FieldSpec& field, std::string_view value);

// Prefixes that are not fields of the table but fixed by the schema.
inline constexpr std::string_view kIdPrefix = "Q";    // unique id term
inline constexpr std::string_view kDatePrefix = "D";  // YYYYMMDD
inline constexpr std::string_view kDateFieldName = "date";

// The Q term of an id. Ids longer than Xapian's term limit allows are shortened with a hash
// of the whole id, so two long ids never share a term.
std::string id_term(std::string_view id);

}  // namespace gazette
