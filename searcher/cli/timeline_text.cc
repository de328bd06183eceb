#include "searcher/cli/timeline_text.h"

#include <algorithm>
#include <cstdio>

#include "common/text/csv.h"

namespace gazette {
namespace {

constexpr const char* kDim = "\033[2m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr int kBarWidth = 50;  // characters of the longest bar
constexpr std::size_t kSparkWidth = 72;

// Eighths of a block, so that bars differ by less than a character.
const char* const kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
const char* const kSpark[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

double value_of(const TimelinePoint& p, bool normalized) {
    return normalized ? p.share : static_cast<double>(p.count);
}

std::string format_value(const TimelinePoint& p, bool normalized) {
    char text[48];
    if (normalized) {
        std::snprintf(text, sizeof text, "%.2f%% (%u/%u)", p.share * 100, p.count, p.total);
    } else {
        std::snprintf(text, sizeof text, "%u", p.count);
    }
    return text;
}

std::string bar(double value, double peak) {
    if (peak <= 0 || value <= 0)
        return "";
    int eighths = static_cast<int>(value / peak * kBarWidth * 8 + 0.5);
    eighths = std::max(eighths, 1);  // a period with matches never looks empty
    std::string out;
    for (int i = 0; i < eighths / 8; ++i)
        out += "█";
    return out + kEighths[eighths % 8];
}

void print_bars(std::ostream& out, const TimelineSeries& s, bool normalized, bool color) {
    auto style = [&](const char* code) { return color ? code : ""; };
    double peak = 0;
    for (const auto& p : s.points)
        peak = std::max(peak, value_of(p, normalized));
    for (const auto& p : s.points) {
        char label[24];
        std::snprintf(label, sizeof label, "%-10s ", p.period.c_str());
        bool is_peak = peak > 0 && value_of(p, normalized) == peak;
        out << style(kDim) << label << style(kReset) << bar(value_of(p, normalized), peak) << " "
            << (is_peak ? style(kBold) : "") << format_value(p, normalized)
            << (is_peak ? std::string(style(kReset)) + "  ◀ peak" : "") << "\n";
    }
}

void print_sparkline(std::ostream& out, const TimelineSeries& s, bool normalized, bool color) {
    auto style = [&](const char* code) { return color ? code : ""; };
    // Each character covers an equal run of periods and shows the largest value in it.
    std::size_t per_char = (s.points.size() + kSparkWidth - 1) / kSparkWidth;
    double peak = 0;
    const TimelinePoint* peak_point = nullptr;
    for (const auto& p : s.points) {
        if (!peak_point || value_of(p, normalized) > peak) {
            peak = value_of(p, normalized);
            peak_point = &p;
        }
    }
    std::string line;
    for (std::size_t i = 0; i < s.points.size(); i += per_char) {
        double v = 0;
        for (std::size_t j = i; j < std::min(i + per_char, s.points.size()); ++j)
            v = std::max(v, value_of(s.points[j], normalized));
        line += v <= 0 || peak <= 0 ? " " : kSpark[std::min(7, static_cast<int>(v / peak * 7.999))];
    }
    out << style(kDim) << s.points.front().period << style(kReset) << " " << line << " "
        << style(kDim) << s.points.back().period << style(kReset) << "\n";
    out << "peak " << style(kBold) << format_value(*peak_point, normalized) << style(kReset)
        << " in " << peak_point->period << "; one mark = " << per_char << " "
        << (per_char == 1 ? "period" : "periods") << "\n";
}

// "1987-03   icco, grindings, butter  (41 sampled)" for each period that has key terms.
void print_period_key_terms(std::ostream& out, const TimelineSeries& s, bool color) {
    auto style = [&](const char* code) { return color ? code : ""; };
    bool heading = false;
    for (const auto& p : s.points) {
        if (!p.key_terms || p.key_terms->terms.empty())
            continue;
        if (!heading) {
            out << "\n"
                << style(kBold) << "key terms per period" << style(kReset) << style(kDim)
                << " (each period's sampled matches against all sampled)" << style(kReset) << "\n";
            heading = true;
        }
        char label[24];
        std::snprintf(label, sizeof label, "%-10s ", p.period.c_str());
        out << style(kDim) << label << style(kReset);
        for (const auto& term : p.key_terms->terms)
            out << (&term == &p.key_terms->terms.front() ? "" : ", ") << term.term;
        out << style(kDim) << "  (" << p.key_terms->sample_size << " sampled)" << style(kReset)
            << "\n";
    }
}

}  // namespace

void print_timeline_csv(std::ostream& out, const Timeline& t) {
    out << "period";
    for (const auto& s : t.series)
        out << "," << csv_field(s.query);
    out << "\n";
    std::size_t rows = t.series.empty() ? 0 : t.series.front().points.size();
    for (std::size_t i = 0; i < rows; ++i) {
        out << t.series.front().points[i].period;
        for (const auto& s : t.series) {
            if (t.normalized) {
                char share[32];
                std::snprintf(share, sizeof share, "%.6g", s.points[i].share);
                out << "," << share;
            } else {
                out << "," << s.points[i].count;
            }
        }
        out << "\n";
    }
}

void print_timeline_text(std::ostream& out, const Timeline& t, bool color) {
    auto style = [&](const char* code) { return color ? code : ""; };
    for (const auto& s : t.series) {
        if (&s != &t.series.front())
            out << "\n";
        out << style(kBold) << (s.query.empty() ? "(no query words)" : "\"" + s.query + "\"")
            << style(kReset) << style(kDim) << "  " << s.matches << " matches per "
            << timeline_interval_name(t.interval)
            << (t.normalized ? ", as a share of all articles of the period" : "")
            << (s.undated ? ", " + std::to_string(s.undated) + " undated" : "") << style(kReset)
            << "\n";
        if (s.points.empty()) {
            out << "no dated matches\n";
        } else if (s.points.size() <= kMaxBarRows) {
            print_bars(out, s, t.normalized, color);
        } else {
            print_sparkline(out, s, t.normalized, color);
        }
        print_period_key_terms(out, s, color);
    }
}

}  // namespace gazette
