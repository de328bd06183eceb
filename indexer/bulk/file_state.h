// What --update knows about each input file from the last run: size, modification time and a
// content hash, kept in the target database's metadata (kFileStatePrefix + absolute path).
#pragma once

#include <xapian.h>

#include <string>

#include "indexer/readers/input_files.h"

namespace gazette {

enum class FileChange { kNew, kChanged, kUnchanged };

// Compares a file with what the database recorded. Size and time equal: unchanged. Either
// differs: the content hash decides (a copied or touched file is still unchanged).
FileChange file_change(const Xapian::Database& db, const InputFile& file);

// Records the file's current state (call after its articles are committed).
void record_file_state(Xapian::WritableDatabase& db, const InputFile& file);

}  // namespace gazette
