#include "indexer/watch/watch_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace gazette {
namespace {

void sync_path(const std::filesystem::path& path, bool directory) {
    int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

WatchJournal::WatchJournal(const std::string& db_path) : path_(db_path + ".gazette-watch") {}

std::vector<std::string> WatchJournal::interrupted() const {
    std::vector<std::string> files;
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty())
            files.push_back(line);
    }
    return files;
}

void WatchJournal::begin(const std::vector<std::string>& files) const {
    std::filesystem::path fresh = path_.string() + ".new";
    {
        std::ofstream out(fresh, std::ios::trunc);
        for (const auto& f : files)
            out << f << "\n";
        if (!out.flush())
            throw std::runtime_error("cannot write " + fresh.string());
    }
    sync_path(fresh, false);
    std::filesystem::rename(fresh, path_);
    sync_path(path_.parent_path().empty() ? "." : path_.parent_path(), true);
}

void WatchJournal::end() const {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

}  // namespace gazette
