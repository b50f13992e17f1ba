#pragma once
// A problem found while validating user input. Validation returns every
// problem it finds, never throws for a user's mistake (see HOUSE-STYLE 7).
#include <string>
#include <vector>

namespace kpd::domain {

struct Problem {
    std::string field;   // JSON pointer into the request body, e.g. "/roles/1"
    std::string code;    // stable machine code, e.g. "required", "unknown_role"
    std::string message; // English words for logs and the API; UIs word codes themselves

    friend bool operator==(const Problem&, const Problem&) = default;
};

using Problems = std::vector<Problem>;

} // namespace kpd::domain
