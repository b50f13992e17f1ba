#pragma once
// What reading a partner's sales export gives, whichever its format (CSV or
// XLSX): the good lines as a SaleTable and every bad one by its place. The
// caller imports the table only when there is no problem, or when the user
// chose to skip the listed lines. A plain value; any thread.
#include "services/sale_table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kpd::services {

struct LineProblem {
    std::int64_t line = 0; // 1-based line in the file where the record starts (a sheet's row number)
    std::string column;    // "amount", "sold_at", … or "" for the whole line
    std::string message;   // English
    // What is wrong, for UIs to word: column_count | not_utf8 | too_long |
    // not_a_time | quote_not_closed | text_after_quote | quote_in_value | the
    // amount's codes (domain/sale_fields.h: empty, not_a_number, …).
    std::string code;
    std::string cell; // in an XLSX sheet, the cell ("C17"); empty for CSV
};

struct PosReadResult {
    SaleTable table;                  // the good lines
    std::vector<LineProblem> problems; // at most kMaxListedProblems listed…
    std::int64_t problem_lines = 0;    // …out of this many bad lines
    std::int64_t data_lines = 0;       // records read, good and bad
    std::string fatal;                 // the file cannot be read at all (missing, UTF-16, broken quote at the end, not a workbook…)
    bool cancelled = false;

    bool Clean() const { return fatal.empty() && problem_lines == 0 && !cancelled; }
};

inline constexpr std::size_t kMaxListedProblems = 1000;

} // namespace kpd::services
