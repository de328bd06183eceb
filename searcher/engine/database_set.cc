#include "searcher/engine/database_set.h"

#include <filesystem>
#include <string>

#include "common/errors.h"
#include "common/schema.h"
#include "searcher/engine/shard_processes.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

void check_schema(const Xapian::Database& db, const std::string& path) {
    std::string version = db.get_metadata(kSchemaVersionKey);
    if (version.empty()) {
        if (db.get_doccount() == 0)
            return;  // an empty database is harmless
        throw UsageError("database " + path + " was not made by gazette-index (no schema version)");
    }
    if (version != std::to_string(kSchemaVersion)) {
        throw UsageError("database " + path + " has schema version " + version +
                         "; this gazette-search reads version " + std::to_string(kSchemaVersion));
    }
}

// Each local database of `spec` (each shard of a stub) served by its own child process.
// The schema is checked locally first: a child's errors reach us only as its exit.
Xapian::Database open_in_processes(const std::string& spec, const ShardOptions& o) {
    Xapian::Database all;
    for (const auto& local : local_databases_of(spec)) {
        check_schema(Xapian::Database(local), local);
        all.add_database(open_in_own_process(local, o.timeout_ms));
    }
    return all;
}

Xapian::Database open_one(const std::string& spec, const ShardOptions& o, bool& remote) {
    std::string host;
    unsigned port = 0;
    remote = parse_tcp_spec(spec, host, port);
    try {
        if (remote)
            return Xapian::Remote::open(host, port, o.timeout_ms, o.connect_timeout_ms);
        if (o.parallel)
            return open_in_processes(spec, o);
        Xapian::Database db(spec);
        check_schema(db, spec);
        return db;
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Xapian::DatabaseOpeningError("cannot open database " + spec + ": " + e.get_msg());
    } catch (const Xapian::NetworkError& e) {
        throw Xapian::NetworkError("cannot reach shard " + spec + ": " + e.get_msg());
    }
}

// The size of a local database's files (a folder, a stub's folder with its shards, or one file).
std::uintmax_t size_on_disk(const std::string& spec) {
    std::error_code ec;
    if (fs::is_regular_file(spec, ec))
        return fs::file_size(spec, ec);
    std::uintmax_t total = 0;
    for (auto it = fs::recursive_directory_iterator(spec, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file(ec))
            total += it->file_size(ec);
    }
    return total;
}

// True when a local spec is (or holds) a stub file that lists remote shards.
bool lists_remote_shards(const std::string& spec) {
    try {
        local_databases_of(spec);
        return false;
    } catch (const UsageError&) {
        return true;
    }
}

}  // namespace

bool replaced_since_opened(const DatabaseSet& set) {
    for (const auto& [path, uuid] : set.opened_uuids) {
        try {
            if (Xapian::Database(path).get_uuid() != uuid)
                return true;
        } catch (const Xapian::DatabaseOpeningError&) {
            // Between the two renames of a swap: the next check sees the new one.
        }
    }
    return false;
}

bool parse_tcp_spec(const std::string& spec, std::string& host, unsigned& port) {
    if (!spec.starts_with("tcp://"))
        return false;
    std::string rest = spec.substr(6);
    auto colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = rest.substr(0, colon);
    try {
        std::size_t used = 0;
        unsigned long p = std::stoul(rest.substr(colon + 1), &used);
        if (used != rest.size() - colon - 1 || p == 0 || p > 65535)
            return false;
        port = static_cast<unsigned>(p);
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

DatabaseSet open_database_set(const std::vector<std::string>& specs, const ShardOptions& o) {
    DatabaseSet set;
    std::string first_error;
    // With --parallel and no lexicon/ folder, suggestions come from the local databases'
    // own spelling data, read here in this process.
    std::optional<Xapian::Database> own_spelling;
    for (const auto& spec : specs) {
        bool remote = false;
        Xapian::Database one;
        try {
            one = open_one(spec, o, remote);
            set.db.add_database(one);
        } catch (const Xapian::Error& e) {
            if (!o.allow_partial)
                throw;
            set.missing.push_back(spec);
            if (first_error.empty())
                first_error = e.get_msg();
            continue;
        }
        set.any_remote = set.any_remote || remote || o.parallel;
        set.any_network = set.any_network || remote;
        if (!remote) {
            set.remote_in_stub = set.remote_in_stub || lists_remote_shards(spec);
            set.bytes_on_disk += size_on_disk(spec);
            if (!set.remote_in_stub) {
                for (const auto& local : local_databases_of(spec))
                    set.opened_uuids.emplace_back(local, Xapian::Database(local).get_uuid());
            }
        }
        std::error_code ec;
        if (!remote && o.lexicon.empty() && !set.lexicon &&
            fs::is_directory(fs::path(spec) / kLexiconFolder, ec)) {
            set.lexicon = Xapian::Database((fs::path(spec) / kLexiconFolder).string());
        }
        if (o.parallel) {
            // A tcp:// shard among them is read over the network either way.
            Xapian::Database here = remote ? one : Xapian::Database(spec);
            if (!set.documents)
                set.documents.emplace();
            set.documents->add_database(here);
            if (!remote) {
                if (!own_spelling)
                    own_spelling.emplace();
                own_spelling->add_database(here);
            }
        }
    }
    if (!set.lexicon && own_spelling)
        set.lexicon = std::move(own_spelling);
    if (set.missing.size() == specs.size()) {
        throw Xapian::NetworkError("no shard could be opened: " + first_error);
    }
    if (!o.lexicon.empty())
        set.lexicon = Xapian::Database(o.lexicon);
    return set;
}

Xapian::Document matched_document(const Xapian::Database& documents, Xapian::docid id) {
    try {
        return documents.get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
        throw Xapian::DatabaseModifiedError("document " + std::to_string(id) +
                                            " changed between the match and its reading");
    }
}

}  // namespace gazette
