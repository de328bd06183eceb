// Value slots read once into arrays indexed by document id, so that counting the values of a
// match set is an array lookup per match instead of a document read per match (what
// Xapian's MatchSpy does). Each distinct value is stored once and the documents hold its
// number (0 = the document has no value). Built from the slot's value stream, which Xapian
// keeps in docid order: one sequential read per slot and revision.
#pragma once

#include <xapian.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gazette {

// A slot with one value per document (source, section, year, the day).
struct ValueColumn {
    std::vector<std::uint32_t> number_of;  // by docid: the value's number, 0 = none
    std::vector<std::string> values;       // values[number - 1]

    std::size_t memory_bytes() const;
};
ValueColumn read_value_column(const Xapian::Database& db, Xapian::valueno slot);

// A slot holding a value list (common/value_list.h: tags, people, ...): each document's
// distinct values, in CSR form.
struct ListColumn {
    std::vector<std::uint32_t> first;    // by docid: where its numbers start in `numbers`;
                                         // docid d's run ends at first[d + 1]
    std::vector<std::uint32_t> numbers;  // value numbers, 1-based
    std::vector<std::string> values;     // values[number - 1]

    std::size_t memory_bytes() const;
};
ListColumn read_list_column(const Xapian::Database& db, Xapian::valueno slot);

// A slot of sortable_serialise'd numbers (the date): NaN where a document has none.
struct NumberColumn {
    std::vector<double> number_of;  // by docid

    bool in_range(Xapian::docid id, double low, double high) const {
        double v = id < number_of.size() ? number_of[id] : NAN;
        return v >= low && v <= high;  // false for NaN
    }
    std::size_t memory_bytes() const { return number_of.capacity() * sizeof(double); }
};
NumberColumn read_number_column(const Xapian::Database& db, Xapian::valueno slot);

}  // namespace gazette
