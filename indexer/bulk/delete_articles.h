// --delete ID… and --delete-from FILE: remove articles by id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gazette {

struct DeleteResult {
    std::uint64_t deleted = 0;
    std::vector<std::string> not_found;
};

// Reads ids, one per line (blank lines and lines starting with '#' ignored). Throws
// InputError when the file cannot be read.
std::vector<std::string> read_id_list(const std::string& path);

// Deletes each id's article in one commit. Ids the database does not hold are listed.
DeleteResult delete_articles(const std::string& db_path, const std::vector<std::string>& ids);

}  // namespace gazette
