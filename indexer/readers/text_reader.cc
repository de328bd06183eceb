#include "indexer/readers/text_reader.h"

#include "common/article_json.h"
#include "common/errors.h"
#include "common/text/ascii.h"
#include "common/text/utf8.h"

namespace gazette {
namespace {}  // namespace

void read_text_document(std::string content, const TextFileContext& context, ArticleSink& sink) {
    if (content.starts_with("\xEF\xBB\xBF"))
        content.erase(0, 3);  // UTF-8 byte order mark
    auto bad = first_invalid_utf8(content);
    if (bad != std::string::npos) {
        sink.warn(context.display_name,
                  "not UTF-8 (byte " + std::to_string(bad) + "), decoded as Latin-1");
        content = latin1_to_utf8(content);
    }
    content = strip_control_chars(content);

    Article a;
    a.id = context.id;
    a.section = context.section;
    a.source = context.source;
    std::string_view rest(content);
    while (!rest.empty()) {
        auto nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        line = trim(line);
        if (line.empty())
            continue;
        while (line.starts_with('#'))
            line.remove_prefix(1);  // Markdown heading marks
        a.title = std::string(trim(line));
        break;
    }
    a.body = std::string(trim(rest));
    try {
        validate_article(a);
    } catch (const InputError& e) {
        sink.reject(context.display_name, e.what());
        return;
    }
    sink.accept(std::move(a), context.display_name);
}

}  // namespace gazette
