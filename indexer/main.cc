// gazette-index: options and the top-level error handler only; the work is in run_index().
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "alerts/alert_options.h"
#include "common/cli/program_options.h"
#include "common/database_error.h"
#include "common/errors.h"
#include "common/terminal.h"
#include "indexer/bulk/delete_articles.h"
#include "indexer/index_command.h"
#include "indexer/readers/format_registry.h"
#include "indexer/watch/folder_events.h"
#include "indexer/watch/watch_command.h"

namespace po = boost::program_options;
using namespace gazette;

namespace {

// The formats come from the reader registry (indexer/readers/format_registry.h).
cli::ProgramInfo program_info() {
    std::string formats;
    for (const FormatEntry& entry : format_table())
        formats += std::string(formats.empty() ? "" : ", ") + std::string(entry.label);
    return {"gazette-index", "gazette-index [options] --db DB (INPUT... | --watch DIR)",
            "Index news articles (" + formats +
                "; .gz/.zst/.xz) into a Xapian database. Re-indexing an id replaces the article.",
            "gazette-index --db news.db corpus/seed corpus/samples\n"
            "gazette-index --db news.db ../shared/corpora/reuters21578/reut2-*.sgm\n"
            "gazette-index --db news.db --source BBC ../shared/corpora/bbc-news/bbc\n"
            "zcat feed.jsonl.gz | gazette-index --db news.db -\n"
            "gazette-index --db news.db --watch /srv/incoming\n",
            "Exit status: 0 ok, 1 fatal error, 2 bad usage, 3 finished but some records were "
            "rejected.\n"};
}

int run(int argc, char** argv) {
    po::options_description options;
    options.add(cli::general_options());
    options.add(cli::database_option("database to create or update (or set GAZETTE_DB)"));
    po::options_description indexing("Indexing");
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::string format_help = "read every input as FMT: " + format_names() +
                              " (default: from the file name, or else its first bytes)";
    // clang-format off
    indexing.add_options()
        ("input", po::value<std::vector<std::string>>()->value_name("INPUT"),
         "files or directories to index (directories are walked recursively); - = JSON Lines on stdin")
        ("format", po::value<std::string>()->value_name("FMT"),
         format_help.c_str())
        ("exclude", po::value<std::vector<std::string>>()->value_name("GLOB"),
         "leave out files in walked directories whose name or relative path matches GLOB "
         "(repeatable), e.g. --exclude 'README*'")
        ("source", po::value<std::string>()->default_value("")->value_name("NAME"),
         "source for records that name none, e.g. --source BBC")
        ("threads,j", po::value<unsigned>()->default_value(cores)->value_name("N"),
         "writers working in parallel, each building its own part of the database; the parts are merged "
         "at the end (with --shards, one writer per shard)")
        ("shards", po::value<unsigned>()->value_name("N"),
         "make DB a sharded database: a folder of N shards (an id's shard is a hash of it) with a stub "
         "file DB/XAPIANDB listing them and DB/lexicon for spelling; later runs update it shard by shard")
        ("keep-shards", "the same as --shards with one shard per --threads writer")
        ("shard-by", po::value<std::string>()->value_name("SCHEME"),
         "how a new sharded database partitions articles: hash (with --shards N) or year (a shard "
         "per publication year, DB/1987 …, and DB/undated, made as years appear); recorded in "
         "DB/SHARD-BY, and a later run asking for another scheme is refused")
        ("watch", po::value<std::string>()->value_name("DIR"),
         "keep running: index every file completed in DIR (closed after writing, or moved in) within a "
         "second or two, with its alerts; files under temporary names (.name, name.tmp, name.part) wait "
         "for their rename; SIGTERM stops it after the batch under way (docs/watch.md)")
        ("update", "skip input files unchanged since they were last indexed (size, time, content hash)")
        ("delete", po::value<std::vector<std::string>>()->value_name("ID"), "remove the article with this id (repeatable)")
        ("delete-from", po::value<std::string>()->value_name("FILE"), "remove the articles whose ids FILE lists, one per line")
        ("batch-mb", po::value<std::uint64_t>()->default_value(1)->value_name("MB"),
         "commit after this many MB of article text (bounds memory; also how much an interrupted run redoes)")
        ("segment-mb", po::value<std::uint64_t>()->default_value(16)->value_name("MB"),
         "when building a new database, each writer starts a fresh one every MB of article text; all are "
         "compacted together at the end, which is faster than growing one (0: one per writer)")
        ("quiet,q", "no progress line");
    // clang-format on
    options.add(indexing).add(alert_options());
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    if (cli::parse_options(argc, argv, program_info(), options, positional, vm) ==
        cli::ParseOutcome::kExitOk) {
        return exit_status::kOk;
    }
    if (vm.count("watch"))
        block_stop_signals();  // before any thread starts (alerts' webhook, the writers)
    IndexCommand command;
    BulkOptions& bulk = command.bulk;
    auto db_paths = cli::database_paths(vm);
    if (db_paths.size() != 1)
        throw UsageError("gazette-index writes one database: give --db once");
    bulk.db_path = db_paths.front();
    if (vm.count("delete"))
        command.delete_ids = vm["delete"].as<std::vector<std::string>>();
    if (vm.count("delete-from")) {
        try {
            for (auto& id : read_id_list(vm["delete-from"].as<std::string>()))
                command.delete_ids.push_back(id);
        } catch (const InputError& e) {
            throw UsageError(e.what());
        }
    }
    if (vm.count("input"))
        command.inputs = vm["input"].as<std::vector<std::string>>();
    if (vm.count("watch") && (!command.inputs.empty() || !command.delete_ids.empty()))
        throw UsageError("--watch DIR reads the folder: give no other inputs and no --delete");
    if (command.inputs.empty() && command.delete_ids.empty() && !vm.count("watch")) {
        throw UsageError(
            "nothing to do: name files, directories or - (stdin) to index, or --delete ids");
    }
    if (vm.count("format")) {
        command.format = parse_format_name(vm["format"].as<std::string>());
        if (!command.format) {
            throw UsageError("unknown --format " + vm["format"].as<std::string>() + " (use " +
                             format_names() + ")");
        }
    }
    if (vm.count("exclude"))
        command.excludes = vm["exclude"].as<std::vector<std::string>>();
    bulk.default_source = vm["source"].as<std::string>();
    std::uint64_t batch_mb = vm["batch-mb"].as<std::uint64_t>();
    if (batch_mb == 0)
        throw UsageError("--batch-mb must be at least 1");
    bulk.batch_bytes = batch_mb << 20;
    bulk.segment_bytes = vm["segment-mb"].as<std::uint64_t>() << 20;
    bulk.threads = vm["threads"].as<unsigned>();
    if (bulk.threads == 0 || bulk.threads > 256)
        throw UsageError("--threads must be between 1 and 256");
    bulk.keep_shards = vm.count("keep-shards") > 0;
    if (vm.count("shards")) {
        bulk.shards = vm["shards"].as<unsigned>();
        if (bulk.shards == 0 || bulk.shards > 1024)
            throw UsageError("--shards must be between 1 and 1024");
    }
    if (vm.count("shard-by")) {
        bulk.shard_by = parse_scheme_name(vm["shard-by"].as<std::string>());
        if (!bulk.shard_by)
            throw UsageError("unknown --shard-by " + vm["shard-by"].as<std::string>() +
                             " (use hash or year)");
        if (bulk.shard_by == ShardScheme::kYear && (bulk.shards > 0 || bulk.keep_shards))
            throw UsageError(
                "--shard-by year makes one shard per year: leave out --shards and "
                "--keep-shards");
    }
    bulk.update = vm.count("update") > 0;
    bool quiet = vm.count("quiet") > 0;
    bulk.progress = !quiet && is_terminal(stderr);

    // We commit by size ourselves (--batch-mb); stop Xapian from also committing every
    // 10,000 documents, which would make the commit points depend on article counts.
    setenv("XAPIAN_FLUSH_THRESHOLD", "4000000000", 0);
    std::unique_ptr<AlertRun> alerts = alerts_from_options(vm);
    bulk.listener = alerts.get();
    try {
        int status = 0;
        if (vm.count("watch")) {
            WatchCommand watch;
            watch.bulk = command.bulk;
            watch.bulk.progress = false;
            watch.folder = vm["watch"].as<std::string>();
            watch.excludes = command.excludes;
            watch.format = command.format;
            status = run_watch(watch);
        } else {
            status = run_index(command);
        }
        if (alerts && !quiet) {
            std::cerr << "alerts: " << alerts->queries() << " standing queries, "
                      << alerts->stats().emitted << " alerts emitted (" << alerts->stats().reemitted
                      << " left over from an interrupted run), " << alerts->stats().suppressed
                      << " matches had fired before\n";
        }
        return status;
    } catch (const Xapian::DatabaseLockError&) {
        throw;  // has its own message below
    } catch (const Xapian::Error& e) {
        throw DatabaseFailure(e, bulk.db_path);  // names the database and the reason
    }
}

}  // namespace

int main(int argc, char** argv) try { return run(argc, argv); } catch (const UsageError& e) {
    std::cerr << "gazette-index: " << e.what() << "\n(see gazette-index --help)\n";
    return exit_status::kUsage;
} catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "gazette-index: the database is locked by another writer (is another "
                 "gazette-index running?): "
              << e.get_msg() << "\n";
    return exit_status::kFatal;
} catch (const Xapian::Error& e) {
    std::cerr << "gazette-index: " << e.get_type() << ": " << e.get_msg() << "\n";
    return exit_status::kFatal;
} catch (const std::exception& e) {
    std::cerr << "gazette-index: " << e.what() << "\n";
    return exit_status::kFatal;
}
