#include "indexer/bulk/shard_scheme.h"

#include <filesystem>
#include <fstream>

#include "common/date.h"
#include "common/errors.h"

namespace gazette {

namespace fs = std::filesystem;

std::string scheme_name(ShardScheme scheme) {
    return scheme == ShardScheme::kYear ? "year" : "hash";
}

std::optional<ShardScheme> parse_scheme_name(const std::string& name) {
    if (name == "hash")
        return ShardScheme::kHash;
    if (name == "year")
        return ShardScheme::kYear;
    return std::nullopt;
}

std::optional<ShardScheme> recorded_scheme(const std::string& path) {
    std::ifstream in(fs::path(path) / kSchemeFile);
    if (!in)
        return std::nullopt;
    std::string name;
    in >> name;
    auto scheme = parse_scheme_name(name);
    if (!scheme) {
        throw UsageError(path + " is sharded by \"" + name +
                         "\", a scheme this gazette-index does not know");
    }
    return scheme;
}

void record_scheme(const std::string& path, ShardScheme scheme) {
    fs::path file = fs::path(path) / kSchemeFile;
    fs::path fresh = file.string() + ".new";
    {
        std::ofstream out(fresh);
        out << scheme_name(scheme) << "\n";
        if (!out.flush())
            throw std::runtime_error("cannot write " + fresh.string());
    }
    fs::rename(fresh, file);
}

std::string year_shard_name(const Article& article) {
    // The same year as the year facet shows: the UTC year of the timestamp.
    return article.timestamp ? format_year(*article.timestamp) : kUndatedShard;
}

}  // namespace gazette
