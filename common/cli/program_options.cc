#include "common/cli/program_options.h"

#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/errors.h"
#include "common/schema.h"

namespace gazette::cli {

po::options_description general_options() {
    po::options_description general("General options");
    general.add_options()("help,h", "show this help and exit")("version",
                                                               "show the version and exit")(
        "config", po::value<std::string>()->value_name("FILE"),
        "read further options from FILE, one `name = value` per line "
        "(e.g. `db = /srv/news.db`); the command line wins");
    return general;
}

po::options_description database_option(const char* what) {
    po::options_description db("Database");
    db.add_options()("db,d", po::value<std::vector<std::string>>()->composing()->value_name("DB"),
                     what);
    return db;
}

std::vector<std::string> database_paths(const po::variables_map& vm) {
    if (!vm.count("db"))
        throw UsageError("no database given: use --db DB or set GAZETTE_DB");
    return vm["db"].as<std::vector<std::string>>();
}

std::string version_line(const std::string& program) {
    return program + " " GAZETTE_VERSION " (schema " + std::to_string(kSchemaVersion) +
           ", Xapian " + Xapian::version_string() + ")";
}

std::string help_text(const ProgramInfo& info, const po::options_description& options) {
    std::ostringstream out;
    out << "Usage: " << info.synopsis << "\n" << info.summary << "\n\n" << options;
    if (!info.notes.empty())
        out << "\n" << info.notes;
    out << "\nExamples:\n";
    std::istringstream examples(info.examples);
    for (std::string line; std::getline(examples, line);)
        out << "  $ " << line << "\n";
    return out.str();
}

ParseOutcome parse_options(int argc, const char* const argv[], const ProgramInfo& info,
                           const po::options_description& options,
                           const po::positional_options_description& positional,
                           po::variables_map& vm) {
    try {
        po::store(po::command_line_parser(argc, argv)
                      .options(options)
                      .positional(positional)
                      .style(po::command_line_style::default_style &
                             ~po::command_line_style::allow_guessing)
                      .run(),
                  vm);
        if (vm.count("help")) {
            std::cout << help_text(info, options);
            return ParseOutcome::kExitOk;
        }
        if (vm.count("version")) {
            std::cout << version_line(info.name) << "\n";
            return ParseOutcome::kExitOk;
        }
        if (vm.count("config")) {
            const auto& path = vm["config"].as<std::string>();
            std::ifstream in(path);
            if (!in)
                throw UsageError("cannot read config file " + path);
            po::store(po::parse_config_file(in, options), vm);
        }
        if (options.find_nothrow("db", false) && !vm.count("db")) {
            if (const char* env = std::getenv("GAZETTE_DB"); env && *env) {
                vm.insert({"db", po::variable_value(std::vector<std::string>{env}, false)});
            }
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return ParseOutcome::kRun;
}

}  // namespace gazette::cli
