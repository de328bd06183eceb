// Article → Xapian::Document, driven by the field table (common/fields.h) and the value
// slots (common/slots.h).
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "common/article.h"
#include "common/text/name_folding.h"

namespace gazette {

class DocumentBuilder {
  public:
    // With a database, spelling data for "did you mean" is added to it as documents are built.
    explicit DocumentBuilder(Xapian::WritableDatabase* spelling_db = nullptr);

    Xapian::Document build(const Article& article);

  private:
    const Xapian::Stem& stemmer_for(const std::string& language);

    Xapian::TermGenerator generator_;
    std::map<std::string, Xapian::Stem> stemmers_;  // by ISO 639-1 code, made on first use
    NameFolder folder_;  // holds an ICU transliterator: one per builder, as builders per thread
};

}  // namespace gazette
