// Option handling both programs share: --help with examples, --version, --config FILE
// (Boost.Program_options' own config-file syntax: `db = /path`), and GAZETTE_DB standing in
// for --db.
#pragma once

#include <boost/program_options.hpp>

#include <string>
#include <vector>

namespace gazette::cli {

namespace po = boost::program_options;

struct ProgramInfo {
    std::string name;      // "gazette-index"
    std::string synopsis;  // "gazette-index [options] --db DB INPUT..."
    std::string summary;   // one sentence
    std::string examples;  // one command a line, each ending in '\n' (--help adds "  $ ")
    std::string notes{};   // paragraphs after the options (query language, exit status)
};

// The options every program has: --help, --version, --config.
po::options_description general_options();

// The --db option (repeatable; read it with database_paths()), with GAZETTE_DB as its fallback.
po::options_description database_option(const char* what);

enum class ParseOutcome { kRun, kExitOk };

// The text --help prints: usage, summary, options, notes, then the examples as `  $ command`
// lines, the form help2man renders verbatim in the man pages (packaging/man/).
std::string help_text(const ProgramInfo& info, const po::options_description& options);

// Parses argv (then the --config file, then GAZETTE_DB) into `vm`. Prints --help/--version
// itself and returns kExitOk for them. Throws UsageError on unknown or malformed options.
ParseOutcome parse_options(int argc, const char* const argv[], const ProgramInfo& info,
                           const po::options_description& options,
                           const po::positional_options_description& positional,
                           po::variables_map& vm);

// The --db values given, or GAZETTE_DB's; throws UsageError when there are none.
std::vector<std::string> database_paths(const po::variables_map& vm);

// The version line both programs print.
std::string version_line(const std::string& program);

}  // namespace gazette::cli
