// An ArticleSink that keeps everything it is sent, for reader tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "indexer/readers/article_sink.h"

namespace gazette::testing {

class RecordingSink : public ArticleSink {
  public:
    struct Problem {
        std::string where;
        std::string reason;
    };
    void accept(Article&& article, const std::string& where) override {
        articles.push_back(std::move(article));
        accepted_at.push_back(where);
    }
    void reject(const std::string& where, const std::string& reason) override {
        rejects.push_back({where, reason});
    }
    void warn(const std::string& where, const std::string& message) override {
        warnings.push_back({where, message});
    }
    void skip(const std::string& where, const std::string& reason) override {
        skips.push_back({where, reason});
    }

    std::vector<Article> articles;
    std::vector<std::string> accepted_at;
    std::vector<Problem> rejects;
    std::vector<Problem> warnings;
    std::vector<Problem> skips;
};

}  // namespace gazette::testing
