#include "indexer/readers/html_page.h"

#include <gumbo.h>

#include <memory>
#include <unordered_map>

#include "common/text/ascii.h"
#include "indexer/readers/html_text_rules.h"

namespace gazette {
namespace {

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

std::string_view tag_name(const GumboElement& e) {
    return gumbo_normalized_tagname(e.tag);
}

bool has_word(std::string_view list, std::string_view word) {
    std::string l = ascii_lower(list);
    std::size_t pos = 0;
    while ((pos = l.find(word, pos)) != std::string::npos) {
        bool start = pos == 0 || l[pos - 1] == ' ';
        bool end = pos + word.size() == l.size() || l[pos + word.size()] == ' ';
        if (start && end)
            return true;
        pos += word.size();
    }
    return false;
}

// Page furniture and non-text (html_text_rules.h): never part of an article's text.
bool is_boilerplate(const GumboElement& e) {
    return is_boilerplate_element(tag_name(e)) ||
           is_hidden_by_attributes([&e](const char* name) { return attribute(e, name); });
}

bool is_block(const GumboElement& e) {
    return is_block_element(tag_name(e));
}

void collect_text(const GumboNode* node, int depth, TextBuilder& out) {
    if (depth > kMaxHtmlDepth)
        return;
    switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            out.add(node->v.text.text);
            return;
        case GUMBO_NODE_ELEMENT: {
            const GumboElement& e = node->v.element;
            if (is_script_element(tag_name(e)))
                return;
            for (unsigned i = 0; i < e.children.length; ++i)
                collect_text(static_cast<const GumboNode*>(e.children.data[i]), depth + 1, out);
            if (is_block(e))
                out.add(" ");
            return;
        }
        default:
            return;
    }
}

// All text under `node` as one line (for <title>, <h1>, a <p>).
std::string text_of(const GumboNode* node) {
    TextBuilder b;
    collect_text(node, 0, b);
    return b.flush();
}

std::string clean(std::string_view s) {
    TextBuilder b;
    b.add(s);
    return b.flush();
}

bool is_inside(const GumboNode* node, const GumboNode* ancestor) {
    for (; node; node = node->parent) {
        if (node == ancestor)
            return true;
    }
    return false;
}

// Meta names that carry a publication date, in the order sites use them.
bool is_date_meta(const std::string& key) {
    static constexpr std::string_view kKeys[] = {
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
    };
    for (auto k : kKeys) {
        if (k == key)
            return true;
    }
    return false;
}

bool is_author_meta(const std::string& key) {
    return key == "article:author" || key == "author" || key == "dc.creator" ||
           key == "parsely-author" || key == "sailthru.author";
}

// One pass over the document collecting metadata and what choosing the main text needs.
class Walker {
  public:
    explicit Walker(HtmlPage& page) : page_(page) {}

    void walk(const GumboNode* node, int depth, bool in_boilerplate) {
        if (depth > kMaxHtmlDepth || node->type != GUMBO_NODE_ELEMENT)
            return;
        const GumboElement& e = node->v.element;
        visit(node, e, in_boilerplate);
        in_boilerplate = in_boilerplate || is_boilerplate(e);
        for (unsigned i = 0; i < e.children.length; ++i)
            walk(static_cast<const GumboNode*>(e.children.data[i]), depth + 1, in_boilerplate);
    }

    // The element holding the article text: the microdata articleBody, else the <article>
    // with the most paragraph text, else the element whose paragraphs hold the most text.
    const GumboNode* main_node(const GumboNode* root) const {
        const GumboNode* best_scored = nullptr;
        std::size_t best_score = 0;
        for (const auto& [node, score] : scores_) {
            // Ties go to the element that starts first: an ancestor over its descendants
            // (two equal halves of a story gather at their parent), else document order.
            if (score > best_score ||
                (score == best_score && best_scored &&
                 node->v.element.start_pos.offset < best_scored->v.element.start_pos.offset)) {
                best_scored = node;
                best_score = score;
            }
        }
        for (const auto* candidates : {&article_bodies_, &articles_}) {
            const GumboNode* best = nullptr;
            std::size_t best_text = 0;
            for (const GumboNode* n : *candidates) {
                std::size_t t = paragraph_text_in(n);
                if (t > best_text) {
                    best = n;
                    best_text = t;
                }
            }
            // A teaser <article> next to the real story's container does not win.
            if (best && (!best_scored || best_text * 2 >= paragraph_text_in(best_scored)))
                return best;
        }
        if (best_scored)
            return best_scored;
        return root;
    }

    // Of several candidates, the first inside `main`, else the first outside boilerplate.
    template <typename T>
    static const T* pick(const std::vector<std::pair<const GumboNode*, T>>& found,
                         const GumboNode* main, const std::vector<bool>& in_boilerplate) {
        for (const auto& [node, value] : found) {
            if (is_inside(node, main))
                return &value;
        }
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (!in_boilerplate[i])
                return &found[i].second;
        }
        return found.empty() ? nullptr : &found.front().second;
    }

    std::vector<std::pair<const GumboNode*, std::string>> h1s, times;
    std::vector<bool> h1_in_boilerplate, time_in_boilerplate;

  private:
    void visit(const GumboNode* node, const GumboElement& e, bool in_boilerplate) {
        if (const char* prop = attribute(e, "itemprop")) {
            std::string p = ascii_lower(prop);
            if (p == "articlebody")
                article_bodies_.push_back(node);
            if (p == "datepublished" && e.tag != GUMBO_TAG_META) {
                const char* v = attribute(e, "datetime");
                if (!v)
                    v = attribute(e, "content");
                page_.meta_dates.push_back(v ? clean(v) : text_of(node));
            }
        }
        switch (e.tag) {
            case GUMBO_TAG_HTML:
                if (const char* lang = attribute(e, "lang"))
                    page_.lang = clean(lang);
                break;
            case GUMBO_TAG_TITLE:
                if (page_.title_tag.empty())
                    page_.title_tag = text_of(node);
                break;
            case GUMBO_TAG_META:
                meta(e);
                break;
            case GUMBO_TAG_LINK: {
                const char* rel = attribute(e, "rel");
                const char* href = attribute(e, "href");
                if (rel && href && has_word(rel, "canonical") && page_.canonical.empty())
                    page_.canonical = clean(href);
                break;
            }
            case GUMBO_TAG_SCRIPT: {
                const char* type = attribute(e, "type");
                if (type && ascii_lower(clean(type)) == "application/ld+json" &&
                    e.children.length > 0) {
                    auto* child = static_cast<const GumboNode*>(e.children.data[0]);
                    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA)
                        page_.json_ld.emplace_back(child->v.text.text);
                }
                break;
            }
            case GUMBO_TAG_H1:
                if (h1s.size() < 32) {
                    h1s.emplace_back(node, text_of(node));
                    h1_in_boilerplate.push_back(in_boilerplate);
                }
                break;
            case GUMBO_TAG_TIME:
                if (const char* dt = attribute(e, "datetime"); dt && times.size() < 32) {
                    times.emplace_back(node, clean(dt));
                    time_in_boilerplate.push_back(in_boilerplate);
                }
                break;
            case GUMBO_TAG_ARTICLE:
                articles_.push_back(node);
                break;
            case GUMBO_TAG_P:
                if (!in_boilerplate) {
                    // Paragraph text credits its parent fully and its grandparent by half,
                    // so a story split over sibling <div>s still gathers at their parent.
                    std::size_t n = text_of(node).size();
                    if (node->parent) {
                        scores_[node->parent] += n;
                        if (node->parent->parent &&
                            node->parent->parent->type == GUMBO_NODE_ELEMENT)
                            scores_[node->parent->parent] += n / 2;
                    }
                }
                break;
            default:
                break;
        }
    }

    void meta(const GumboElement& e) {
        const char* content = attribute(e, "content");
        if (!content)
            return;
        const char* name = attribute(e, "property");
        if (!name)
            name = attribute(e, "name");
        if (!name)
            name = attribute(e, "itemprop");
        if (const char* equiv = attribute(e, "http-equiv");
            equiv && ascii_lower(equiv) == "content-language") {
            if (page_.lang.empty())
                lang_from_meta_ = clean(content);
            return;
        }
        if (!name)
            return;
        std::string key = ascii_lower(clean(name));
        std::string value = clean(content);
        if (value.empty())
            return;
        if (key == "og:title" && page_.og_title.empty()) {
            page_.og_title = value;
        } else if (key == "og:url" && page_.og_url.empty()) {
            page_.og_url = value;
        } else if (key == "og:site_name" && page_.site_name.empty()) {
            page_.site_name = value;
        } else if (key == "og:locale" && page_.og_locale.empty()) {
            page_.og_locale = value;
        } else if (key == "article:section" && page_.section.empty()) {
            page_.section = value;
        } else if (key == "article:tag") {
            page_.meta_tags.push_back(value);
        } else if (is_date_meta(key)) {
            page_.meta_dates.push_back(value);
        } else if (is_author_meta(key)) {
            page_.meta_authors.push_back(value);
        }
    }

    std::size_t paragraph_text_in(const GumboNode* node) const {
        std::size_t total = 0;
        sum_paragraphs(node, 0, total);
        return total;
    }

    static void sum_paragraphs(const GumboNode* node, int depth, std::size_t& total) {
        if (depth > kMaxHtmlDepth || node->type != GUMBO_NODE_ELEMENT)
            return;
        const GumboElement& e = node->v.element;
        if (depth > 0 && is_boilerplate(e))
            return;
        if (e.tag == GUMBO_TAG_P) {
            total += text_of(node).size();
            return;
        }
        for (unsigned i = 0; i < e.children.length; ++i)
            sum_paragraphs(static_cast<const GumboNode*>(e.children.data[i]), depth + 1, total);
    }

  public:
    std::string lang_from_meta_;

  private:
    HtmlPage& page_;
    std::vector<const GumboNode*> articles_, article_bodies_;
    std::unordered_map<const GumboNode*, std::size_t> scores_;
};

// Paragraphs of the main element, in document order, boilerplate and <h1> left out (the
// headline is the title, not body text).
void extract(const GumboNode* node, int depth, TextBuilder& text, HtmlPage& page) {
    if (depth > kMaxHtmlDepth)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
        text.add(node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement& e = node->v.element;
    if (depth > 0 && (is_boilerplate(e) || e.tag == GUMBO_TAG_H1))
        return;
    bool block = is_block(e);
    if (block) {
        if (auto p = text.flush(); !p.empty())
            page.paragraphs.push_back(std::move(p));
    }
    for (unsigned i = 0; i < e.children.length; ++i)
        extract(static_cast<const GumboNode*>(e.children.data[i]), depth + 1, text, page);
    if (block) {
        auto p = text.flush();
        if (e.tag == GUMBO_TAG_P && page.first_p.empty())
            page.first_p = p;
        if (!p.empty())
            page.paragraphs.push_back(std::move(p));
    }
}

struct OutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

}  // namespace

HtmlPage parse_html_page(std::string_view html) {
    std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    HtmlPage page;
    Walker walker(page);
    walker.walk(output->root, 0, false);
    if (page.lang.empty())
        page.lang = walker.lang_from_meta_;

    const GumboNode* main = walker.main_node(output->root);
    if (const auto* h1 = Walker::pick(walker.h1s, main, walker.h1_in_boilerplate))
        page.h1 = *h1;
    if (const auto* t = Walker::pick(walker.times, main, walker.time_in_boilerplate))
        page.time_datetime = *t;

    TextBuilder text;
    extract(main, 0, text, page);
    if (auto p = text.flush(); !p.empty())
        page.paragraphs.push_back(std::move(p));
    return page;
}

std::string clean_page_text(std::string_view text) {
    return clean(text);
}

}  // namespace gazette
