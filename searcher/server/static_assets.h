// The search page's files, compiled into the binary (embed_assets.cmake turns assets/ into
// a .cc at build time). They are looked up by exact name in a fixed table and never read from
// disk, so no URL can reach any other file.
#pragma once

#include <span>
#include <string_view>

namespace gazette::server {

struct Asset {
    std::string_view name;  // "index.html", "app.js", ...
    std::string_view content_type;
    std::string_view body;
};

// Every embedded file (generated).
std::span<const Asset> assets();

// The asset called exactly `name`, or nullptr.
const Asset* find_asset(std::string_view name);

}  // namespace gazette::server
