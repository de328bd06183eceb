// Where readers send what they read: good articles, rejected records, and warnings.
#pragma once

#include <string>

#include "common/article.h"

namespace gazette {

class ArticleSink {
  public:
    virtual ~ArticleSink() = default;
    // One valid article. `where` names its file and line or record ("a.jsonl:12").
    virtual void accept(Article&& article, const std::string& where) = 0;
    // A record that could not be used; `where` names it, `reason` says why in one line.
    virtual void reject(const std::string& where, const std::string& reason) = 0;
    // Something was repaired or skipped on purpose (e.g. Latin-1 text decoded); no data lost.
    virtual void warn(const std::string& where, const std::string& message) = 0;
    // A sound record that is not an article (a WARC request, an image response): nothing is
    // wrong, but it is counted so that nothing a reader passes over goes unmentioned.
    virtual void skip(const std::string& where, const std::string& reason) = 0;
};

}  // namespace gazette
