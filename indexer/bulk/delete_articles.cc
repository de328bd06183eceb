#include "indexer/bulk/delete_articles.h"

#include <xapian.h>

#include <fstream>

#include "common/errors.h"
#include "common/fields.h"
#include "indexer/bulk/shard_writer.h"

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
    Xapian::WritableDatabase db(db_path, Xapian::DB_OPEN);
    check_or_record_schema(db, db_path);
    DeleteResult result;
    for (const auto& id : ids) {
        std::string term = id_term(id);
        if (db.term_exists(term)) {
            db.delete_document(term);
            ++result.deleted;
        } else {
            result.not_found.push_back(id);
        }
    }
    db.commit();  // all or nothing: one commit for the whole list
    return result;
}

}  // namespace gazette
