#include "indexer/bulk/run_progress.h"

#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "common/hash.h"

namespace gazette {
std::string plan_fingerprint(const InputPlan& plan, const std::string& default_source) {
    std::ostringstream all;
    all << "source=" << default_source << "\n";
    for (const auto& f : plan.files) {
        if (f.path == "-")
            return "";
        std::error_code ec;
        auto mtime = std::filesystem::last_write_time(f.path, ec);
        all << f.path.string() << "\t" << f.size << "\t"
            << (ec ? 0 : mtime.time_since_epoch().count()) << "\t" << static_cast<int>(f.format)
            << "\t" << f.relative << "\n";
    }
    return hash_hex(fnv1a(all.str()));
}

std::string encode_position(const std::string& plan_id, const RunPosition& p) {
    return plan_id + " " +
           (p.complete ? "complete" : std::to_string(p.file) + " " + std::to_string(p.record));
}

std::optional<RunPosition> decode_position(const std::string& value, const std::string& plan_id) {
    if (plan_id.empty())
        return std::nullopt;
    std::istringstream in(value);
    std::string id, first;
    if (!(in >> id >> first) || id != plan_id)
        return std::nullopt;
    RunPosition p;
    if (first == "complete") {
        p.complete = true;
        return p;
    }
    try {
        p.file = std::stoull(first);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (!(in >> p.record))
        return std::nullopt;
    return p;
}

std::optional<RunPosition> resume_position(const std::vector<std::string>& databases,
                                           const std::string& plan_id) {
    std::optional<RunPosition> least;
    bool any_position = false;
    for (const auto& path : databases) {
        Xapian::Database db(path);
        std::string value = db.get_metadata(kProgressKey);
        // A writer killed before its first commit left an empty database: it resumes from the
        // start, like a writer whose first batch had not been sent.
        auto p = value.empty() && db.get_doccount() == 0 ? std::optional<RunPosition>(RunPosition{})
                                                         : decode_position(value, plan_id);
        if (!p)
            return std::nullopt;
        any_position = any_position || !value.empty();
        if (!least || *p < *least)
            least = p;
    }
    if (!any_position)
        return std::nullopt;  // nothing was committed: a fresh run, not a resumed one
    return least;
}

}  // namespace gazette
