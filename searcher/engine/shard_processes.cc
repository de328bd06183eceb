#include "searcher/engine/shard_processes.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "common/schema.h"

namespace gazette {

namespace fs = std::filesystem;

namespace {

// A stub may name another stub; deeper than this is taken for a loop.
constexpr int kMaxStubDepth = 8;

bool installed(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path ? path : "");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        if (folder.empty())
            folder = ".";
        if (::access((fs::path(folder) / program).c_str(), X_OK) == 0)
            return true;
    }
    return false;
}

// A single-file glass database (xapian-compact --single-file) starts with this.
bool is_single_file_database(const std::string& path) {
    char head[16] = {};
    std::ifstream(path, std::ios::binary).read(head, sizeof head);
    return std::string(head, sizeof head).find("Xapian Glass") != std::string::npos;
}

// The stub file `spec` stands for, or "" when it is a plain database (Xapian's rule: a
// folder holding a stub file XAPIANDB, or a regular file that is not a single-file database).
std::string stub_file_of(const std::string& spec) {
    std::error_code ec;
    if (fs::is_regular_file(spec, ec))
        return is_single_file_database(spec) ? "" : spec;
    fs::path inside = fs::path(spec) / kStubFile;
    if (fs::is_regular_file(inside, ec))
        return inside.string();
    return "";
}

void collect(const std::string& spec, int depth, std::vector<std::string>& out) {
    std::string stub = stub_file_of(spec);
    if (stub.empty()) {
        out.push_back(spec);
        return;
    }
    if (depth >= kMaxStubDepth)
        throw UsageError("stub file " + stub + ": stubs nested more than 8 deep (a loop?)");
    std::ifstream in(stub);
    if (!in)
        throw UsageError("cannot read stub file " + stub);
    fs::path base = fs::path(stub).parent_path();
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream words(line);
        std::string type, rest;
        if (!(words >> type) || type[0] == '#')
            continue;
        std::getline(words >> std::ws, rest);
        if ((type != "auto" && type != "glass" && type != "chert") || rest.empty()) {
            throw UsageError("stub file " + stub + " line " + std::to_string(number) + ": '" +
                             line +
                             "' is not a local database; --parallel searches local "
                             "databases only (give remote shards as tcp://host:port)");
        }
        fs::path entry = fs::path(rest).is_absolute() ? fs::path(rest) : base / rest;
        collect(entry.string(), depth + 1, out);
    }
}

}  // namespace

std::vector<std::string> local_databases_of(const std::string& spec) {
    std::vector<std::string> out;
    collect(spec, 0, out);
    return out;
}

Xapian::Database open_in_own_process(const std::string& path, unsigned timeout_ms) {
    if (!installed(kProgServer)) {
        throw UsageError(std::string("--parallel needs ") + kProgServer +
                         " on the PATH (Debian package xapian-tools)");
    }
    if (path.find_first_of(" \t\n") != std::string::npos) {
        throw UsageError("--parallel cannot open " + path + ": Xapian passes the path to " +
                         kProgServer + " split at spaces; move it to a path without spaces");
    }
    return Xapian::Remote::open(kProgServer, path, timeout_ms);
}

}  // namespace gazette
