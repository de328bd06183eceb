// gazette-index's --alerts, --alerts-out and --alerts-webhook.
#pragma once

#include <boost/program_options.hpp>
#include <memory>

#include "alerts/alert_run.h"

namespace gazette {

boost::program_options::options_description alert_options();

// Null without --alerts. Reads the standing queries and reports each unusable line (with its
// line number) on stderr; the run goes on with the others. Throws UsageError for an
// unreadable file, an output that cannot be opened or a webhook that is not http://.
std::unique_ptr<AlertRun> alerts_from_options(const boost::program_options::variables_map& vm);

}  // namespace gazette
