// WARC web archives (.warc, .warc.gz, ISO 28500): crawls as sequences of records. Every
// response record holding an HTML page becomes an article through the HTML reader.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "indexer/readers/article_sink.h"
#include "indexer/readers/input_stream.h"

namespace gazette {

// Reads the file record by record in bounded memory (pages up to 32 MB are held, larger
// records are streamed past). Response records whose HTTP Content-Type is HTML become
// articles: id and url the WARC-Target-URI (stable when a crawl is indexed again), date the
// page's own or else WARC-Date; chunked and gzip/deflate bodies are decoded. Every other
// record (warcinfo, request, metadata, revisit, non-HTML or non-2xx responses) is skipped
// through sink.skip(). In .warc.gz each gzip member is checked before its records are
// passed on; a damaged member is rejected by its byte offset and reading resumes at the next
// member. Records are named "file@offset (uri)": the offset of the gzip member, or of the
// record in an uncompressed (or .zst/.xz) file.
void read_warc(const std::filesystem::path& path, Compression compression,
               const std::string& display_name, const std::string& default_source,
               ArticleSink& sink);

// True when the first bytes of a file (decompressed) look like a WARC file: after blank lines,
// a record header's version line, "WARC/" and a digit.
bool looks_like_warc(std::string_view head);

}  // namespace gazette
