// How the searched databases are opened (ShardOptions: remote shards, --parallel, the
// lexicon), as options: one group that gazette-search and gazette-search serve both offer.
#pragma once

#include <boost/program_options.hpp>

#include "searcher/engine/database_set.h"

namespace gazette {

// --parallel, --allow-partial, --connect-timeout, --shard-timeout and --lexicon.
boost::program_options::options_description shard_options();

// The ShardOptions that group's options ask for.
ShardOptions shard_options_from(const boost::program_options::variables_map& vm);

}  // namespace gazette
