// The shared contract: dates, UTF-8 and ASCII helpers, the field table, the schema's
// prefixes, keys and names, filter folding, id terms, the JSON record.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "common/article_json.h"
#include "common/cli/program_options.h"
#include "common/date.h"
#include "common/errors.h"
#include "common/fields.h"
#include "common/hash.h"
#include "common/schema.h"
#include "common/slots.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {

TEST(Date, ParsesPlainDates) {
    auto d = parse_iso_datetime("2025-02-12");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->normalized, "2025-02-12");
    EXPECT_EQ(d->timestamp, 1739318400.0);
}

TEST(Date, ParsesDateTimesWithZonesIntoUtc) {
    struct Case {
        const char* text;
        const char* normalized;
    };
    const Case cases[] = {
        {"2025-02-12T14:30:00Z", "2025-02-12T14:30:00Z"},
        {"2025-02-12T14:30Z", "2025-02-12T14:30:00Z"},
        {"2025-02-12 14:30", "2025-02-12T14:30:00Z"},
        {"2025-02-12T14:30:00.123+01:00", "2025-02-12T13:30:00Z"},
        {"2024-12-31T23:30:00-02:00", "2025-01-01T01:30:00Z"},
        {"2025-02-12T00:15:00+0100", "2025-02-11T23:15:00Z"},
        {"1987-02-26T15:01:01.79Z", "1987-02-26T15:01:01Z"},
    };
    for (const auto& c : cases) {
        auto d = parse_iso_datetime(c.text);
        ASSERT_TRUE(d) << c.text;
        EXPECT_EQ(d->normalized, c.normalized) << c.text;
    }
}

TEST(Date, RejectsWhatIsNotADate) {
    for (const char* text : {"", "2025", "2025-02", "2025-13-01", "2025-02-30", "2023-02-29",
                             "12/02/2025", "2025-02-12T25:00", "2025-02-12T10:00+", "2025-02-12X",
                             "yesterday", "2025-02-12T10:00:00Zjunk"}) {
        EXPECT_FALSE(parse_iso_datetime(text)) << text;
    }
    EXPECT_TRUE(parse_iso_datetime("2024-02-29"));  // leap day
}

TEST(Date, BoundsCoverTheirWholePeriod) {
    EXPECT_EQ(*parse_date_bound("2024", false), *parse_date_bound("2024-01-01", false));
    EXPECT_EQ(*parse_date_bound("2024", true), *parse_date_bound("2025-01-01", false) - 1);
    EXPECT_EQ(*parse_date_bound("2024-02", true), *parse_date_bound("2024-03-01", false) - 1);
    EXPECT_EQ(*parse_date_bound("2024-02-28", true), *parse_date_bound("2024-02-29", false) - 1);
    EXPECT_FALSE(parse_date_bound("2024-00", false));
    EXPECT_FALSE(parse_date_bound("20x4", false));
    EXPECT_FALSE(parse_date_bound("2024-02-30", true));
}

TEST(Date, FormatsRoundTrip) {
    double t = parse_iso_datetime("1987-10-20T23:59:59Z")->timestamp;
    EXPECT_EQ(format_iso_date(t), "1987-10-20");
    EXPECT_EQ(format_compact_date(t), "19871020");
    EXPECT_EQ(format_year(t), "1987");
    EXPECT_EQ(format_year_month(t), "1987-10");
    EXPECT_EQ(format_iso_date(parse_iso_datetime("1969-12-31")->timestamp), "1969-12-31");
}

TEST(Date, TextsArePaddedAsPrintfPadsThem) {
    auto printed = [](const char* format, auto... values) {
        char buf[64];
        std::snprintf(buf, sizeof buf, format, values...);
        return std::string(buf);
    };
    for (CivilDate d :
         {CivilDate{1987, 3, 9}, CivilDate{2025, 12, 31}, CivilDate{7, 1, 2}, CivilDate{0, 10, 10},
          CivilDate{-44, 3, 15}, CivilDate{12345, 6, 7}, CivilDate{999, 11, 1}}) {
        EXPECT_EQ(iso_date_text(d), printed("%04d-%02d-%02d", d.year, d.month, d.day)) << d.year;
        EXPECT_EQ(compact_date_text(d), printed("%04d%02d%02d", d.year, d.month, d.day)) << d.year;
        EXPECT_EQ(year_month_text(d), printed("%04d-%02d", d.year, d.month)) << d.year;
        EXPECT_EQ(year_text(d.year), printed("%04d", d.year)) << d.year;
    }
    // Every day of two centuries, as the day slot and a timeline's labels write them.
    for (long long day = days_from_civil({1900, 1, 1}); day < days_from_civil({2100, 1, 1});
         ++day) {
        CivilDate d = civil_from_days(day);
        ASSERT_EQ(iso_date_text(d), printed("%04d-%02d-%02d", d.year, d.month, d.day)) << day;
    }
    EXPECT_EQ(parse_iso_datetime("0099-01-02T03:04:05+05:06")->normalized, "0099-01-01T21:58:05Z");
}

TEST(Date, CompactDaysAreEightDigitsOfAValidDate) {
    long long day = -1;
    ASSERT_TRUE(parse_compact_day("19700102", day));
    EXPECT_EQ(day, 1);
    ASSERT_TRUE(parse_compact_day("20240229", day));
    EXPECT_EQ(compact_date_text(civil_from_days(day)), "20240229");
    for (const char* text : {"", "2024022", "202402290", "2024-2-9", "2023022x", " 20240229",
                             "20230229", "20241301", "00001231"}) {
        EXPECT_FALSE(parse_compact_day(text, day)) << text;
    }
}

TEST(Utf8, FindsTheFirstBadByte) {
    EXPECT_TRUE(is_valid_utf8("Зеленський José 東京 😀"));
    EXPECT_EQ(first_invalid_utf8("ab\xA3"
                                 "c"),
              2u);
    EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);       // overlong
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);  // surrogate
    EXPECT_EQ(first_invalid_utf8("abc\xE2\x82"), 3u);    // cut short
    EXPECT_EQ(latin1_to_utf8("\xA3"
                             "5"),
              "£5");
    EXPECT_EQ(strip_control_chars("a\x03"
                                  "b\r\nc\x7f"),
              "ab\n\nc");
}

TEST(Utf8, ByteOrderMarkIsDroppedOnlyAtTheStart) {
    EXPECT_EQ(without_utf8_bom("\xEF\xBB\xBFtext"), "text");
    EXPECT_EQ(without_utf8_bom("te\xEF\xBB\xBFxt"), "te\xEF\xBB\xBFxt");
    EXPECT_EQ(without_utf8_bom("\xEF\xBB"), "\xEF\xBB");
}

TEST(Ascii, TrimDropsSpaceTabCrAndLfAtEitherEnd) {
    EXPECT_EQ(trim(" \t\r\n a b \r\n"), "a b");
    EXPECT_EQ(trim("\f\va\v"), "\f\va\v");  // not whitespace in what we read
    EXPECT_EQ(trim(" \n\t "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim_start("  a  "), "a  ");
    EXPECT_EQ(trim_end("  a  "), "  a");
    // A narrower set where a format says so (dates: spaces and tabs only).
    EXPECT_EQ(trim("\t 1987-03-03 \n", " \t"), "1987-03-03 \n");
    EXPECT_EQ(trim_end(trim_start(" 5\t\r", " \t"), " \t\r"), "5");
}

TEST(Ascii, LowerTouchesAsciiLettersOnly) {
    EXPECT_EQ(ascii_lower("Content-Type: TEXT/HTML; Charset=UTF-8"),
              "content-type: text/html; charset=utf-8");
    EXPECT_EQ(ascii_lower("ÉCOLE Ünï"), "École Ünï");  // UTF-8 bytes pass through
    EXPECT_EQ(ascii_lower("@[`{"), "@[`{");            // the neighbours of A-Z and a-z
}

TEST(Date, SpacesAndTabsAroundADateAreAllowedLineBreaksAreNot) {
    EXPECT_TRUE(parse_iso_datetime(" \t1987-03-03\t "));
    EXPECT_FALSE(parse_iso_datetime("1987-03-03\n"));
}

TEST(Fields, FilterValuesFoldCaseAndSpace) {
    EXPECT_EQ(fold_filter_value("  Financial\tTimes  "), "financial times");
    EXPECT_EQ(fold_filter_value("ÉCONOMIE"), "économie");
    const FieldSpec* source = find_field("source");
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(filter_term(*source, "Reuters"), "XSRCreuters");
    EXPECT_EQ(find_field("headline"), find_field("title"));
    EXPECT_EQ(find_field("nosuchfield"), nullptr);
}

TEST(Fields, EveryPrefixIsDistinct) {
    std::vector<std::string_view> seen(kFixedPrefixes.begin(), kFixedPrefixes.end());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            EXPECT_FALSE(seen[i].starts_with(seen[j]) || seen[j].starts_with(seen[i]))
                << seen[i] << " vs " << seen[j];
        }
    }
    for (const auto& f : fields()) {
        for (auto p : {f.text_prefix, f.filter_prefix}) {
            if (p.empty())
                continue;
            for (auto other : seen) {
                // No prefix may be a prefix of another, or their terms would mix.
                EXPECT_FALSE(p.starts_with(other) || other.starts_with(p)) << p << " vs " << other;
            }
            seen.push_back(p);
        }
    }
}

// Every name a user may type (field names, aliases, the id and date prefixes, the date
// buckets) means one thing, so the query language, filters and facets cannot disagree.
TEST(Fields, EveryNameAndAliasIsDistinct) {
    std::vector<std::string_view> names = {kIdFieldName, kDateFieldName};
    for (const auto& b : date_buckets())
        names.push_back(b.name);
    for (const auto& f : fields()) {
        names.push_back(f.name);
        for (auto alias : f.aliases) {
            if (!alias.empty())
                names.push_back(alias);
        }
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            EXPECT_NE(names[i], names[j]);
        }
    }
    for (const auto& f : fields()) {
        for (auto alias : f.aliases) {
            if (!alias.empty()) {
                EXPECT_EQ(find_field(alias), &f) << alias;
            }
        }
    }
}

TEST(Fields, EachFieldHoldsOneArticleMemberAndItsFlagsMakeSense) {
    for (const auto& f : fields()) {
        EXPECT_NE(f.text == nullptr, f.list == nullptr) << f.name;
        if (f.is_list()) {
            EXPECT_EQ(&field_of(f.list), &f) << f.name;
        } else {
            EXPECT_EQ(&field_of(f.text), &f) << f.name;
        }
        // Folded keys are made from the words under the text prefix; a filter needs the
        // whole values under the filter prefix.
        if (f.has(kFieldFoldsNames)) {
            EXPECT_FALSE(f.text_prefix.empty()) << f.name;
        }
        if (f.has(kFieldFilterOption)) {
            EXPECT_FALSE(f.filter_prefix.empty()) << f.name;
        }
    }
    EXPECT_EQ(field_of(&Article::organizations).name, "organizations");
    EXPECT_TRUE(field_of(&Article::people).has(kFieldFoldsNames));
    EXPECT_FALSE(field_of(&Article::source).has(kFieldFoldsNames));
    EXPECT_FALSE(field_of(&Article::url).has(kFieldFilterOption));
    EXPECT_TRUE(field_of(&Article::language).has(kFieldFilterOption));
}

TEST(Fields, FacetsAreTheFacetFieldsThenTheDateBuckets) {
    std::vector<std::string_view> names;
    for (const auto& facet : facets())
        names.push_back(facet.name);
    EXPECT_EQ(names, (std::vector<std::string_view>{"authors", "source", "section", "tags",
                                                    "people", "places", "organizations", "language",
                                                    "year", "month"}));
    ASSERT_NE(find_facet("org"), nullptr);
    EXPECT_EQ(find_facet("org")->name, "organizations");
    EXPECT_EQ(find_facet("org")->slot, kSlotOrgs);
    EXPECT_TRUE(find_facet("org")->is_list);
    EXPECT_EQ(find_facet("month")->slot, kSlotMonth);
    EXPECT_FALSE(find_facet("month")->is_list);
    EXPECT_EQ(find_facet("title"), nullptr);  // a field, but no facet
    EXPECT_EQ(find_facet("colour"), nullptr);
}

TEST(Schema, EveryMetadataKeyIsOursAndNoneIsAPrefixOfAnother) {
    for (std::size_t i = 0; i < kMetadataKeys.size(); ++i) {
        std::string_view key = kMetadataKeys[i];
        EXPECT_TRUE(key.starts_with("gazette:")) << key;
        for (std::size_t j = 0; j < i; ++j) {
            std::string_view other = kMetadataKeys[j];
            EXPECT_FALSE(key.starts_with(other) || other.starts_with(key))
                << key << " vs " << other;
        }
    }
}

// Existing databases and folders hold these exact names, and Xapian itself looks for
// XAPIANDB: a change here would make them unreadable. (Written out only here, on purpose.)
TEST(Schema, OnDiskNamesNeverChange) {
    EXPECT_STREQ(kStubFile, "XAPIANDB");
    EXPECT_STREQ(kSchemeFile, "SHARD-BY");
    EXPECT_STREQ(kLexiconFolder, "lexicon");
    EXPECT_STREQ(kHashShardPrefix, "shard-");
    EXPECT_STREQ(kUndatedShard, "undated");
    EXPECT_STREQ(kSchemaVersionKey, "gazette:schema-version");
    EXPECT_STREQ(kProgressKey, "gazette:progress");
    EXPECT_STREQ(kFileStatePrefix, "gazette:file:");
    EXPECT_STREQ(kAlertedPrefix, "gazette:alerted:");
    EXPECT_EQ(kFoldedPrefix, "XF");
    EXPECT_EQ(kIdPrefix, "Q");
    EXPECT_EQ(kDatePrefix, "D");
}

TEST(Fields, LongIdsGetDistinctBoundedTerms) {
    std::string a(400, 'x'), b(400, 'x');
    b.back() = 'y';
    EXPECT_LE(id_term(a).size(), 245u);
    EXPECT_NE(id_term(a), id_term(b));
    EXPECT_EQ(id_term("reuters:7"), "Qreuters:7");
}

// Shard routing and stored fingerprints depend on these exact values (computed independently,
// in Python, with common/hash.h's offset basis): a change here would send re-indexed ids to
// other shards.
TEST(Hash, Fnv1aMatchesTheReferenceValuesAndContinues) {
    EXPECT_EQ(fnv1a(""), kFnv1aOffsetBasis);
    EXPECT_EQ(fnv1a("a"), 0x44bd8ad473cd9906ULL);
    EXPECT_EQ(fnv1a("foobar"), 0x88fad7c0a8ff07f2ULL);
    EXPECT_EQ(fnv1a(fnv1a("foo"), "bar"), fnv1a("foobar"));
    EXPECT_EQ(hash_hex(0xaf63dc4c8601ec8cULL), "af63dc4c8601ec8c");
    EXPECT_EQ(hash_hex(1), "0000000000000001");
}

TEST(ArticleJson, ReadsEveryField) {
    Article a = article_from_json(
        R"({"id":"x1","title":"T","body":"B","date":"2025-02-12","source":"Firstpost",)"
        R"("url":"https://e.example/x","authors":["A One","A Two"],"section":"World","language":"FR",)"
        R"("tags":["t"],"people":["Vladimir Putin"],"places":["Kyiv"],"organizations":["UN"],"extra":1})");
    EXPECT_EQ(a.id, "x1");
    EXPECT_EQ(a.date_text, "2025-02-12");
    EXPECT_EQ(a.language, "fr");
    EXPECT_EQ(a.authors.size(), 2u);
    EXPECT_EQ(a.people.front(), "Vladimir Putin");
    Article back = article_from_json(article_to_json(a));
    EXPECT_EQ(article_to_json(back), article_to_json(a));
}

// The record is read by the fields' names only: an alias ("person") is a word for the query
// language and filters, not a key of the record, so it is ignored like any unknown key.
TEST(ArticleJson, ReadsFieldsByNameOnly) {
    Article a = article_from_json(R"({"id":"x","title":"T","person":["P"],"org":"O"})");
    EXPECT_TRUE(a.people.empty());
    EXPECT_TRUE(a.organizations.empty());
}

TEST(ArticleJson, StoredRecordsReadBack) {
    Article a = article_from_json(
        R"({"id":"x1","title":"T","body":"B","date":"2025-02-12T10:00:00+01:00","source":"S",)"
        R"("url":"u","people":["P"],"language":"fr"})");
    std::optional<Article> back = stored_article(article_to_json(a));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, "x1");
    EXPECT_EQ(back->body, "B");
    EXPECT_EQ(back->date_text, "2025-02-12T09:00:00Z");
    EXPECT_EQ(back->timestamp, a.timestamp);
    EXPECT_EQ(back->people, a.people);
    EXPECT_EQ(back->language, "fr");
    EXPECT_EQ(article_to_json(*back), article_to_json(a));
    // Not a record of ours: no exception, nothing to show.
    EXPECT_FALSE(stored_article(""));
    EXPECT_FALSE(stored_article("reuters:7"));
    EXPECT_FALSE(stored_article(R"(["id","x"])"));
    EXPECT_FALSE(stored_article(R"({"title":"no id"})"));
}

TEST(ArticleJson, RejectsBrokenRecordsWithAReason) {
    struct Case {
        const char* json;
        const char* reason_part;
    };
    const Case cases[] = {
        {R"({"title":"no id"})", "missing \"id\""},
        {R"({"id":"","title":"t"})", "empty \"id\""},
        {R"({"id":"a"})", "no \"title\" and no \"body\""},
        {R"({"id":"a","title":"  "})", "no \"title\" and no \"body\""},
        {R"({"id":"a","title":"t","date":"12 Feb 2025"})", "not an ISO 8601 date"},
        {R"({"id":"a","title":"t","authors":[1]})", "not a list of strings"},
        {R"({"id":"a","title":5})", "\"title\" is not a string"},
        {R"({"id":"a","title":"t","language":"english"})", "ISO 639-1"},
        {R"(["id","a"])", "not a JSON object"},
        {R"({"id":"a","title":"t")", "not valid JSON"},
        {R"({"id":"a","title":"t","n":1e983})", "not valid JSON: number overflow parsing '1e983'"},
        {"1e983\"u:0\":d", "not valid JSON"},
        {"{\"id\":\"a\",\"title\":\"\xff\"}", "not valid UTF-8"},
    };
    for (const auto& c : cases) {
        try {
            article_from_json(c.json);
            ADD_FAILURE() << "accepted: " << c.json;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(c.reason_part), std::string::npos)
                << c.json << " → " << e.what();
        }
    }
}

// help2man (packaging/man/) renders `  $ ` lines verbatim as examples and everything before
// "Examples:" as the description: the notes must come before the examples, not after them.
TEST(ProgramOptions, HelpPutsNotesBeforeExamplesAsCommandLines) {
    const cli::ProgramInfo info{"prog", "prog [options] FILE", "Does one thing.",
                                "prog a\nprog --flag b    # a comment\n",
                                "Exit status: 0 ok, 1 fatal error.\n"};
    const std::string help = cli::help_text(info, cli::general_options());
    EXPECT_EQ(help.rfind("Usage: prog [options] FILE\nDoes one thing.\n\nGeneral options:\n", 0),
              0u)
        << help;
    const auto notes = help.find("\nExit status: 0 ok, 1 fatal error.\n");
    const auto examples = help.find("\nExamples:\n  $ prog a\n  $ prog --flag b    # a comment\n");
    ASSERT_NE(notes, std::string::npos) << help;
    ASSERT_NE(examples, std::string::npos) << help;
    EXPECT_LT(notes, examples);
    EXPECT_TRUE(help.ends_with("# a comment\n")) << help;
}

}  // namespace
}  // namespace gazette
