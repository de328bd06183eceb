#include "indexer/bulk/delete_articles.h"

#include <xapian.h>

#include <fstream>

#include "common/errors.h"
#include "common/fields.h"
#include "indexer/bulk/database_writer.h"
#include "indexer/bulk/sharded_database.h"

namespace gazette {

std::vector<std::string> read_id_list(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError("cannot read id list " + path);
    std::vector<std::string> ids;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        auto last = line.find_last_not_of(" \t");
        ids.push_back(line.substr(first, last - first + 1));
    }
    return ids;
}

DeleteResult delete_articles(const std::string& db_path, const std::vector<std::string>& ids) {
    // A sharded database: each shard on its own (an id may be in any of them when the
    // database is sharded by year); otherwise the database itself.
    std::vector<std::string> paths = sharded_database_shards(db_path);
    if (paths.empty())
        paths.push_back(db_path);
    std::vector<Xapian::WritableDatabase> dbs;
    for (const auto& path : paths) {
        dbs.emplace_back(path, Xapian::DB_OPEN);
        check_or_record_schema(dbs.back(), path);
    }
    DeleteResult result;
    for (const auto& id : ids) {
        std::string term = id_term(id);
        bool found = false;
        for (auto& db : dbs) {
            if (db.term_exists(term)) {
                db.delete_document(term);
                found = true;
            }
        }
        if (found) {
            ++result.deleted;
        } else {
            result.not_found.push_back(id);
        }
    }
    // One commit per database for the whole list (all or nothing within a shard).
    for (auto& db : dbs)
        db.commit();
    return result;
}

}  // namespace gazette
