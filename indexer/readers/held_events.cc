#include "indexer/readers/held_events.h"

#include <algorithm>

namespace gazette {

void HeldEvents::accept(Article&& article, const std::string& where) {
    events_.push_back({Kind::kAccept, where, "", std::move(article)});
}

void HeldEvents::reject(const std::string& where, const std::string& reason) {
    events_.push_back({Kind::kReject, where, reason, {}});
}

void HeldEvents::warn(const std::string& where, const std::string& message) {
    events_.push_back({Kind::kWarn, where, message, {}});
}

void HeldEvents::skip(const std::string& where, const std::string& reason) {
    events_.push_back({Kind::kSkip, where, reason, {}});
}

void HeldEvents::release_to(ArticleSink& sink) {
    for (auto& e : events_) {
        switch (e.kind) {
            case Kind::kAccept:
                sink.accept(std::move(e.article), e.where);
                break;
            case Kind::kReject:
                sink.reject(e.where, e.text);
                break;
            case Kind::kWarn:
                sink.warn(e.where, e.text);
                break;
            case Kind::kSkip:
                sink.skip(e.where, e.text);
                break;
        }
    }
    events_.clear();
}

std::size_t HeldEvents::drop() {
    auto articles = std::count_if(events_.begin(), events_.end(),
                                  [](const Event& e) { return e.kind == Kind::kAccept; });
    events_.clear();
    return static_cast<std::size_t>(articles);
}

}  // namespace gazette
