// Benchmark tool: reads inputs with gazette-index's readers (format detection included) and
// counts what they yield, without indexing: the readers' own CPU time, which
// tests/bench/ingest_bench.py sets against a whole indexing run of the same input.
// Usage: gazette-read-only FILE_OR_DIR...   prints "articles rejected seconds".
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "indexer/readers/input_files.h"

namespace {

class CountingSink : public gazette::ArticleSink {
  public:
    void accept(gazette::Article&& a, const std::string&) override {
        ++articles;
        bytes += a.title.size() + a.body.size();
    }
    void reject(const std::string&, const std::string&) override { ++rejected; }
    void warn(const std::string&, const std::string&) override {}
    void skip(const std::string&, const std::string&) override {}
    std::size_t articles = 0, rejected = 0, bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto start = std::chrono::steady_clock::now();
    gazette::InputPlan plan = gazette::plan_inputs(args, std::nullopt);
    CountingSink sink;
    for (const auto& file : plan.files)
        gazette::read_input(file, "", sink);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %zu %.3f\n", sink.articles, sink.rejected, seconds);
    return 0;
}
