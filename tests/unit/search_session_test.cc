// The search session's policy (searcher/engine/search_session.h): opened on first use, new
// commits seen when the reopen interval allows it or when the revision read was lost
// (DatabaseModifiedError, retried up to kSearchAttempts times), one Searcher per stemming
// language, and remote shards that fail: opened again once, left out with allow_partial.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/article.h"
#include "common/errors.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "searcher/engine/search_session.h"
#include "searcher/request/request_options.h"
#include "tests/support/temp_folder_test.h"

namespace gazette {
namespace {

class SearchSessionTest : public TempFolderTest {
  protected:
    void SetUp() override {
        TempFolderTest::SetUp();
        db_path_ = path("news");
        add_articles(2, "oil");
    }

    // Commits `count` more articles whose body is `body`, as gazette-index would.
    void add_articles(int count, const std::string& body) {
        Xapian::WritableDatabase db(db_path_, Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        DocumentBuilder builder;
        for (int i = 0; i < count; ++i) {
            Article a;
            a.id = "reuters:" + std::to_string(next_id_++);
            a.title = body;
            a.body = body;
            db.replace_document("Q" + a.id, builder.build(a));
        }
        db.commit();
    }

    SessionOptions options() {
        SessionOptions o;
        o.databases = {db_path_};
        o.on_new_revision = [this] { ++new_revisions_; };
        return o;
    }

    // Without collapsing: the articles are copies of each other (one story).
    static SearchRequest request_for(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.collapse = false;
        request.limit = 1000;
        return request;
    }
    static std::size_t hits(SearchSession& session, const std::string& query) {
        return session.search(request_for(query)).results.size();
    }

    std::string db_path_;
    int next_id_ = 1;
    int new_revisions_ = 0;
};

// A port on 127.0.0.1 where nothing listens: bound, then closed again.
unsigned unused_port() {
    int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof addr;
    if (sock < 0 || ::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        ADD_FAILURE() << "no free port";
    }
    ::close(sock);
    return ntohs(addr.sin_port);
}

TEST_F(SearchSessionTest, OpensOnFirstUse) {
    SearchSession session(options());
    EXPECT_EQ(new_revisions_, 0);
    EXPECT_THROW(session.database(), std::logic_error);
    EXPECT_EQ(hits(session, "oil"), 2u);
    EXPECT_EQ(new_revisions_, 1);
}

TEST_F(SearchSessionTest, SeesNewCommitsOnceTheReopenIntervalHasPassed) {
    SessionOptions every_time = options();
    every_time.reopen_interval = std::chrono::milliseconds(0);
    SearchSession server(every_time);
    SessionOptions hourly = options();
    hourly.reopen_interval = std::chrono::hours(1);
    SearchSession slow(hourly);
    SearchSession once(options());  // the command line: no interval
    for (SearchSession* s : {&server, &slow, &once})
        EXPECT_EQ(hits(*s, "oil"), 2u);
    EXPECT_EQ(new_revisions_, 3);

    add_articles(3, "oil");
    EXPECT_EQ(hits(server, "oil"), 5u);
    EXPECT_EQ(hits(slow, "oil"), 2u) << "looked again before its interval";
    EXPECT_EQ(hits(once, "oil"), 2u) << "a session without an interval keeps its revision";
    EXPECT_EQ(new_revisions_, 4);
    // Nothing new: no new revision.
    EXPECT_EQ(hits(server, "oil"), 5u);
    EXPECT_EQ(new_revisions_, 4);
}

TEST_F(SearchSessionTest, LostRevisionIsReadAgainAtTheNewestCommit) {
    SearchSession session(options());  // no interval: only a lost revision makes it reopen
    session.open();
    int runs = 0;
    Xapian::doccount seen = session.run([&] {
        if (++runs == 1) {
            add_articles(3, "gas");
            throw Xapian::DatabaseModifiedError("the revision was discarded");
        }
        return session.database().get_doccount();
    });
    EXPECT_EQ(runs, 2);
    EXPECT_EQ(seen, 5u);
    EXPECT_EQ(new_revisions_, 2);
    EXPECT_EQ(hits(session, "gas"), 3u);
}

TEST_F(SearchSessionTest, GivesUpAfterSoManyLostRevisions) {
    SearchSession session(options());
    int runs = 0;
    EXPECT_THROW(session.run([&] {
        ++runs;
        throw Xapian::DatabaseModifiedError("again");
    }),
                 Xapian::DatabaseModifiedError);
    EXPECT_EQ(runs, kSearchAttempts);
}

// A real DatabaseModifiedError: the writer rewrites every document in several commits while
// the session holds an old revision (glass keeps two, then reuses the old blocks). A plain
// handle opened alongside shows that the revision is lost; the session searches again.
TEST_F(SearchSessionTest, SearchesAgainWhenAnIndexerDiscardedTheRevision) {
    add_articles(998, "oil");
    SearchSession session(options());
    EXPECT_EQ(hits(session, "oil"), 1000u);
    Xapian::Database plain(db_path_);
    for (int commit = 0; commit < 4; ++commit) {
        next_id_ = 1;
        add_articles(1000, commit % 2 ? "gas" : "oil");
    }
    Xapian::Enquire enquire(plain);
    enquire.set_query(Xapian::Query("Zoil"));
    EXPECT_THROW(enquire.get_mset(0, 1000), Xapian::DatabaseModifiedError);

    // The query the plain handle failed on: the session finds the newest revision, where
    // every article is about gas.
    EXPECT_EQ(hits(session, "oil"), 0u);
    EXPECT_EQ(hits(session, "gas"), 1000u);
}

TEST_F(SearchSessionTest, OneSearcherPerStemmingLanguage) {
    SearchSession session(options());
    SearchRequest english, french, unknown;
    set_request_option(french, "lang", "fr");
    set_request_option(unknown, "lang", "french");
    session.run([&] {
        Searcher* en = &session.searcher_for(english);
        EXPECT_EQ(&session.searcher_for(english), en);
        Searcher* fr = &session.searcher_for(french);
        EXPECT_NE(fr, en);
        EXPECT_EQ(&session.searcher_for(french), fr);
        EXPECT_THROW(session.searcher_for(unknown), UsageError);
    });

    SessionOptions fixed = options();  // --stem-lang de: every query in German
    fixed.search.query.stem_language = "de";
    fixed.fixed_stem_language = true;
    SearchSession german(fixed);
    german.run([&] { EXPECT_EQ(&german.searcher_for(french), &german.searcher_for(english)); });
}

TEST_F(SearchSessionTest, ShardThatFailsDuringWorkIsOpenedAgainOnce) {
    SearchSession session(options());
    session.open();
    int runs = 0;
    session.run([&] {
        if (++runs == 1)
            throw Xapian::NetworkError("the shard went away");
    });
    EXPECT_EQ(runs, 2);
    EXPECT_EQ(new_revisions_, 2) << "the set was not opened again";

    runs = 0;
    EXPECT_THROW(session.run([&] {
        ++runs;
        throw Xapian::NetworkError("still away");
    }),
                 Xapian::NetworkError);
    EXPECT_EQ(runs, 2);
}

TEST_F(SearchSessionTest, ShardThatDoesNotAnswerIsNamedOrLeftOut) {
    std::string dead = "tcp://127.0.0.1:" + std::to_string(unused_port());
    SessionOptions strict = options();
    strict.databases.push_back(dead);
    strict.shards.connect_timeout_ms = 500;
    SearchSession failing(strict);
    try {
        hits(failing, "oil");
        ADD_FAILURE() << "searched without the shard";
    } catch (const Xapian::NetworkError& e) {
        EXPECT_NE(e.get_msg().find(dead), std::string::npos) << e.get_msg();
    }

    SessionOptions partial = strict;
    partial.shards.allow_partial = true;
    SearchSession lenient(partial);
    SearchResults results = lenient.search(request_for("oil"));
    EXPECT_EQ(results.results.size(), 2u);
    EXPECT_EQ(results.missing_shards, std::vector<std::string>{dead});
}

}  // namespace
}  // namespace gazette
