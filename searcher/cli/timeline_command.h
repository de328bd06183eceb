// gazette-search --timeline: its options, and running one timeline from the command line.
#pragma once

#include <boost/program_options.hpp>
#include <optional>

#include "searcher/cli/search_command.h"

namespace gazette {

// --timeline, --compare, --normalize and --format.
boost::program_options::options_description timeline_options();

// With --timeline: computes and prints the timeline of command.request (query and filters
// already parsed) and returns the exit status. Without it: nullopt, after checking that no
// timeline-only option (--compare, --normalize, --format csv) was given on its own.
std::optional<int> run_timeline_if_asked(const SearchCommand& command,
                                         const boost::program_options::variables_map& vm);

}  // namespace gazette
