#include "searcher/server/serve_command.h"

#include <xapian.h>

#include <cmath>

#include "common/cli/program_options.h"
#include "common/database_error.h"
#include "common/errors.h"
#include "searcher/cli/shard_options.h"
#include "searcher/server/server.h"

namespace gazette {
namespace {

namespace po = boost::program_options;

const cli::ProgramInfo kInfo{
    "gazette-search serve", "gazette-search serve [options] --db DB",
    "Serve the search API (/api/search, /api/timeline, /api/article/ID, /api/suggest, /healthz, "
    "/metrics) and "
    "the search page (/) over HTTP.",
    "gazette-search serve --db news.db                      # http://127.0.0.1:8080/\n"
    "gazette-search serve --db news.db --listen 0.0.0.0:8080 --threads 16\n"
    "gazette-search serve --db news.db --listen 127.0.0.1:0  # any free port (printed)\n",
    "Limits and their answers are described in docs/server.md. SIGINT or SIGTERM stops the\n"
    "server after the requests in flight are answered.\n"};

}  // namespace

int run_serve(int argc, char** argv) {
    server::ServerConfig config;
    po::options_description options;
    options.add(cli::general_options());
    options.add(cli::database_option("database to serve (repeat for several; or set GAZETTE_DB)"));
    po::options_description serving("Serving");
    // clang-format off
    serving.add_options()
        ("listen", po::value<std::string>()->default_value("127.0.0.1:8080")->value_name("HOST:PORT"),
         "address to listen on (loopback unless told otherwise; port 0 = any free port)")
        ("threads", po::value<std::size_t>()->value_name("N"),
         "worker threads, each with its own view of the database (default: twice the cores, at least 4)")
        ("quiet", "no access log on stderr")
        ("time-budget", po::value<double>()->default_value(config.limits.time_budget_seconds)->value_name("SECONDS"),
         "per-query time budget; a slower search is answered 503")
        ("export-time-budget", po::value<double>()->default_value(config.limits.export_time_budget_seconds)->value_name("SECONDS"),
         "time budget of one /api/export (matching and streaming every row); a longer export is cut off")
        ("max-exports", po::value<std::size_t>()->default_value(config.limits.max_concurrent_exports)->value_name("N"),
         "exports running at once (each holds a worker while it streams); one more is answered 503")
        ("max-queue", po::value<std::size_t>()->default_value(config.limits.max_queued_connections)->value_name("N"),
         "connections waiting for a worker beyond which new ones are answered 503")
        ("idle-timeout", po::value<int>()->default_value(config.limits.idle_timeout_seconds)->value_name("SECONDS"),
         "close a connection idle this long (keep-alive, or between two bytes of a request or an answer)")
        ("request-timeout", po::value<double>()->default_value(config.limits.request_timeout_ms / 1000.0)->value_name("SECONDS"),
         "a request must arrive whole within this long (else 408 and closed); also the time to read one answer")
        ("max-waiting", po::value<std::size_t>()->default_value(config.limits.max_waiting_connections)->value_name("N"),
         "connections waiting for their request at once (slow or idle clients); a new one beyond it is answered 503")
        ("max-waiting-per-client", po::value<std::size_t>()->default_value(config.limits.max_waiting_per_client)->value_name("N"),
         "of those, from one remote address; beyond it that address's new connections are answered 503 "
         "(behind a reverse proxy, where every client has its address, set it to --max-waiting)")
        ("reopen-interval", po::value<double>()->default_value(1.0)->value_name("SECONDS"),
         "how often each worker checks the database for new commits");
    // clang-format on
    options.add(serving).add(shard_options());
    po::variables_map vm;
    if (cli::parse_options(argc, argv, kInfo, options, po::positional_options_description(), vm) ==
        cli::ParseOutcome::kExitOk) {
        return exit_status::kOk;
    }
    config.session.databases = cli::database_paths(vm);
    config.session.shards = shard_options_from(vm);
    config.listen = server::parse_listen_address(vm["listen"].as<std::string>());
    if (vm.count("threads"))
        config.threads = vm["threads"].as<std::size_t>();
    if (config.threads == 0 || config.threads > 1024) {
        throw UsageError("--threads must be between 1 and 1024");
    }
    config.quiet = vm.count("quiet") > 0;
    double budget = vm["time-budget"].as<double>();
    if (!(budget > 0) || !std::isfinite(budget)) {
        throw UsageError("--time-budget must be a positive number of seconds");
    }
    config.limits.time_budget_seconds = budget;
    config.session.search.time_limit_seconds = budget;
    // Each worker keeps its own match sets: together they keep what one searcher would.
    config.session.search.term_set_budget_share =
        kTermSetBudgetShare / static_cast<double>(config.threads);
    double export_budget = vm["export-time-budget"].as<double>();
    if (!(export_budget > 0) || !std::isfinite(export_budget))
        throw UsageError("--export-time-budget must be a positive number of seconds");
    config.limits.export_time_budget_seconds = export_budget;
    config.limits.max_concurrent_exports = vm["max-exports"].as<std::size_t>();
    if (config.limits.max_concurrent_exports == 0)
        throw UsageError("--max-exports must be at least 1");
    config.limits.max_queued_connections = vm["max-queue"].as<std::size_t>();
    config.limits.idle_timeout_seconds = vm["idle-timeout"].as<int>();
    if (config.limits.idle_timeout_seconds < 1)
        throw UsageError("--idle-timeout must be at least 1");
    double request_timeout = vm["request-timeout"].as<double>();
    if (!(request_timeout >= 0.1) || !(request_timeout <= 86400)) {
        throw UsageError("--request-timeout must be between 0.1 and 86400 seconds");
    }
    config.limits.request_timeout_ms = std::llround(request_timeout * 1000);
    config.limits.max_waiting_connections = vm["max-waiting"].as<std::size_t>();
    if (config.limits.max_waiting_connections == 0)
        throw UsageError("--max-waiting must be at least 1");
    config.limits.max_waiting_per_client = vm["max-waiting-per-client"].as<std::size_t>();
    if (config.limits.max_waiting_per_client == 0)
        throw UsageError("--max-waiting-per-client must be at least 1");
    double reopen = vm["reopen-interval"].as<double>();
    if (!(reopen >= 0) || !std::isfinite(reopen)) {
        throw UsageError("--reopen-interval must be a number of seconds");
    }
    config.session.reopen_interval =
        std::chrono::milliseconds(static_cast<long long>(reopen * 1000));
    try {
        return server::run_server(config);
    } catch (const Xapian::NetworkError&) {
        throw;  // names its shard
    } catch (const Xapian::DatabaseOpeningError&) {
        throw;  // names its database
    } catch (const Xapian::Error& e) {
        // A damaged or truncated database found at start-up: say which, not just Xapian's words.
        std::string paths;
        for (const auto& p : config.session.databases)
            paths += (paths.empty() ? "" : ", ") + p;
        throw DatabaseFailure(e, paths);
    }
}

}  // namespace gazette
