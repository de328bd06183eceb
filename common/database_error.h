// One line for a Xapian error met while using a database: it names the database, says what
// went wrong in words (the system's reason, such as "No space left on device", when there is
// one) and what to do. Both programs and the HTTP service print these instead of Xapian's
// bare "DatabaseError: Error writing block 18".
#pragma once

#include <stdexcept>
#include <string>

namespace Xapian {
class Error;
}

namespace gazette {

std::string describe_database_error(const Xapian::Error& error, const std::string& database);

// A fatal database error, already described (exit status 1).
class DatabaseFailure : public std::runtime_error {
  public:
    DatabaseFailure(const Xapian::Error& error, const std::string& database)
        : std::runtime_error(describe_database_error(error, database)) {}
};

}  // namespace gazette
