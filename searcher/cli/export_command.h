// gazette-search --export: every match of the query written to stdout as CSV or JSON Lines
// (searcher/export/match_export.h), with progress on stderr when it is a terminal.
#pragma once

#include <boost/program_options.hpp>
#include <optional>

#include "searcher/cli/search_command.h"

namespace gazette {

// --export and --fields.
boost::program_options::options_description export_options();

// With --export: writes the export of command.request and returns the exit status. Without
// it: nullopt, after checking that --fields was not given on its own.
std::optional<int> run_export_if_asked(const SearchCommand& command,
                                       const boost::program_options::variables_map& vm);

}  // namespace gazette
