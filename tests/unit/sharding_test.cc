// Sharded databases: the scheme a folder records, which shard an article's year picks, the
// stub a year-sharded folder keeps, and how the router finds an id that must leave a shard
// (indexer/bulk/shard_scheme.h, sharded_database.h, shard_locator.h).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/errors.h"
#include "common/fields.h"
#include "common/schema.h"
#include "common/slots.h"
#include "indexer/bulk/shard_locator.h"
#include "indexer/bulk/shard_scheme.h"
#include "indexer/bulk/sharded_database.h"
#include "indexer/bulk/writer_routing.h"
#include "tests/support/temp_folder_test.h"

namespace gazette {
namespace {

namespace fs = std::filesystem;

// A fresh folder under /tmp, removed with the fixture.
class ShardFolder : public TempFolderTest {};

Article dated(std::optional<double> timestamp) {
    Article a;
    a.id = "x";
    a.timestamp = timestamp;
    return a;
}

TEST(ShardScheme, NamesRoundTrip) {
    EXPECT_EQ(parse_scheme_name("year"), ShardScheme::kYear);
    EXPECT_EQ(parse_scheme_name("hash"), ShardScheme::kHash);
    EXPECT_FALSE(parse_scheme_name("month").has_value());
    EXPECT_EQ(scheme_name(ShardScheme::kYear), "year");
}

TEST(ShardScheme, YearOfAnArticleIsItsUtcYear) {
    EXPECT_EQ(year_shard_name(dated(541555200.0)), "1987");   // 1987-03-01T00:00:00Z
    EXPECT_EQ(year_shard_name(dated(-1.0)), "1969");          // the last second of 1969
    EXPECT_EQ(year_shard_name(dated(1735689599.0)), "2024");  // 2024-12-31T23:59:59Z
    EXPECT_EQ(year_shard_name(dated(std::nullopt)), kUndatedShard);
}

TEST(ShardScheme, HashRoutingIsStable) {
    // The partition of existing databases depends on these values: they must never change.
    EXPECT_EQ(writer_for_id("reuters:1", 3), writer_for_id("reuters:1", 3));
    EXPECT_LT(writer_for_id("anything", 7), 7u);
}

TEST_F(ShardFolder, SchemeIsRecordedAndUnknownOnesRefused) {
    fs::create_directories(path("db"));
    EXPECT_FALSE(recorded_scheme(path("db")).has_value());
    record_scheme(path("db"), ShardScheme::kYear);
    EXPECT_EQ(recorded_scheme(path("db")), ShardScheme::kYear);
    std::ofstream(path("db") + "/" + kSchemeFile) << "month\n";
    EXPECT_THROW(recorded_scheme(path("db")), UsageError);
}

TEST_F(ShardFolder, YearStubListsUndatedFirstThenYearsInOrder) {
    create_year_sharded_database(path("db"));
    add_year_shard(path("db"), "2024");
    add_year_shard(path("db"), "1987");
    std::vector<std::string> expected{path("db/undated"), path("db/1987"), path("db/2024")};
    EXPECT_EQ(sharded_database_shards(path("db")), expected);
    // Xapian reads the stub itself: the folder opens as one database of three shards.
    EXPECT_EQ(Xapian::Database(path("db")).get_doccount(), 0u);
    // A shard whose stub entry was lost (a run died in between) is listed again.
    std::ofstream(path("db") + "/" + kStubFile, std::ios::trunc) << "auto undated\n";
    rewrite_year_stub(path("db"));
    EXPECT_EQ(sharded_database_shards(path("db")), expected);
}

TEST_F(ShardFolder, HashDatabaseRecordsItsScheme) {
    auto shards = create_sharded_database(path("db"), 2);
    EXPECT_EQ(shards.size(), 2u);
    EXPECT_EQ(recorded_scheme(path("db")), ShardScheme::kHash);
    EXPECT_THROW(create_year_sharded_database(path("db")), UsageError);
}

TEST_F(ShardFolder, LocatorFindsAnIdInAnotherShardAndFollowsTheRun) {
    {
        Xapian::WritableDatabase old(path("1987"), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_boolean_term(id_term("moved"));
        old.add_document(doc);
        old.commit();
        Xapian::WritableDatabase(path("2001"), Xapian::DB_CREATE).commit();
    }
    ShardLocator locator;
    locator.add_existing(path("1987"), 0);
    locator.add_existing(path("2001"), 1);
    // Before the run the id was in writer 0's shard: sending it to writer 1 drops it there.
    EXPECT_EQ(locator.place("moved", 0, 1).drop_from, std::vector<std::size_t>{0});
    // Later in the same run it moves on to writer 2: it is in writer 1's (unread) batch now.
    auto again = locator.place("moved", 0, 2);
    EXPECT_EQ(again.writer, 2u);
    EXPECT_NE(std::find(again.drop_from.begin(), again.drop_from.end(), 1u), again.drop_from.end());
    // An id nobody holds goes nowhere else; sent twice to the same writer, nothing to drop.
    EXPECT_TRUE(locator.place("new", 0, 1).drop_from.empty());
    EXPECT_TRUE(locator.place("new", 0, 1).drop_from.empty());
}

// Issue 17: an older version dated in another year used to go to that year's shard and
// delete the newer copy from its own.
TEST_F(ShardFolder, LocatorSendsAnOlderVersionToTheShardHoldingTheNewerOne) {
    {
        Xapian::WritableDatabase old(path("1987"), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_boolean_term(id_term("wire"));
        doc.add_value(kSlotVersion, Xapian::sortable_serialise(5));
        old.add_document(doc);
        old.commit();
        Xapian::WritableDatabase(path("2001"), Xapian::DB_CREATE).commit();
    }
    ShardLocator locator;
    locator.add_existing(path("1987"), 0);
    locator.add_existing(path("2001"), 1);
    // Version 3 dated 2001: to writer 0, which holds version 5 and skips it; nothing dropped.
    auto older = locator.place("wire", 3, 1);
    EXPECT_EQ(older.writer, 0u);
    EXPECT_TRUE(older.drop_from.empty());
    // Version 7 dated 2001 moves it: to writer 1, deleted from writer 0.
    auto newer = locator.place("wire", 7, 1);
    EXPECT_EQ(newer.writer, 1u);
    EXPECT_EQ(newer.drop_from, std::vector<std::size_t>{0});
    // Then version 6 dated 1987 follows the run's copy (7, in writer 1), not the old shard.
    auto stale = locator.place("wire", 6, 0);
    EXPECT_EQ(stale.writer, 1u);
    EXPECT_TRUE(stale.drop_from.empty());
    // An unversioned record replaces whatever is held, and moves it.
    auto plain = locator.place("wire", 0, 0);
    EXPECT_EQ(plain.writer, 0u);
    EXPECT_EQ(plain.drop_from, std::vector<std::size_t>{1});
}

}  // namespace
}  // namespace gazette
