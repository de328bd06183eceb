// The database schema: what a Gazette database holds and what its folder is made of, written
// once for the indexer, which writes it, and the searcher and alerts, which read it.
//
// Term prefixes. The field table (fields.cc) generates the field prefixes; the others are
// fixed here. No prefix is a prefix of another (tests/unit/common_test.cc checks), so terms
// of two prefixes never mix.
//   (none)  title and body words, positional, the title's at a higher wdf (fields.cc)
//   Z       Xapian's mark of a stemmed term: Zword, ZSword, ZXTPword (not ours to choose)
//   S       title words                    A      author words
//   XTP     people words                   XP     people, whole values (boolean, folded)
//   XTG     places words                   XG     places, whole values (boolean, folded)
//   XTO     organisations words            XO     organisations, whole values (boolean, folded)
//   XAU     authors, whole values (boolean, folded)
//   XSRC    source (boolean, folded)       XSEC   section (boolean, folded)
//   K       tags (boolean, folded)         XLANG  language code (boolean)
//   XURL    url (boolean, folded)
//   XF      folded name key of a title, body, people, places or organisations word
//           (common/text/name_folding.h): "zelensky" for Zelenskyy, Зеленський, ...
//   Q       the article's unique id (fields.h: id_term)
//   D       the date as YYYYMMDD (boolean)
// "Folded" whole values are fold_filter_value's form: lower case, white space collapsed.
//
// Values: slots.h, one enum with the encoding of each: the date (sortable), the id, the facet
// values of source, section, language, year, month and the list fields, the day of the recency
// boost, the near-duplicate key, and two sort keys (newest first, oldest first).
//
// Document data: the article as a JSON object (article_json.h), the record of
// docs/article-format.md; stored_article reads it back.
//
// Metadata: every key below starts with "gazette:"; kSchemaVersionKey holds kSchemaVersion,
// and a searcher refuses a database of another version.
#pragma once

#include <array>
#include <string_view>

namespace gazette {

inline constexpr int kSchemaVersion = 1;

// Term prefixes that are not fields of the table.
inline constexpr std::string_view kStemmedPrefix = "Z";  // Xapian's, before a stemmed term
inline constexpr std::string_view kFoldedPrefix = "XF";  // folded name keys
inline constexpr std::string_view kIdPrefix = "Q";       // unique id term
inline constexpr std::string_view kDatePrefix = "D";     // YYYYMMDD
// The near-duplicate key (indexer/duplicate_key.h): "XDK" + key on every article with one,
// so that its copies are a posting list, and "XDK" alone, so that its term frequency says how
// many articles carry key terms (a database indexed before they existed has none).
inline constexpr std::string_view kDuplicateKeyPrefix = "XDK";
inline constexpr std::array kFixedPrefixes = {kStemmedPrefix, kFoldedPrefix, kIdPrefix, kDatePrefix,
                                              kDuplicateKeyPrefix};

// Metadata keys.
inline constexpr const char* kSchemaVersionKey = "gazette:schema-version";
// Set in the commit that added a shard's vocabulary to its spelling data
// (indexer/bulk/vocabulary_spelling.h).
inline constexpr const char* kSpellingAddedKey = "gazette:spelling-added";
// A writer's run position, committed with every batch (indexer/bulk/run_progress.h).
inline constexpr const char* kProgressKey = "gazette:progress";
// The sources a consolidated segment replaced (indexer/bulk/segment_consolidation.h).
inline constexpr const char* kConsolidatedFromKey = "gazette:consolidated-from";
// + absolute path of an input file: its size, time and hash for --update (file_state.h).
inline constexpr const char* kFileStatePrefix = "gazette:file:";
// + "<alert name>\x1f<id>": the alert fired (alerts/alert_run.h).
inline constexpr const char* kAlertedPrefix = "gazette:alerted:";
// + "<alert name>\x1f<id>": an alert line committed but not yet known to be emitted.
inline constexpr const char* kAlertOutboxPrefix = "gazette:alert-outbox:";
inline constexpr std::array kMetadataKeys = {
    kSchemaVersionKey, kSpellingAddedKey, kProgressKey,      kConsolidatedFromKey,
    kFileStatePrefix,  kAlertedPrefix,    kAlertOutboxPrefix};

// The folder of a sharded database (indexer/bulk/sharded_database.h, docs/scale-out.md):
// DB/XAPIANDB     Xapian's stub file listing the shards, so DB opens as one database
// DB/SHARD-BY     the partition scheme, "hash" or "year" (indexer/bulk/shard_scheme.h)
// DB/lexicon/     the shards' spelling data merged: suggestions for remote shards
// DB/shard-N      the shards of the hash scheme, N from 0
// DB/1987, ...    the shards of the year scheme, and DB/undated for articles without a date
inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kSchemeFile = "SHARD-BY";
inline constexpr const char* kLexiconFolder = "lexicon";
inline constexpr const char* kHashShardPrefix = "shard-";
inline constexpr const char* kUndatedShard = "undated";

}  // namespace gazette
