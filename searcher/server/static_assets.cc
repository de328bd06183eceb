#include "searcher/server/static_assets.h"

namespace gazette::server {

const Asset* find_asset(std::string_view name) {
    for (const Asset& a : assets()) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

}  // namespace gazette::server
