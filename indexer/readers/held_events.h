// An ArticleSink that holds what a reader sends until it is known to be sound, then passes
// it on. The WARC reader holds a gzip member's records until the member's CRC has been
// checked at its end: a damaged member must not leave half-trusted articles behind.
#pragma once

#include <string>
#include <vector>

#include "indexer/readers/article_sink.h"

namespace gazette {

class HeldEvents : public ArticleSink {
  public:
    void accept(Article&& article, const std::string& where) override;
    void reject(const std::string& where, const std::string& reason) override;
    void warn(const std::string& where, const std::string& message) override;
    void skip(const std::string& where, const std::string& reason) override;

    // Sends everything held to `sink`, in order, and forgets it.
    void release_to(ArticleSink& sink);
    // Forgets everything held; returns how many articles were dropped.
    std::size_t drop();
    std::size_t size() const { return events_.size(); }

  private:
    enum class Kind { kAccept, kReject, kWarn, kSkip };
    struct Event {
        Kind kind;
        std::string where;
        std::string text;
        Article article;
    };
    std::vector<Event> events_;
};

}  // namespace gazette
