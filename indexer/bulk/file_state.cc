#include "indexer/bulk/file_state.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/hash.h"
#include "common/schema.h"

namespace gazette {
namespace {

namespace fs = std::filesystem;

std::string key_of(const InputFile& file) {
    std::error_code ec;
    return kFileStatePrefix + fs::absolute(file.path, ec).lexically_normal().string();
}

long long mtime_of(const InputFile& file) {
    std::error_code ec;
    auto t = fs::last_write_time(file.path, ec);
    return ec ? 0 : static_cast<long long>(t.time_since_epoch().count());
}

std::string content_hash(const InputFile& file) {
    std::ifstream in(file.path, std::ios::binary);
    std::uint64_t h = kFnv1aOffsetBasis;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        h = fnv1a(h, std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    return hash_hex(h);
}

}  // namespace

FileChange file_change(const Xapian::Database& db, const InputFile& file) {
    if (file.path == "-")
        return FileChange::kNew;
    std::istringstream recorded(db.get_metadata(key_of(file)));
    std::uintmax_t size = 0;
    long long mtime = 0;
    std::string hash;
    if (!(recorded >> size >> mtime >> hash))
        return FileChange::kNew;
    if (size == file.size && mtime == mtime_of(file))
        return FileChange::kUnchanged;
    return hash == content_hash(file) ? FileChange::kUnchanged : FileChange::kChanged;
}

void record_file_state(Xapian::WritableDatabase& db, const InputFile& file) {
    if (file.path == "-")
        return;
    db.set_metadata(key_of(file), std::to_string(file.size) + " " + std::to_string(mtime_of(file)) +
                                      " " + content_hash(file));
}

}  // namespace gazette
