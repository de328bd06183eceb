#include "common/text/identity_stem.h"

#include <string>

namespace gazette {
namespace {

class IdentityStem : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override { return word; }
    std::string get_description() const override { return "none (identity)"; }
};

}  // namespace

Xapian::Stem identity_stem() {
    // Xapian::Stem takes ownership through its reference count.
    return Xapian::Stem(new IdentityStem);
}

}  // namespace gazette
