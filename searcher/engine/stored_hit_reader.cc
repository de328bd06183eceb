#include "searcher/engine/stored_hit_reader.h"

#include <simdjson.h>

#include "common/article_json.h"
#include "common/fields.h"

namespace gazette {

struct StoredHitReader::Parser {
    simdjson::ondemand::parser json;
    simdjson::padded_string buffer;
    // The record's keys of the fields read, by the field table's names, and where they go.
    std::string_view keys[6] = {kIdFieldName,
                                field_of(&Article::title).name,
                                kDateFieldName,
                                field_of(&Article::source).name,
                                field_of(&Article::url).name,
                                field_of(&Article::body).name};
};

StoredHitReader::StoredHitReader() : parser_(std::make_unique<Parser>()) {}

StoredHitReader::~StoredHitReader() = default;

std::optional<Article> StoredHitReader::read(std::string_view data) {
    Article a;
    std::string* targets[] = {&a.id, &a.title, &a.date_text, &a.source, &a.url, &a.body};
    parser_->buffer = simdjson::padded_string(data);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object obj;
    if (parser_->json.iterate(parser_->buffer).get(doc) || doc.get_object().get(obj))
        return stored_article(data);
    bool has_id = false;
    for (auto field : obj) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return stored_article(data);
        for (std::size_t k = 0; k < std::size(parser_->keys); ++k) {
            if (key != parser_->keys[k])
                continue;
            std::string_view value;
            // A key of another type than the record allows: the full reader decides.
            if (field.value().get_string().get(value))
                return stored_article(data);
            targets[k]->assign(value);
            has_id = has_id || k == 0;
        }
    }
    // A record without an id: the full reader decides (and rejects it).
    if (!has_id)
        return stored_article(data);
    return a;
}

}  // namespace gazette
