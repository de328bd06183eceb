// --parallel (searcher/engine/shard_processes.h): which local databases a --db names, and the same
// ranking from shards in their own xapian-progsrv processes as from the shards opened here.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "common/schema.h"
#include "searcher/engine/database_set.h"
#include "searcher/engine/search.h"
#include "searcher/engine/shard_processes.h"

namespace gazette {
namespace {

namespace fs = std::filesystem;

class ShardProcesses : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("gazette-shard-processes-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    std::string make_db(const std::string& name, const std::vector<std::string>& texts) {
        std::string path = (root_ / name).string();
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator gen;
        gen.set_stemmer(Xapian::Stem("english"));  // the Z terms that query words look for
        for (const auto& text : texts) {
            Xapian::Document doc;
            gen.set_document(doc);
            gen.index_text(text);
            doc.set_data(text);
            db.add_document(doc);
        }
        db.commit();
        return path;
    }
    void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

    fs::path root_;
};

TEST_F(ShardProcesses, PlainDatabaseIsItself) {
    std::string db = make_db("plain", {"oil"});
    EXPECT_EQ(local_databases_of(db), std::vector<std::string>{db});
}

TEST_F(ShardProcesses, SingleFileDatabaseIsNotAStub) {
    std::string db = make_db("folder", {"oil", "gas"});
    std::string single = (root_ / "single.glass").string();
    Xapian::Database(db).compact(single, Xapian::DBCOMPACT_SINGLE_FILE);
    EXPECT_EQ(local_databases_of(single), std::vector<std::string>{single});
}

TEST_F(ShardProcesses, StubFolderListsItsShardsRelativeToItself) {
    fs::create_directories(root_ / "news");
    make_db("news/shard-0", {"oil"});
    make_db("news/shard-1", {"gas"});
    write(root_ / "news" / kStubFile, "# shards\nauto shard-0\n\nglass shard-1\n");
    EXPECT_EQ(local_databases_of((root_ / "news").string()),
              (std::vector<std::string>{(root_ / "news" / "shard-0").string(),
                                        (root_ / "news" / "shard-1").string()}));
}

TEST_F(ShardProcesses, StubFileAndNestedStubs) {
    fs::create_directories(root_ / "inner");
    make_db("inner/a", {"oil"});
    write(root_ / "inner" / kStubFile, "auto a\n");
    make_db("b", {"gas"});
    write(root_ / "all.stub", "auto inner\nauto " + (root_ / "b").string() + "\n");
    EXPECT_EQ(local_databases_of((root_ / "all.stub").string()),
              (std::vector<std::string>{(root_ / "inner" / "a").string(), (root_ / "b").string()}));
}

TEST_F(ShardProcesses, RemoteStubEntryIsRefusedNamingTheLine) {
    write(root_ / "mixed.stub", "auto x\nremote 10.0.0.1:7000\n");
    fs::create_directories(root_ / "x");
    try {
        local_databases_of((root_ / "mixed.stub").string());
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("remote 10.0.0.1:7000"), std::string::npos)
            << e.what();
    }
}

TEST_F(ShardProcesses, StubThatNamesItselfIsALoopNotAHang) {
    write(root_ / "loop.stub", "auto loop.stub\n");
    EXPECT_THROW(local_databases_of((root_ / "loop.stub").string()), UsageError);
}

TEST_F(ShardProcesses, PathWithASpaceIsRefused) {
    std::string db = make_db("with space", {"oil"});
    EXPECT_THROW(open_in_own_process(db, 5000), UsageError);
}

// Needs xapian-progsrv (xapian-tools), which the README's setup installs.
TEST_F(ShardProcesses, ProcessesRankLikeLocalShards) {
    std::string a = make_db("a", {"oil price rises", "oil", "gas and oil", "coffee"});
    std::string b = make_db("b", {"oil oil oil", "grain prices", "oil exports fall", "tea"});
    Xapian::Database local;
    local.add_database(Xapian::Database(a));
    local.add_database(Xapian::Database(b));
    Xapian::Database far;
    far.add_database(open_in_own_process(a, 5000));
    far.add_database(open_in_own_process(b, 5000));
    Xapian::QueryParser parser;
    parser.set_database(local);
    Xapian::Query query = parser.parse_query("oil price");
    Xapian::Enquire here(local), there(far);
    here.set_query(query);
    there.set_query(query);
    Xapian::MSet m1 = here.get_mset(0, 10), m2 = there.get_mset(0, 10);
    ASSERT_EQ(m1.size(), 5u);
    ASSERT_EQ(m1.size(), m2.size());
    for (Xapian::doccount i = 0; i < m1.size(); ++i) {
        EXPECT_EQ(*m1[i], *m2[i]) << i;
        EXPECT_DOUBLE_EQ(m1[i].get_weight(), m2[i].get_weight()) << i;
        EXPECT_EQ(m1[i].get_document().get_data(), m2[i].get_document().get_data()) << i;
    }
}

// --parallel reads hits' documents from local handles, which an indexer's commit can move
// past the revision the match saw. A document missing there must ask for the search to be
// run again on reopened databases (DatabaseModifiedError, search_session.h), not fail the
// query with DocNotFoundError or answer with an empty hit.
TEST_F(ShardProcesses, HitMissingFromTheDocumentsHandleAsksForANewSearch) {
    std::string matched = make_db("matched", {"oil one", "oil two", "oil three"});
    std::string documents = make_db("documents", {"oil one"});  // docids 2 and 3 are gone
    DatabaseSet set;
    set.db = Xapian::Database(matched);
    set.documents = Xapian::Database(documents);
    Searcher searcher(set, SearchOptions{});
    SearchRequest request;
    request.query = "oil";
    EXPECT_THROW(searcher.search(request), Xapian::DatabaseModifiedError);

    // The same search with every hit readable answers normally.
    set.documents = Xapian::Database(matched);
    Searcher whole(set, SearchOptions{});
    EXPECT_EQ(whole.search(request).results.size(), 3u);
}

}  // namespace
}  // namespace gazette
