#include "common/database_error.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>

namespace gazette {

std::string describe_database_error(const Xapian::Error& error, const std::string& database) {
    std::string xapian = error.get_type() + std::string(": ") + error.get_msg();
    const char* reason = error.get_error_string();
    if (reason != nullptr && *reason != '\0') {
        std::string out = "database " + database + ": " + reason + " (" + xapian + ")";
        if (std::strcmp(reason, std::strerror(ENOSPC)) == 0 ||
            std::strcmp(reason, std::strerror(EFBIG)) == 0 ||
            std::strcmp(reason, std::strerror(EDQUOT)) == 0) {
            out +=
                "; the disk is full: the database stays as of its last commit, and the same "
                "command run again once there is room resumes";
        }
        return out;
    }
    std::string type = error.get_type();
    if (type == "DatabaseCorruptError" || type == "DatabaseError") {
        return "database " + database + " is damaged or truncated (" + xapian + "); xapian-check " +
               database + " says more";
    }
    if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError" ||
        type == "DatabaseVersionError") {
        return "cannot open database " + database + ": " + error.get_msg();
    }
    return "database " + database + ": " + xapian;
}

}  // namespace gazette
