#include "indexer/readers/xml_article.h"

#include <algorithm>

#include "common/article_json.h"
#include "common/errors.h"
#include "common/language.h"
#include "indexer/readers/html_page.h"
#include "indexer/readers/language_guess.h"

namespace gazette {

std::string xml_record_name(const std::string& display_name, std::string_view kind,
                            std::size_t index, int line) {
    return display_name + ": " + std::string(kind) + " " + std::to_string(index) + " (line " +
           std::to_string(line) + ")";
}

void set_language(Article& article, const std::vector<std::string>& tags) {
    for (const auto& tag : tags) {
        if (std::string code = language_code_of_tag(clean_page_text(tag)); !code.empty()) {
            article.language = code;
            return;
        }
    }
    std::string guess = guess_language(article.title + "\n" + article.body);
    article.language = guess.empty() ? "en" : guess;
}

void add_unique(std::vector<std::string>& list, std::string value) {
    value = clean_page_text(value);
    if (!value.empty() && list.size() < 200 &&
        std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

void deliver_article(Article&& article, const std::string& where, ArticleSink& sink) {
    try {
        validate_article(article);
    } catch (const InputError& e) {
        sink.reject(where, e.what());
        return;
    }
    sink.accept(std::move(article), where);
}

void report_stream_end(const XmlStreamEnd& end, const std::string& display_name,
                       ArticleSink& sink) {
    for (const auto& error : end.errors)
        sink.warn(display_name, "malformed XML outside any record, read on: " + error);
    if (!end.stopped.empty()) {
        sink.reject(display_name, "the XML parser gave up (" + end.stopped +
                                      "); the rest of the file was not read");
    }
}

void reject_damaged(const XmlTaken& taken, const std::string& where, ArticleSink& sink) {
    sink.reject(where, "malformed XML: " + taken.error);
}

}  // namespace gazette
