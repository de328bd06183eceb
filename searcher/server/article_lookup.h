// /api/article/{id}: the stored article, found by its unique Q term.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

namespace gazette::server {

// The article's JSON as indexed (the document data), or nullopt for an unknown id.
std::optional<std::string> find_article(const Xapian::Database& db, const std::string& id);

}  // namespace gazette::server
