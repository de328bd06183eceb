// The hit reader gives what stored_article() gives for the fields a hit shows, on records the
// indexer writes and on records it never would (escapes, other types, broken JSON).
#include <gtest/gtest.h>

#include "common/article_json.h"
#include "searcher/engine/stored_hit_reader.h"

namespace gazette {
namespace {

void expect_same(StoredHitReader& reader, const std::string& data) {
    std::optional<Article> full = stored_article(data);
    std::optional<Article> hit = reader.read(data);
    ASSERT_EQ(full.has_value(), hit.has_value()) << data;
    if (!full)
        return;
    EXPECT_EQ(hit->id, full->id) << data;
    EXPECT_EQ(hit->title, full->title) << data;
    EXPECT_EQ(hit->date_text, full->date_text) << data;
    EXPECT_EQ(hit->source, full->source) << data;
    EXPECT_EQ(hit->url, full->url) << data;
    EXPECT_EQ(hit->body, full->body) << data;
}

TEST(StoredHitReader, ReadsWhatTheIndexerWrites) {
    StoredHitReader reader;
    Article a;
    a.id = "reuters:42";
    a.title = "Zelenskyy \"meets\" Putin — in Istanbul\t(talks)";
    a.body = "Line one.\nLine two: \\ backslash, \u00e9, \U0001F600, \x01 control.";
    a.date_text = "1987-02-26T15:01:01Z";
    a.source = "Reuters";
    a.url = "https://example.org/a?b=c&d=e";
    a.tags = {"crude", "ship"};
    a.people = {"Ali Khamenei"};
    expect_same(reader, article_to_json(a));
    Article bare;
    bare.id = "x";
    bare.body = "only a body";
    expect_same(reader, article_to_json(bare));
}

TEST(StoredHitReader, AgreesOnRecordsTheIndexerNeverWrites) {
    StoredHitReader reader;
    for (const std::string data : {
             R"({"id":"1","title":"a\u0041\n","body":"b"})",
             R"({"id":"1","title":7,"body":"b"})",  // a number for a text field
             R"({"title":"no id","body":"b"})",     // no id
             R"({"id":"1","body":"b","extra":{"deep":[1,{"x":null}]}})",
             R"({"id":"1","body":"truncated)",
             R"(["not", "an", "object"])",
             "not json at all",
             "",
             "{\"id\":\"1\",\"body\":\"bad \xff utf-8\"}",
         }) {
        expect_same(reader, data);
    }
}

TEST(StoredHitReader, DoesNotCheckFieldsAHitDoesNotShow) {
    // stored_article() rejects the whole record for a bad tag list; a hit shows no tags, so
    // its title and body still show instead of the bare id.
    StoredHitReader reader;
    std::string data = R"({"id":"1","title":"t","body":"b","tags":["x", 3]})";
    EXPECT_FALSE(stored_article(data).has_value());
    std::optional<Article> hit = reader.read(data);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->title, "t");
    EXPECT_EQ(hit->body, "b");
}

}  // namespace
}  // namespace gazette
