#include "indexer/bulk/progress.h"

#include <algorithm>
#include <cstdio>

namespace gazette {

ProgressLine::ProgressLine(bool enabled, std::uintmax_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes) {}

void ProgressLine::update(std::uint64_t articles, std::uintmax_t bytes_done) {
    if (!enabled_)
        return;
    auto now = Clock::now();
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(250))
        return;
    last_draw_ = now;
    drawn_ = true;
    double seconds = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
    double rate = static_cast<double>(articles) / seconds;
    double mb = static_cast<double>(bytes_done) / 1e6;
    char eta[32] = "";
    if (total_bytes_ > 0 && bytes_done > 0) {
        double fraction =
            std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(total_bytes_));
        double left = seconds * (1.0 - fraction) / fraction;
        std::snprintf(eta, sizeof eta, "  %3.0f%%  ETA %dm%02ds", fraction * 100.0,
                      static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    }
    std::fprintf(stderr, "\r\033[K%10llu articles  %8.1f MB  %8.0f articles/s  %6.2f MB/s%s",
                 static_cast<unsigned long long>(articles), mb, rate, mb / seconds, eta);
    std::fflush(stderr);
}

void ProgressLine::finish() {
    if (enabled_ && drawn_)
        std::fprintf(stderr, "\r\033[K");
}

}  // namespace gazette
