#include "searcher/engine/match_set/value_columns.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "common/fields.h"
#include "common/value_list.h"

namespace gazette {
namespace {

// Numbers distinct values in the order they are first seen.
class ValueNumbers {
  public:
    explicit ValueNumbers(std::vector<std::string>& values) : values_(values) {}

    std::uint32_t number_of(std::string_view value) {
        auto [it, added] = numbers_.try_emplace(std::string(value), 0);
        if (added) {
            values_.emplace_back(value);
            it->second = static_cast<std::uint32_t>(values_.size());
        }
        return it->second;
    }

  private:
    std::vector<std::string>& values_;
    std::unordered_map<std::string, std::uint32_t> numbers_;
};

std::size_t strings_bytes(const std::vector<std::string>& values) {
    std::size_t n = values.capacity() * sizeof(std::string);
    for (const auto& v : values)
        n += v.capacity() > 15 ? v.capacity() : 0;  // beyond the small-string buffer
    return n;
}

}  // namespace

std::size_t ValueColumn::memory_bytes() const {
    return number_of.capacity() * sizeof(std::uint32_t) + strings_bytes(values);
}

std::size_t ListColumn::memory_bytes() const {
    return (first.capacity() + numbers.capacity()) * sizeof(std::uint32_t) + strings_bytes(values);
}

ValueColumn read_value_column(const Xapian::Database& db, Xapian::valueno slot) {
    ValueColumn out;
    out.number_of.assign(db.get_lastdocid() + 1, 0);
    ValueNumbers numbers(out.values);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        if (it.get_docid() < out.number_of.size())
            out.number_of[it.get_docid()] = numbers.number_of(*it);
    }
    return out;
}

ListColumn read_list_column(const Xapian::Database& db, Xapian::valueno slot) {
    ListColumn out;
    Xapian::docid last = db.get_lastdocid();
    out.first.assign(last + 2, 0);
    ValueNumbers numbers(out.values);
    Xapian::docid filled = 0;  // first[0..filled] are set
    std::vector<std::uint32_t> in_doc;
    // The folded values, numbered as the values are; group_of[value number - 1].
    std::vector<std::string> folded_values;
    ValueNumbers groups(folded_values);
    std::vector<std::uint32_t> group_of;
    std::vector<std::uint32_t> in_doc_groups;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        Xapian::docid id = it.get_docid();
        if (id > last)
            break;
        auto start = static_cast<std::uint32_t>(out.numbers.size());
        while (filled < id)
            out.first[++filled] = start;
        in_doc.clear();
        in_doc_groups.clear();
        std::string encoded = *it;
        for_each_listed_value(encoded, [&](std::string_view v) {
            std::uint32_t n = numbers.number_of(v);
            // A value listed twice counts once for its document, and so do two spellings of
            // one folded value (as the spies count them, facets.h: fold_facet_values).
            if (std::find(in_doc.begin(), in_doc.end(), n) != in_doc.end())
                return;
            if (n > group_of.size())  // a new value: numbers are given in order
                group_of.push_back(groups.number_of(fold_filter_value(v)));
            std::uint32_t group = group_of[n - 1];
            if (std::find(in_doc_groups.begin(), in_doc_groups.end(), group) != in_doc_groups.end())
                return;
            in_doc.push_back(n);
            in_doc_groups.push_back(group);
        });
        out.numbers.insert(out.numbers.end(), in_doc.begin(), in_doc.end());
    }
    auto end = static_cast<std::uint32_t>(out.numbers.size());
    while (filled < last + 1)
        out.first[++filled] = end;
    return out;
}

NumberColumn read_number_column(const Xapian::Database& db, Xapian::valueno slot) {
    NumberColumn out;
    out.number_of.assign(db.get_lastdocid() + 1, NAN);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        if (it.get_docid() < out.number_of.size())
            out.number_of[it.get_docid()] = Xapian::sortable_unserialise(*it);
    }
    return out;
}

}  // namespace gazette
