// Segments of a merged run and their consolidation when the disk is short
// (indexer/bulk/segments.h, segment_consolidation.h): which runs are planned for a given
// room, that a consolidated segment keeps the order and content of its sources, and what a
// run killed in the middle of a consolidation leaves for the next one to finish. And the
// scratch parts that hold the segments (scratch_parts.h): what an interrupted run leaves.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "common/schema.h"
#include "common/slots.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/scratch_parts.h"
#include "indexer/bulk/segment_consolidation.h"
#include "indexer/bulk/segment_merge.h"
#include "indexer/bulk/segments.h"
#include "indexer/bulk/version_rule.h"
#include "tests/support/temp_folder_test.h"

namespace gazette {
namespace {

namespace fs = std::filesystem;

class WorkFolder : public TempFolderTest {
  protected:
    // A segment holding one document per id, in order, each with its id as data.
    void make_segment(const std::string& name, const std::vector<std::string>& ids) {
        Xapian::WritableDatabase db(path(name), Xapian::DB_CREATE);
        for (const auto& id : ids) {
            Xapian::Document doc;
            doc.set_data(id);
            doc.add_boolean_term("Q" + id);
            db.add_document(doc);
        }
        db.commit();
    }

    std::vector<std::string> data_in_order(const std::string& name) {
        Xapian::Database db(path(name));
        std::vector<std::string> out;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            out.push_back(db.get_document(*it).get_data());
        return out;
    }
};

constexpr std::uintmax_t kMB = 1 << 20;

// Limits for space only: `available` free, `reserve` kept, plan until `wanted` bytes.
ConsolidationLimits for_space(std::uintmax_t available, std::uintmax_t reserve,
                              std::uintmax_t wanted) {
    ConsolidationLimits limits;
    limits.room = available > reserve ? available - reserve : 0;
    limits.max_run = 1000;
    limits.wanted_bytes = wanted;
    return limits;
}

TEST(PlanConsolidation, RunsAreConsecutiveSegmentsOfOneShardThatFitTheRoom) {
    // Shard a: four sealed segments then its current one (""); shard b: two sealed.
    std::vector<std::string> shards{"a", "a", "a", "a", "", "b", "b", ""};
    std::vector<std::uintmax_t> sizes(shards.size(), 10 * kMB);
    auto runs = plan_consolidation(shards, sizes, for_space(35 * kMB, 4 * kMB, UINTMAX_MAX));
    // 31 MB of room: three 10 MB segments a run.
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].first, 0u);
    EXPECT_EQ(runs[0].last, 2u);
    // The fourth of shard a is alone (its next is a current segment): no run. Shard b's two.
    EXPECT_EQ(runs[1].first, 5u);
    EXPECT_EQ(runs[1].last, 6u);
}

TEST(PlanConsolidation, StopsOnceTheRunsHoldWhatIsWanted) {
    std::vector<std::string> shards{"a", "a", "a", "a", "a", "a"};
    std::vector<std::uintmax_t> sizes(shards.size(), 10 * kMB);
    auto runs = plan_consolidation(shards, sizes, for_space(24 * kMB, 0, 15 * kMB));
    ASSERT_EQ(runs.size(), 1u);  // the first run (two segments, 20 MB) is enough
    EXPECT_EQ(runs[0].last, 1u);
}

TEST(PlanConsolidation, NothingWhenNotEvenTwoSegmentsFit) {
    std::vector<std::string> shards{"a", "a", "a"};
    std::vector<std::uintmax_t> sizes{10 * kMB, 10 * kMB, 10 * kMB};
    EXPECT_TRUE(plan_consolidation(shards, sizes, for_space(19 * kMB, 0, UINTMAX_MAX)).empty());
    EXPECT_TRUE(
        plan_consolidation(shards, sizes, for_space(3 * kMB, 4 * kMB, UINTMAX_MAX)).empty());
    // A large segment is skipped; the two small ones after it still make a run.
    std::vector<std::uintmax_t> mixed{50 * kMB, 5 * kMB, 5 * kMB};
    auto runs = plan_consolidation(shards, mixed, for_space(12 * kMB, 0, UINTMAX_MAX));
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].first, 1u);
    EXPECT_EQ(runs[0].last, 2u);
}

TEST(PlanConsolidation, ForOpenFilesRunsAreOnlyAsLongAsNeeded) {
    std::vector<std::string> shards(10, "a");
    shards.push_back("");  // the current segment
    std::vector<std::uintmax_t> sizes(shards.size(), kMB);
    ConsolidationLimits limits;
    limits.room = 1000 * kMB;
    limits.max_run = 4;       // a run opens at most 4 sources
    limits.wanted_fewer = 5;  // 11 sources, 6 may be open
    auto runs = plan_consolidation(shards, sizes, limits);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].first, 0u);  // 4 into 1: 3 fewer
    EXPECT_EQ(runs[0].last, 3u);
    EXPECT_EQ(runs[1].first, 4u);  // then 3 into 1 is enough, not 4
    EXPECT_EQ(runs[1].last, 6u);
    // A run still needs room for its copy.
    limits.room = 2 * kMB;
    runs = plan_consolidation(shards, sizes, limits);
    ASSERT_FALSE(runs.empty());
    EXPECT_EQ(runs[0].last - runs[0].first, 1u);
}

TEST(OpenFiles, TheSoftLimitIsRaisedToTheHardOne) {
    std::size_t sources = sources_one_merge_may_open(1);
    rlimit limit{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
    EXPECT_EQ(limit.rlim_cur, limit.rlim_max);
    EXPECT_GE(sources, 2u);
    EXPECT_LE(sources * kFilesPerDatabase, limit.rlim_cur);
    // Two merges at once share the budget.
    EXPECT_LE(sources_one_merge_may_open(2), sources / 2 + 1);
}

TEST_F(WorkFolder, NextSealedNameCountsPastGaps) {
    std::string shard = path("shard-0");
    EXPECT_EQ(next_sealed_name(shard), shard + ".seg-000000");
    make_segment("shard-0.seg-000000", {"a"});
    make_segment("shard-0.seg-000003c", {"b"});  // 1..3 consolidated
    // The count (2) would name an existing or earlier segment; one past the highest does not.
    EXPECT_EQ(next_sealed_name(shard), shard + ".seg-000004");
    EXPECT_EQ(part_of_sealed(shard + ".seg-000003c"), shard);
    EXPECT_EQ(part_of_sealed(shard), "");
}

TEST_F(WorkFolder, ConsolidatedSegmentKeepsOrderAndReplacesItsSources) {
    make_segment("shard-0.seg-000000", {"1", "2"});
    make_segment("shard-0.seg-000001", {"3"});
    make_segment("shard-0.seg-000002", {"2"});  // id 2 again, newer
    make_segment("shard-0", {"4"});             // the current segment stays
    std::vector<std::string> sources = segments_of(path("shard-0"));
    ASSERT_EQ(sources.size(), 4u);

    Consolidation c = consolidate_segments(sources, for_space(1000 * kMB, 0, UINTMAX_MAX));
    EXPECT_EQ(c.count.runs, 1u);
    EXPECT_EQ(c.count.segments, 3u);
    ASSERT_EQ(c.sources.size(), 2u);
    EXPECT_EQ(c.sources[0], path("shard-0.seg-000002c"));
    EXPECT_EQ(c.sources[1], path("shard-0"));
    EXPECT_EQ(data_in_order("shard-0.seg-000002c"), (std::vector<std::string>{"1", "2", "3", "2"}));
    EXPECT_FALSE(fs::exists(path("shard-0.seg-000000")));
    EXPECT_FALSE(fs::exists(path("shard-0.seg-000002")));
    // segments_of finds it where its sources were: still before the current segment.
    EXPECT_EQ(segments_of(path("shard-0")), c.sources);

    // Compacted once, it is not compacted again for space: that would free nothing.
    Consolidation again = consolidate_segments(c.sources, for_space(1000 * kMB, 0, UINTMAX_MAX));
    EXPECT_EQ(again.count.runs, 0u);
    EXPECT_EQ(again.sources, c.sources);
}

TEST_F(WorkFolder, ForOpenFilesConsolidatedSegmentsJoinRunsAgain) {
    for (const char* name :
         {"shard-0.seg-000000", "shard-0.seg-000001", "shard-0.seg-000002", "shard-0.seg-000003"})
        make_segment(name, {name});
    std::vector<std::string> sources = sealed_segments(path("shard-0"));
    ConsolidationLimits limits;
    limits.room = 1000 * kMB;
    limits.max_run = 2;
    limits.wanted_fewer = 3;
    // Two rounds, as fit_merge runs them: pairs, then the pair of consolidated segments.
    Consolidation first = consolidate_segments(sources, limits);
    ASSERT_EQ(first.sources.size(), 2u);
    EXPECT_EQ(first.sources[1], path("shard-0.seg-000003c"));
    limits.wanted_fewer = 1;
    Consolidation second = consolidate_segments(first.sources, limits);
    ASSERT_EQ(second.sources.size(), 1u);
    EXPECT_EQ(second.sources[0], path("shard-0.seg-000003cc"));
    EXPECT_EQ(data_in_order("shard-0.seg-000003cc"),
              (std::vector<std::string>{"shard-0.seg-000000", "shard-0.seg-000001",
                                        "shard-0.seg-000002", "shard-0.seg-000003"}));
    // Its list names the two it replaced, for recover_consolidations.
    EXPECT_EQ(Xapian::Database(second.sources[0]).get_metadata(kConsolidatedFromKey),
              "shard-0.seg-000001c\nshard-0.seg-000003c\n");
}

TEST_F(WorkFolder, RecoveryFinishesAConsolidationThatAKillCutShort) {
    make_segment("shard-0.seg-000000", {"1"});
    make_segment("shard-0.seg-000001", {"2"});
    make_segment("shard-0.seg-000002", {"3"});
    std::vector<std::string> sources = sealed_segments(path("shard-0"));
    // Killed after the copy took its name, before its sources were deleted: as if the
    // copy had been made from the first two and the deletions had not run.
    fs::copy(path("shard-0.seg-000000"), path("keep-0"), fs::copy_options::recursive);
    fs::copy(path("shard-0.seg-000001"), path("keep-1"), fs::copy_options::recursive);
    Consolidation c =
        consolidate_segments({sources[0], sources[1]}, for_space(1000 * kMB, 0, UINTMAX_MAX));
    ASSERT_EQ(c.count.runs, 1u);
    fs::rename(path("keep-0"), path("shard-0.seg-000000"));
    fs::rename(path("keep-1"), path("shard-0.seg-000001"));
    // And a copy half made by another kill.
    make_segment("shard-1.consolidating", {"9"});

    recover_consolidations(root_.string());
    EXPECT_FALSE(fs::exists(path("shard-0.seg-000000")));
    EXPECT_FALSE(fs::exists(path("shard-0.seg-000001")));
    EXPECT_FALSE(fs::exists(path("shard-1.consolidating")));
    EXPECT_TRUE(fs::exists(path("shard-0.seg-000002")));  // not one of its sources
    EXPECT_EQ(data_in_order("shard-0.seg-000001c"), (std::vector<std::string>{"1", "2"}));
}

// Issue 17: the merge used to keep the highest version, so an unversioned copy lost to a
// versioned one, while the writer lets an unversioned record replace anything. Both now use
// version_rule.h: the copies of one id in arrival order, each replacing the kept one unless
// older_than_held.
TEST(KeptCopy, EachCopyReplacesTheKeptOneUnlessItIsAnOlderVersion) {
    EXPECT_EQ(kept_copy({5, 0}), 1u);     // unversioned replaces anything
    EXPECT_EQ(kept_copy({0, 3}), 1u);     // a version replaces an unversioned copy
    EXPECT_EQ(kept_copy({4, 2}), 0u);     // an older version never replaces a newer
    EXPECT_EQ(kept_copy({2, 2}), 1u);     // the later of equals
    EXPECT_EQ(kept_copy({7, 3, 0}), 2u);  // 3 is dropped, then the unversioned copy replaces 7
    EXPECT_EQ(kept_copy({7, 0, 3}), 2u);  // as the writer: 0 replaced 7, then 3 replaces 0
}

TEST_F(WorkFolder, MergeKeepsTheCopyTheWriterWouldHaveKept) {
    // Each copy: id, version (0: none) and a tag in its data saying which one it is.
    auto make = [&](const std::string& name,
                    const std::vector<std::tuple<std::string, int, std::string>>& copies) {
        Xapian::WritableDatabase db(path(name), Xapian::DB_CREATE);
        for (const auto& [id, version, tag] : copies) {
            Xapian::Document doc;
            doc.set_data(tag);
            doc.add_boolean_term(std::string(kIdPrefix) + id);
            if (version != 0)
                doc.add_value(kSlotVersion, Xapian::sortable_serialise(version));
            db.add_document(doc);
        }
        db.commit();
    };
    make("target", {{"a", 5, "a5-held"}, {"c", 4, "c4-held"}});
    make("s1", {{"a", 0, "a-unversioned"}, {"b", 0, "b-unversioned"}, {"c", 2, "c2-older"}});
    make("s2", {{"b", 3, "b3"}});
    MergeResult result = merge_segments({path("s1"), path("s2")}, path("target"));
    std::vector<std::string> kept = data_in_order("target");
    std::sort(kept.begin(), kept.end());
    EXPECT_EQ(kept, (std::vector<std::string>{"a-unversioned", "b3", "c4-held"}));
    EXPECT_EQ(result.replaced, 1u);        // a
    EXPECT_EQ(result.older_versions, 1u);  // c
    EXPECT_EQ(result.repeated, 1u);        // b
}

TEST_F(WorkFolder, FitOnDiskLeavesSegmentsAloneWhenThereIsRoom) {
    make_segment("shard-0.seg-000000", {"1"});
    make_segment("shard-0.seg-000001", {"2"});
    std::vector<std::string> sources = sealed_segments(path("shard-0"));
    Consolidation c = fit_merge(sources, root_.string(), MergeNeeds{});
    EXPECT_EQ(c.count.runs, 0u);
    EXPECT_EQ(c.sources, sources);
}

// --- Scratch parts ---------------------------------------------------------------------------

class ScratchFolder : public TempFolderTest {
  protected:
    // A part as a writer leaves it: one article and the run position of its last commit.
    void make_part(const std::string& name, const std::string& plan_id, RunPosition at) {
        Xapian::WritableDatabase db(path(name), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_boolean_term("Qa");
        db.add_document(doc);
        db.set_metadata(kProgressKey, encode_position(plan_id, at));
        db.commit();
    }
};

TEST_F(ScratchFolder, NewPartsKeepTheirOnDiskNamesAndLockTheFolder) {
    ScratchParts parts(path("db.gazette-work"));
    parts.create(2);
    EXPECT_EQ(parts.paths(), (std::vector<std::string>{path("db.gazette-work/shard-0"),
                                                       path("db.gazette-work/shard-1")}));
    EXPECT_FALSE(parts.resumed_from());
    ScratchParts other(path("db.gazette-work"));
    EXPECT_THROW(other.resume("plan", 0), Xapian::DatabaseLockError);
}

TEST_F(ScratchFolder, PartsAnInterruptedRunLeftAreTakenUpFromTheLeastAdvanced) {
    // WORK/shard-N is what earlier gazette-index binaries left too: they resume the same way.
    fs::create_directories(path("db.gazette-work"));
    make_part("db.gazette-work/shard-0", "plan", RunPosition{2, 40, false});
    make_part("db.gazette-work/shard-1", "plan", RunPosition{1, 7, false});
    ScratchParts parts(path("db.gazette-work"));
    ASSERT_TRUE(parts.resume("plan", 0));
    ASSERT_TRUE(parts.resumed_from());
    EXPECT_EQ(parts.resumed_from()->file, 1u);
    EXPECT_EQ(parts.resumed_from()->record, 7u);
    EXPECT_EQ(parts.paths().size(), 2u);
}

TEST_F(ScratchFolder, PartsOfOtherInputsOrAnotherCountAreDiscarded) {
    fs::create_directories(path("db.gazette-work"));
    make_part("db.gazette-work/shard-0", "plan", RunPosition{1, 7, false});
    ScratchParts wrong_count(path("db.gazette-work"));
    EXPECT_FALSE(wrong_count.resume("plan", 3));  // a new sharded database of 3 shards
    EXPECT_FALSE(fs::exists(path("db.gazette-work")));

    fs::create_directories(path("db.gazette-work"));
    make_part("db.gazette-work/shard-0", "plan", RunPosition{1, 7, false});
    ScratchParts other_plan(path("db.gazette-work"));
    EXPECT_FALSE(other_plan.resume("other inputs", 0));
    EXPECT_FALSE(fs::exists(path("db.gazette-work")));
    other_plan.create(1);  // and the run starts afresh
    EXPECT_TRUE(fs::exists(path("db.gazette-work")));
}

TEST_F(ScratchFolder, AFolderWithoutPartsIsTakenOverNotRefused) {
    // A run killed after making the folder and before its first writer made its database.
    fs::create_directories(path("db.gazette-work"));
    ScratchParts parts(path("db.gazette-work"));
    EXPECT_FALSE(parts.resume("plan", 0));
    EXPECT_NO_THROW(parts.create(1));  // was "locked by another writer": by this run itself
    parts.discard();
    EXPECT_FALSE(fs::exists(path("db.gazette-work")));
}

}  // namespace
}  // namespace gazette
