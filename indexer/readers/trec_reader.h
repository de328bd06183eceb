// TREC collections in their SGML form (<DOC><DOCNO>…</DOCNO>…</DOC>, TREC disks 4 and 5 as
// Robust04 uses them: Financial Times, LA Times, FBIS, Federal Register). Not XML: read with
// a tolerant tag scanner like the Reuters one, document by document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

struct TrecContext {
    std::string default_source;  // --source, for DOCNOs of no collection we know
    std::string display_name;
};

// Reads every <DOC> in bounded memory (one document at a time). docs/article-format.md gives
// the mapping: DOCNO → id (as written, so qrels match), HEADLINE / TI / DOCTITLE / HL / HEAD
// → title, DATE / DATE1 (else the date in a Federal Register DOCNO) → date, BYLINE / AU →
// authors, SECTION → section, TEXT → body, the collection named by the DOCNO's prefix →
// source. A <DOC> without DOCNO or without its </DOC> is rejected by its line; a date that
// cannot be read is a warning and leaves the document undated. Bytes that are not UTF-8 are
// Latin-1.
void read_trec(ByteSource& source, const TrecContext& context, ArticleSink& sink);

// The dates TREC documents write: "910514" (FT's YYMMDD), "May 14, 1989, Sunday, Home
// Edition" (LA Times), "5 May 1994" (FBIS), ISO forms.
std::optional<ParsedDate> parse_trec_date(std::string_view text);

// True when the first bytes are a TREC document: after blank space, <DOC> and then <DOCNO>.
bool looks_like_trec(std::string_view head);

}  // namespace gazette
