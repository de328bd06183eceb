#include "indexer/bulk/sharded_database.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "common/schema.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

void fsync_path(const fs::path& p, bool directory) {
    int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

void fsync_tree(const fs::path& dir) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        fsync_path(it->path(), it->is_directory(ec));
    }
    fsync_path(dir, true);
}

}  // namespace

std::vector<std::string> sharded_database_shards(const std::string& path) {
    std::vector<std::string> shards;
    std::ifstream stub(fs::path(path) / kStubFile);
    if (!stub)
        return shards;
    std::string type, name;
    while (stub >> type >> name) {
        if (type != "auto" || !name.starts_with("shard-"))
            return {};
        shards.push_back((fs::path(path) / name).string());
    }
    return shards;
}

std::vector<std::string> create_sharded_database(const std::string& path, unsigned count) {
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_empty(path, ec)) {
        throw UsageError("cannot make a sharded database in " + path +
                         ": it exists and is not one");
    }
    fs::create_directories(path);
    std::vector<std::string> shards;
    std::ofstream stub(fs::path(path) / kStubFile);
    for (unsigned i = 0; i < count; ++i) {
        std::string name = "shard-" + std::to_string(i);
        shards.push_back((fs::path(path) / name).string());
        Xapian::WritableDatabase db(shards.back(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        db.commit();
        // Paths in a stub file are relative to the stub's folder, so the folder can move.
        stub << "auto " << name << "\n";
    }
    return shards;
}

void finish_sharded_database(const std::string& path, const std::vector<std::string>& shards) {
    for (const auto& s : shards)
        fsync_tree(s);
    fs::path lexicon = fs::path(path) / kLexiconFolder;
    fs::path fresh = fs::path(path) / (std::string(kLexiconFolder) + ".new");
    fs::remove_all(fresh);
    {
        Xapian::WritableDatabase out(fresh.string(), Xapian::DB_CREATE);
        for (const auto& s : shards) {
            Xapian::Database shard(s);
            for (auto it = shard.spellings_begin(); it != shard.spellings_end(); ++it) {
                out.add_spelling(*it, it.get_termfreq());
            }
        }
        out.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
        out.commit();
    }
    fs::remove_all(lexicon);
    fs::rename(fresh, lexicon);
    fsync_tree(lexicon);
}

}  // namespace gazette
