#include "indexer/readers/jsonl_reader.h"

#include "common/article_json.h"
#include "common/errors.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {

void read_jsonl(ByteSource& source, const std::string& display_name, ArticleSink& sink) {
    LineReader lines(source);
    std::string line;
    for (;;) {
        try {
            if (!lines.next(line))
                break;
        } catch (const InputError& e) {
            sink.reject(display_name + ":" + std::to_string(lines.line_number() + 1),
                        std::string(e.what()) + "; the rest of the file is lost");
            return;
        }
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        std::string where = display_name + ":" + std::to_string(lines.line_number());
        try {
            sink.accept(article_from_json(line), where);
        } catch (const InputError& e) {
            sink.reject(where, e.what());
        }
    }
}

bool looks_like_jsonl(std::string_view head) {
    std::string_view rest = trim_start(without_utf8_bom(head));
    if (!rest.starts_with('{'))
        return false;
    rest = trim_start(rest.substr(1));
    return rest.starts_with('"') || rest.starts_with('}');
}

}  // namespace gazette
