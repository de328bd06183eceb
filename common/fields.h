// THE field table: for every article field, its name, how the indexer indexes it and how the
// searcher reaches it. Both sides loop over fields(); nothing about a field is written twice.
//
// One name per field. A field's name is its key in the article record (docs/article-format.md:
// "people", "organizations", ...), and the same word is its query prefix (`people:putin`), its
// filter (--people, people=), its facet and its key in facet results. The record's names came
// first and are a documented input format (docs/article-format.md), so they are the names. The
// words the query language and the filters offered before (`person:`, `org:`, `tag:`, `lang:`,
// ...) are aliases: accepted wherever a name is typed (query prefixes, filters, facet lists,
// HTTP and --jsonl keys), never written out. The record itself is read by name only.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/schema.h"
#include "common/slots.h"

namespace gazette {

// What a field does beyond its prefixes and slot.
enum FieldFlag : unsigned {
    // Its words also get folded name keys (kFoldedPrefix, common/text/name_folding.h), so that
    // `people:zelensky` finds Zelenskyy. (Title and body words, indexed unprefixed, get them
    // too: indexer/folded_terms.cc.)
    kFieldFoldsNames = 1u << 0,
    // Offered as a filter: --NAME on the command line, NAME= over HTTP and in --jsonl objects.
    kFieldFilterOption = 1u << 1,
};

struct FieldSpec {
    std::string_view name;                    // the one name (see the top of this file)
    std::array<std::string_view, 2> aliases;  // other names a user may type, or ""
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
    // Value slot holding the field's values for facets, or kSlotNone (then it is no facet). A
    // list field's slot holds all its values (value_list.h).
    unsigned facet_slot;
    unsigned flags;  // FieldFlag bits
    // Where the article keeps the field: one of the two is set.
    std::string Article::*text;               // a single value (title, source, ...)
    std::vector<std::string> Article::*list;  // several values (tags, people, ...)

    bool is_list() const { return list != nullptr; }
    bool is_facet() const { return facet_slot != kSlotNone; }
    bool has(FieldFlag flag) const { return (flags & flag) != 0; }
    // True for the field's name and its aliases.
    bool is_called(std::string_view word) const;
    // Appends the field's non-empty values for one article (a list field gives several).
    void collect(const Article& article, std::vector<std::string_view>& out) const;
};

// All fields, in the order the indexer indexes them.
std::span<const FieldSpec> fields();

// The field called `name` (or by an alias), or nullptr.
const FieldSpec* find_field(std::string_view name);

// The field that holds an article member, for code that needs one particular field (the
// title's prefix for completions, the language filter for stemming) without naming it again.
const FieldSpec& field_of(std::string Article::*text);
const FieldSpec& field_of(std::vector<std::string> Article::*list);

// Names in the record and the query language that are not fields of the table: the id
// (`id:reuters:42`, Q terms) and the date (`date:2025-01..2025-02`, D terms and the date slot).
inline constexpr std::string_view kIdFieldName = "id";
inline constexpr std::string_view kDateFieldName = "date";
// And the version of a story that has revisions (Article::version): not searchable, only
// compared when an id is indexed again.
inline constexpr std::string_view kVersionFieldName = "version";

// A date bucket: a facet over the article's date, whose value the indexer writes into `slot`
// from the date (`format` of its timestamp), not from a field.
struct DateBucket {
    std::string_view name;
    unsigned slot;
    std::string (*format)(double timestamp);
};

// year ("1987") and month ("1987-10").
std::span<const DateBucket> date_buckets();

// What the facet code needs of a facet: every field with a facet slot, then the date buckets.
struct FacetSpec {
    std::string_view name;
    unsigned slot;
    bool is_list;  // the slot holds a value list (value_list.h), counted value by value
};

std::span<const FacetSpec> facets();

// The facet called `name` (or by an alias of its field), or nullptr.
const FacetSpec* find_facet(std::string_view name);

// The whole-value form stored under a filter prefix and looked up by filters: Unicode
// lower case, runs of white space folded to one space, trimmed, cut to a length Xapian's
// term limit allows. Indexer and searcher both call this, so they always agree.
std::string fold_filter_value(std::string_view value);

// The term a filter value becomes: filter prefix + folded value.
std::string filter_term(const FieldSpec& field, std::string_view value);

// The Q term of an id. Ids longer than Xapian's term limit allows are shortened with a hash
// of the whole id, so two long ids never share a term.
std::string id_term(std::string_view id);

}  // namespace gazette
