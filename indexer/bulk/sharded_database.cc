#include "indexer/bulk/sharded_database.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/errors.h"
#include "common/schema.h"
#include "indexer/bulk/shard_scheme.h"

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

// A year shard's folder name: digits (a year, "-" first before year 0) or "undated".
bool is_year_shard_name(const std::string& name) {
    if (name == kUndatedShard)
        return true;
    std::size_t first = !name.empty() && name[0] == '-' ? 1 : 0;
    if (name.size() < first + 4)
        return false;
    return name.find_first_not_of("0123456789", first) == std::string::npos;
}

void new_shard(const fs::path& p) {
    Xapian::WritableDatabase db(p.string(), Xapian::DB_CREATE_OR_OPEN);
    if (db.get_metadata(kSchemaVersionKey).empty())
        db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    db.commit();
}

// Paths in a stub file are relative to the stub's folder, so the folder can move. Written to
// a new file renamed over the old one: a reader never sees half a stub.
void write_stub(const fs::path& folder, const std::vector<std::string>& names) {
    fs::path fresh = folder / (std::string(kStubFile) + ".new");
    {
        std::ofstream stub(fresh);
        for (const auto& name : names)
            stub << "auto " << name << "\n";
        if (!stub.flush())
            throw std::runtime_error("cannot write " + fresh.string());
    }
    fsync_path(fresh, false);
    fs::rename(fresh, folder / kStubFile);
    fsync_path(folder, true);
}

}  // namespace

std::vector<std::string> sharded_database_shards(const std::string& path) {
    std::vector<std::string> shards;
    std::ifstream stub(fs::path(path) / kStubFile);
    if (!stub)
        return shards;
    bool by_year = recorded_scheme(path) == ShardScheme::kYear;
    std::string type, name;
    while (stub >> type >> name) {
        bool ours = by_year ? is_year_shard_name(name) : name.starts_with(kHashShardPrefix);
        if (type != "auto" || !ours)
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
    std::vector<std::string> shards, names;
    for (unsigned i = 0; i < count; ++i) {
        names.push_back(kHashShardPrefix + std::to_string(i));
        shards.push_back((fs::path(path) / names.back()).string());
        new_shard(shards.back());
    }
    record_scheme(path, ShardScheme::kHash);
    write_stub(path, names);
    return shards;
}

std::vector<std::string> create_year_sharded_database(const std::string& path) {
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_empty(path, ec)) {
        throw UsageError("cannot make a sharded database in " + path +
                         ": it exists and is not one");
    }
    fs::create_directories(path);
    new_shard(fs::path(path) / kUndatedShard);
    record_scheme(path, ShardScheme::kYear);
    write_stub(path, {kUndatedShard});
    return {(fs::path(path) / kUndatedShard).string()};
}

std::string add_year_shard(const std::string& path, const std::string& name) {
    fs::path shard = fs::path(path) / name;
    new_shard(shard);
    rewrite_year_stub(path);
    return shard.string();
}

void rewrite_year_stub(const std::string& path) {
    std::vector<std::string> years;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::string name = entry.path().filename().string();
        if (name != kUndatedShard && is_year_shard_name(name) &&
            fs::exists(entry.path() / "iamglass", ec)) {
            years.push_back(name);
        }
    }
    // Oldest year first; "undated" always leads (see create_year_sharded_database).
    std::sort(years.begin(), years.end(), [](const std::string& a, const std::string& b) {
        return std::stoll(a) < std::stoll(b);
    });
    years.insert(years.begin(), kUndatedShard);
    write_stub(path, years);
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
