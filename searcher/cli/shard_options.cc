#include "searcher/cli/shard_options.h"

#include <string>

namespace po = boost::program_options;

namespace gazette {

po::options_description shard_options() {
    const ShardOptions defaults;
    po::options_description shards("Shards (docs/scale-out.md)");
    // clang-format off
    shards.add_options()
        ("parallel", "search each local database (each shard of a sharded database) in its own "
         "xapian-progsrv process, so that the shards of a query are matched at the same time "
         "on different cores")
        ("allow-partial", "if a shard cannot be reached, answer from the others, marked "
         "\"partial\": true with the missing shards listed (tried again every 30 s)")
        ("connect-timeout", po::value<unsigned>()->default_value(defaults.connect_timeout_ms)->value_name("MS"),
         "how long to wait for a connection to a remote shard (tcp://host:port)")
        ("shard-timeout", po::value<unsigned>()->default_value(defaults.timeout_ms)->value_name("MS"),
         "how long to wait for each answer from a remote shard")
        ("lexicon", po::value<std::string>()->value_name("DB"),
         "spelling data for remote shards (default: the lexicon/ of a sharded database given with --db)");
    // clang-format on
    return shards;
}

ShardOptions shard_options_from(const po::variables_map& vm) {
    ShardOptions shards;
    shards.parallel = vm.count("parallel") > 0;
    shards.allow_partial = vm.count("allow-partial") > 0;
    shards.connect_timeout_ms = vm["connect-timeout"].as<unsigned>();
    shards.timeout_ms = vm["shard-timeout"].as<unsigned>();
    if (vm.count("lexicon"))
        shards.lexicon = vm["lexicon"].as<std::string>();
    return shards;
}

}  // namespace gazette
