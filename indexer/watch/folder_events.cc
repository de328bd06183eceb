#include "indexer/watch/folder_events.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace gazette {
namespace {

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

std::runtime_error system_error(const std::string& what) {
    return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

void block_stop_signals() {
    sigset_t set = stop_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool is_temporary_name(const std::filesystem::path& name) {
    std::string n = name.filename().string();
    if (n.empty() || n.front() == '.' || n.back() == '~')
        return true;
    for (std::string_view suffix : {".tmp", ".part", ".partial", ".crdownload", ".swp"}) {
        if (n.size() > suffix.size() && n.ends_with(suffix))
            return true;
    }
    return false;
}

FolderEvents::FolderEvents(const std::filesystem::path& folder) : folder_(folder) {
    inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify_ < 0)
        throw system_error("cannot watch " + folder.string() + " (inotify_init1)");
    // Closed after writing, or renamed in (the safe way to deliver a file): never a file
    // still being written, and a file renamed in gives one event, not two.
    if (inotify_add_watch(inotify_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
        int saved = errno;
        close(inotify_);
        errno = saved;
        throw system_error("cannot watch " + folder.string());
    }
    sigset_t set = stop_signals();
    signals_ = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    if (signals_ < 0) {
        int saved = errno;
        close(inotify_);
        errno = saved;
        throw system_error("cannot receive signals (signalfd)");
    }
}

FolderEvents::~FolderEvents() {
    close(inotify_);
    close(signals_);
}

FolderEvents::Batch FolderEvents::wait(std::chrono::milliseconds settle,
                                       std::chrono::milliseconds longest) {
    using clock = std::chrono::steady_clock;
    Batch batch;
    clock::time_point first{}, last{};  // the batch's first and latest event
    alignas(inotify_event) std::array<char, 64 * 1024> buffer;
    for (;;) {
        int timeout = -1;
        if (!batch.paths.empty() || batch.overflow) {
            auto now = clock::now();
            auto until = std::min(last + settle, first + longest);
            if (now >= until)
                return batch;
            timeout = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count() + 1);
        }
        std::array<pollfd, 2> fds{{{inotify_, POLLIN, 0}, {signals_, POLLIN, 0}}};
        int ready = poll(fds.data(), fds.size(), timeout);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            throw system_error("poll");
        }
        if (fds[1].revents & POLLIN) {
            signalfd_siginfo info;
            while (read(signals_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
            }
            batch.stop = true;
            return batch;
        }
        if (!(fds[0].revents & POLLIN))
            continue;  // the settle time passed: the loop returns the batch
        ssize_t got;
        while ((got = read(inotify_, buffer.data(), buffer.size())) > 0) {
            for (ssize_t at = 0; at < got;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
                if (event->mask & IN_Q_OVERFLOW) {
                    batch.overflow = true;
                } else if (event->len > 0) {
                    std::filesystem::path path = folder_ / event->name;
                    if (!is_temporary_name(path) &&
                        std::find(batch.paths.begin(), batch.paths.end(), path) ==
                            batch.paths.end()) {
                        batch.paths.push_back(path);
                    } else {
                        continue;
                    }
                } else {
                    continue;
                }
                last = clock::now();
                if (first == clock::time_point{})
                    first = last;
            }
        }
    }
}

}  // namespace gazette
