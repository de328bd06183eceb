// gazette-generate: options and the top-level error handler only; the work is in
// write_corpus.cc.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "common/cli/program_options.h"
#include "common/errors.h"
#include "corpus/generator/write_corpus.h"

namespace po = boost::program_options;
using namespace gazette;

namespace {

const cli::ProgramInfo kInfo{
    "gazette-generate", "gazette-generate --count N [options]",
    "Write a synthetic news archive as JSON Lines: Zipf-distributed text, recurring people, "
    "places and outlets, and near-duplicate republished copies. Same options, same bytes.",
    "gazette-generate --count 1000000 --seed 1 --out /tmp/synth-1m.jsonl\n"
    "gazette-generate --count 100000 --gzip --out synth.jsonl.gz --truth synth-dups.jsonl\n"
    "gazette-generate --count 1000 --from-year 2020 --to-year 2025 | gazette-index --db s.db "
    "-\n"};

int run(int argc, char** argv) {
    po::options_description options;
    options.add(cli::general_options());
    po::options_description corpus("Corpus");
    corpus.add_options()("count,n", po::value<std::uint64_t>()->required()->value_name("N"),
                         "number of articles to write")(
        "seed", po::value<std::uint64_t>()->default_value(1)->value_name("S"),
        "random seed: the same seed and options give byte-identical output")(
        "duplicate-share", po::value<double>()->default_value(0.05, "0.05")->value_name("F"),
        "share of articles (0 to 1) that are republished copies of an earlier one")(
        "from-year", po::value<int>()->default_value(1985)->value_name("YYYY"),
        "earliest publication year")("to-year",
                                     po::value<int>()->default_value(2025)->value_name("YYYY"),
                                     "latest publication year (later years hold more articles)")(
        "vocabulary-size", po::value<std::size_t>()->default_value(50000)->value_name("N"),
        "distinct words running text draws from (Zipf over their ranks)");
    po::options_description output("Output");
    output.add_options()("out,o", po::value<std::string>()->default_value("-")->value_name("FILE"),
                         "where to write the articles; - is standard output")(
        "gzip", "compress the output with gzip (name the file .jsonl.gz)")(
        "truth", po::value<std::string>()->value_name("FILE"),
        "also write one {\"id\": copy, \"original\": id} line per republished copy")(
        "verbose,v", "print a summary (articles, copies, bytes, speed) on stderr");
    options.add(corpus).add(output);

    po::variables_map vm;
    if (cli::parse_options(argc, argv, kInfo, options, {}, vm) == cli::ParseOutcome::kExitOk)
        return exit_status::kOk;

    generator::GeneratorOptions g;
    g.seed = vm["seed"].as<std::uint64_t>();
    g.duplicate_share = vm["duplicate-share"].as<double>();
    g.from_year = vm["from-year"].as<int>();
    g.to_year = vm["to-year"].as<int>();
    g.vocabulary_size = vm["vocabulary-size"].as<std::size_t>();
    const auto count = vm["count"].as<std::uint64_t>();
    const auto out_path = vm["out"].as<std::string>();
    if (vm.count("truth") && vm["truth"].as<std::string>() == "-" && out_path == "-")
        throw UsageError("--truth and --out cannot both be standard output");

    const auto start = std::chrono::steady_clock::now();
    generator::CorpusStats stats;
    try {
        auto articles = generator::open_line_sink(out_path, vm.count("gzip") > 0);
        std::unique_ptr<generator::LineSink> truth;
        if (vm.count("truth"))
            truth = generator::open_line_sink(vm["truth"].as<std::string>(), false);
        stats = generator::write_corpus(g, count, *articles, truth.get());
        articles->close();
        if (truth)
            truth->close();
    } catch (const std::invalid_argument& e) {  // options the generator cannot honour
        throw UsageError(e.what());
    }
    if (vm.count("verbose")) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr,
                     "gazette-generate: %llu articles (%llu republished copies), %.1f MB of JSON "
                     "Lines in %.1f s: %.0f articles/minute\n",
                     static_cast<unsigned long long>(stats.articles),
                     static_cast<unsigned long long>(stats.copies),
                     static_cast<double>(stats.bytes) / 1e6, seconds,
                     seconds > 0 ? static_cast<double>(stats.articles) * 60 / seconds : 0.0);
    }
    return exit_status::kOk;
}

}  // namespace

int main(int argc, char** argv) try { return run(argc, argv); } catch (const UsageError& e) {
    std::cerr << "gazette-generate: " << e.what() << "\n";
    return exit_status::kUsage;
} catch (const std::exception& e) {
    std::cerr << "gazette-generate: " << e.what() << "\n";
    return exit_status::kFatal;
}
