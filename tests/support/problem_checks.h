#pragma once
// Checks on a list of validation problems that the domain and contract tests
// share: whether a problem with this code sits at this JSON pointer, and the
// whole list in one line for a failing check's message.
#include "domain/problem.h"

#include <algorithm>
#include <string>

namespace kpd::test {

inline bool HasProblemAt(const domain::Problems& problems, const std::string& field, const std::string& code) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const domain::Problem& p) { return p.field == field && p.code == code; });
}

inline std::string Dump(const domain::Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += p.field + " " + p.code + "; ";
    return out;
}

} // namespace kpd::test
