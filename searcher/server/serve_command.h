// `gazette-search serve`: its options, then the server.
#pragma once

namespace gazette {

// argv[0] is "serve". Returns the exit status; throws UsageError for bad options.
int run_serve(int argc, char** argv);

}  // namespace gazette
