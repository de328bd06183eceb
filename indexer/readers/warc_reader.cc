#include "indexer/readers/warc_reader.h"

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/text/ascii.h"
#include "indexer/readers/held_events.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/http_response.h"
#include "indexer/readers/segmented_source.h"

namespace gazette {
namespace {

constexpr std::size_t kMaxHeaderLine = 64 * 1024;
constexpr std::size_t kMaxHeaderLines = 1000;
constexpr std::size_t kMaxHttpHead = 256 * 1024;
constexpr std::size_t kMaxPage = 32u << 20;     // an HTML record's bytes as stored
constexpr std::size_t kMaxDecoded = 64u << 20;  // and decompressed
// Records held for a gzip member's CRC: a file gzipped whole is one member, and holding
// all of it would hold the whole crawl.
constexpr std::size_t kMaxHeld = 64;

// Buffered reading inside one segment, counting the bytes consumed from it.
class SegmentReader {
  public:
    explicit SegmentReader(SegmentedSource& source) : source_(source) {}

    void start_segment() {
        buffer_.clear();
        pos_ = 0;
        consumed_ = 0;
        end_ = false;
    }
    std::uint64_t position() const { return consumed_ + pos_; }

    // A line without its "\n" or "\r\n"; false at the end of the segment. Of a line longer
    // than `max` (binary data while looking for a record), only the first `max` bytes.
    bool read_line(std::string& line, std::size_t max) {
        bool cut = false;
        for (;;) {
            auto nl = buffer_.find('\n', pos_);
            if (nl != std::string::npos) {
                std::size_t end = nl > pos_ && buffer_[nl - 1] == '\r' ? nl - 1 : nl;
                if (!cut)
                    line.assign(buffer_, pos_, end - pos_);
                pos_ = nl + 1;
                return true;
            }
            if (buffer_.size() - pos_ > max) {
                if (!cut)
                    line.assign(buffer_, pos_, max);
                cut = true;
                pos_ = buffer_.size();
            }
            if (!fill()) {
                if (cut)
                    return true;
                if (pos_ == buffer_.size())
                    return false;
                line.assign(buffer_, pos_);
                pos_ = buffer_.size();
                return true;
            }
        }
    }
    // Appends up to `n` bytes to `out` (fewer at the end of the segment); returns how many.
    std::size_t read_into(std::string& out, std::size_t n) {
        std::size_t done = 0;
        while (done < n) {
            if (pos_ == buffer_.size() && !fill())
                break;
            std::size_t take = std::min(n - done, buffer_.size() - pos_);
            out.append(buffer_, pos_, take);
            pos_ += take;
            done += take;
        }
        return done;
    }
    std::uint64_t skip(std::uint64_t n) {
        std::uint64_t done = 0;
        while (done < n) {
            if (pos_ == buffer_.size() && !fill())
                break;
            std::size_t take =
                static_cast<std::size_t>(std::min<std::uint64_t>(n - done, buffer_.size() - pos_));
            pos_ += take;
            done += take;
        }
        return done;
    }

  private:
    bool fill() {
        if (end_)
            return false;
        buffer_.erase(0, pos_);
        consumed_ += pos_;
        pos_ = 0;
        char chunk[64 * 1024];
        std::size_t n = source_.read(chunk, sizeof chunk);
        if (n == 0) {
            end_ = true;
            return false;
        }
        buffer_.append(chunk, n);
        return true;
    }

    SegmentedSource& source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::uint64_t consumed_ = 0;
    bool end_ = false;
};

struct WarcHeaders {
    std::vector<std::pair<std::string, std::string>> fields;  // names lower-cased
    std::string get(std::string_view name) const {
        for (const auto& [n, v] : fields) {
            if (n == name)
                return v;
        }
        return "";
    }
};

// Everything is stored in the segment's records; a record's "where" names the file, the
// offset and (when known) its URI.
class WarcReader {
  public:
    WarcReader(SegmentedSource& source, const std::string& display_name,
               const std::string& default_source, ArticleSink& sink)
        : source_(source),
          reader_(source),
          display_name_(display_name),
          default_source_(default_source),
          sink_(sink) {}

    void run() {
        for (;;) {
            std::uint64_t record_start = 0;
            try {
                if (!source_.next_segment())
                    return;
                reader_.start_segment();
                read_segment(record_start);
                held_.release_to(sink_);
            } catch (const SegmentDamage& e) {
                std::size_t dropped = held_.drop();
                if (!recovering_) {
                    std::string reason =
                        std::string(e.what()) + "; everything up to the next gzip member is lost";
                    if (dropped > 0)
                        reason += ", with " + std::to_string(dropped) + " article(s) read from it";
                    sink_.reject(display_name_ + source_.locate(0), reason);
                }
                // Until a record header reads cleanly, further failures are the same damage
                // (or a false member header inside it) and are not reported again.
                recovering_ = true;
            } catch (const InputError& e) {
                held_.release_to(sink_);
                sink_.reject(display_name_ + source_.locate(record_start),
                             std::string(e.what()) + "; the rest of the file is lost");
                return;
            }
        }
    }

  private:
    void read_segment(std::uint64_t& record_start) {
        std::string line;
        for (;;) {
            // Records end in "\r\n\r\n"; blank lines between them are not content.
            do {
                record_start = reader_.position();
                if (!reader_.read_line(line, kMaxHeaderLine))
                    return;
            } while (trim(line).empty());
            std::string where = display_name_ + source_.locate(record_start);
            if (!line.starts_with("WARC/")) {
                if (!recovering_) {
                    held_.reject(where, "not a WARC record header; looking for the next one");
                    recovering_ = true;
                }
                continue;
            }
            WarcHeaders headers;
            if (!read_headers(headers)) {
                held_.reject(where, "record cut short in its header");
                return;
            }
            recovering_ = false;
            if (std::string uri = target_uri(headers); !uri.empty())
                where += " (" + uri + ")";
            std::string length_text(trim(headers.get("content-length")));
            char* end = nullptr;
            unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
            if (length_text.empty() || *end != '\0' ||
                length_text.find_first_not_of("0123456789") != std::string::npos) {
                held_.reject(where, "no valid Content-Length; looking for the next record");
                recovering_ = true;
                continue;
            }
            if (!read_record(where, headers, length))
                return;  // cut short: the segment is over
            if (!source_.checked_at_end() || held_.size() >= kMaxHeld)
                held_.release_to(sink_);
        }
    }

    bool read_headers(WarcHeaders& headers) {
        std::string line;
        for (std::size_t n = 0; n < kMaxHeaderLines; ++n) {
            if (!reader_.read_line(line, kMaxHeaderLine))
                return false;
            if (line.empty())
                return true;
            if ((line[0] == ' ' || line[0] == '\t') && !headers.fields.empty()) {
                headers.fields.back().second += " " + std::string(trim(line));
                continue;
            }
            auto colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            headers.fields.emplace_back(
                ascii_lower(trim(std::string_view(line).substr(0, colon))),
                std::string(trim(std::string_view(line).substr(colon + 1))));
        }
        throw InputError("more than " + std::to_string(kMaxHeaderLines) + " header lines");
    }

    static std::string target_uri(const WarcHeaders& headers) {
        std::string uri(trim(headers.get("warc-target-uri")));
        if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
            uri = uri.substr(1, uri.size() - 2);  // WARC 0.17's <uri> form
        return uri;
    }

    // Passes over the rest of a block; false (after rejecting) when the segment ends first.
    bool skip_block(const std::string& where, std::uint64_t length, std::uint64_t done) {
        std::uint64_t skipped = reader_.skip(length - done);
        if (done + skipped < length) {
            held_.reject(where, cut_short(length, done + skipped));
            return false;
        }
        return true;
    }

    static std::string cut_short(std::uint64_t length, std::uint64_t got) {
        return "record cut short: Content-Length " + std::to_string(length) + " but only " +
               std::to_string(got) + " bytes";
    }

    // One record's block; false when the segment ended inside it.
    bool read_record(const std::string& where, const WarcHeaders& headers, std::uint64_t length) {
        std::string type = ascii_lower(trim(headers.get("warc-type")));
        if (type != "response") {
            held_.skip(where, (type.empty() ? "untyped" : type) + " record");
            return skip_block(where, length, 0);
        }
        std::string block_type = media_type(headers.get("content-type"));
        if (block_type != "application/http") {
            held_.skip(where, "response record of " + block_type);
            return skip_block(where, length, 0);
        }
        std::string block;
        std::size_t got = reader_.read_into(block, std::min<std::uint64_t>(length, kMaxHttpHead));
        std::size_t head_end = block.find("\r\n\r\n");
        std::size_t body_start = head_end == std::string::npos ? std::string::npos : head_end + 4;
        if (head_end == std::string::npos) {
            head_end = block.find("\n\n");
            body_start = head_end == std::string::npos ? std::string::npos : head_end + 2;
        }
        if (body_start == std::string::npos) {
            if (got < length && got == kMaxHttpHead) {
                held_.reject(where, "HTTP header longer than 256 KB");
                return skip_block(where, length, got);
            }
            if (got < length) {
                held_.reject(where, cut_short(length, got));
                return false;
            }
            body_start = head_end = block.size();  // a head without a body
        }
        auto head = parse_http_head(std::string_view(block).substr(0, head_end));
        if (!head) {
            held_.skip(where, "response record without an HTTP response");
            return skip_block(where, length, got);
        }
        if (head->status < 200 || head->status > 299) {
            held_.skip(where, "HTTP status " + std::to_string(head->status));
            return skip_block(where, length, got);
        }
        std::string page_type = media_type(head->header("content-type"));
        if (page_type != "text/html" && page_type != "application/xhtml+xml") {
            held_.skip(where, "not HTML (" + (page_type.empty() ? "no type" : page_type) + ")");
            return skip_block(where, length, got);
        }
        if (length > kMaxPage) {
            held_.reject(where, "page larger than " + std::to_string(kMaxPage >> 20) + " MB");
            return skip_block(where, length, got);
        }
        std::string body = block.substr(body_start);
        block.clear();
        std::size_t more = reader_.read_into(body, length - got);
        if (got + more < length) {
            held_.reject(where, cut_short(length, got + more));
            return false;
        }
        try {
            body = decode_http_body(std::move(body), *head, kMaxDecoded);
        } catch (const InputError& e) {
            held_.reject(where, e.what());
            return true;
        }
        HtmlContext context;
        context.id = target_uri(headers);
        if (context.id.empty())
            context.id = std::string(trim(headers.get("warc-record-id")));
        context.id_from_page_url = false;
        context.url = target_uri(headers);
        context.fallback_date = headers.get("warc-date");
        context.language = head->header("content-language");
        context.source = default_source_;
        context.display_name = where;
        if (context.id.empty()) {
            held_.reject(where, "response record without WARC-Target-URI or WARC-Record-ID");
            return true;
        }
        read_html_document(std::move(body), context, held_);
        return true;
    }

    SegmentedSource& source_;
    SegmentReader reader_;
    const std::string& display_name_;
    const std::string& default_source_;
    ArticleSink& sink_;
    HeldEvents held_;
    bool recovering_ = false;
};

}  // namespace

void read_warc(const std::filesystem::path& path, Compression compression,
               const std::string& display_name, const std::string& default_source,
               ArticleSink& sink) {
    std::unique_ptr<SegmentedSource> source;
    try {
        source = open_segmented(path, compression);
    } catch (const InputError& e) {
        sink.reject(display_name, std::string("cannot read: ") + e.what());
        return;
    }
    WarcReader(*source, display_name, default_source, sink).run();
}

bool looks_like_warc(std::string_view head) {
    std::string_view rest = trim_start(head);
    return rest.starts_with("WARC/") && rest.size() > 5 && rest[5] >= '0' && rest[5] <= '9';
}

}  // namespace gazette
