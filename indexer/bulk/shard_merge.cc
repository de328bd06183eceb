#include "indexer/bulk/shard_merge.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "common/fields.h"
#include "indexer/bulk/run_progress.h"
#include "indexer/bulk/vocabulary_spelling.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

bool holds_articles(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return false;
    return Xapian::Database(path).get_doccount() > 0;
}

// Shards carry the run position in their metadata; the merged database must not.
void clear_progress(const std::vector<std::string>& shards) {
    for (const auto& s : shards) {
        Xapian::WritableDatabase db(s, Xapian::DB_OPEN);
        db.set_metadata(kProgressKey, "");
        db.set_metadata(kSpellingAddedKey, "");
        db.commit();
    }
}

void compact_into(const std::vector<std::string>& sources, const std::string& output) {
    Xapian::Database all;
    for (const auto& s : sources)
        all.add_database(Xapian::Database(s));
    all.compact(output, Xapian::DBCOMPACT_MULTIPASS);
}

}  // namespace

MergeResult merge_shards(const std::vector<std::string>& shards, const std::string& target) {
    clear_progress(shards);
    MergeResult result;
    std::string fresh = target + ".gazette-new";
    std::string old = target + ".gazette-old";
    fs::remove_all(fresh);
    if (!holds_articles(target)) {
        compact_into(shards, fresh);
    } else {
        // Hold the target's write lock for the whole merge: no other writer may change it
        // between our compaction and the swap.
        Xapian::WritableDatabase lock(target, Xapian::DB_OPEN);
        std::vector<std::string> sources{target};
        sources.insert(sources.end(), shards.begin(), shards.end());
        compact_into(sources, fresh);
        // The target's documents come first in the compacted database, so for an id held
        // twice the higher docid is the new version.
        Xapian::WritableDatabase merged(fresh, Xapian::DB_OPEN);
        for (const auto& s : shards) {
            Xapian::Database shard(s);
            for (auto t = shard.allterms_begin(std::string(kIdPrefix));
                 t != shard.allterms_end(std::string(kIdPrefix)); ++t) {
                std::vector<Xapian::docid> ids;
                for (auto p = merged.postlist_begin(*t); p != merged.postlist_end(*t); ++p)
                    ids.push_back(*p);
                for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
                    merged.delete_document(ids[i]);
                    ++result.replaced;
                }
            }
        }
        merged.commit();
        merged.close();
        fs::remove_all(old);
        fs::rename(target, old);
        fs::rename(fresh, target);
        lock.close();
        fs::remove_all(old);
    }
    if (fs::exists(fresh)) {
        fs::remove_all(target);  // an empty database (or nothing) was there
        fs::rename(fresh, target);
    }
    result.documents = Xapian::Database(target).get_doccount();
    return result;
}

}  // namespace gazette
