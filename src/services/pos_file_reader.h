#pragma once
// Reads a partner's sales export (CSV in UTF-8 or Windows-1251, any of the
// usual delimiters, RFC 4180 quotes with line breaks inside them) into a
// SaleTable, streaming through a memory map. Every bad line is reported with
// its line number and column; the caller imports the table only when there is
// no problem, or when the user chose to skip the listed lines.
#include "domain/cancel_token.h"
#include "services/pos_layout.h"
#include "services/sale_table.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

struct LineProblem {
    std::int64_t line = 0; // 1-based line in the file where the record starts
    std::string column;    // "amount", "sold_at", … or "" for the whole line
    std::string message;   // English
    // What is wrong, for UIs to word: column_count | not_utf8 | too_long |
    // not_a_time | quote_not_closed | text_after_quote | quote_in_value | the
    // amount's codes (domain/sale_fields.h: empty, not_a_number, …).
    std::string code;
};

struct PosReadResult {
    SaleTable table;                  // the good lines
    std::vector<LineProblem> problems; // at most kMaxListedProblems listed…
    std::int64_t problem_lines = 0;    // …out of this many bad lines
    std::int64_t data_lines = 0;       // records read, good and bad
    std::string fatal;                 // the file cannot be read at all (missing, UTF-16, broken quote at the end…)
    bool cancelled = false;

    bool Clean() const { return fatal.empty() && problem_lines == 0 && !cancelled; }
};

inline constexpr std::size_t kMaxListedProblems = 1000;

// From bytes already in memory (tests, pasted text); `bytes` includes any BOM.
PosReadResult ReadPosBytes(std::string_view bytes, const PosLayout& layout,
                           const domain::CancelToken* cancel = nullptr, domain::ProgressSink* progress = nullptr);

// From a file, mapped rather than read, so a 300 MB export costs no copy.
PosReadResult ReadPosFile(const std::string& path, const PosLayout& layout,
                          const domain::CancelToken* cancel = nullptr, domain::ProgressSink* progress = nullptr);

// The first `limit` bytes of a file, for SniffPosLayout; empty with `error` when unreadable.
std::string ReadFileHead(const std::string& path, std::size_t limit, std::string& error);

} // namespace kpd::services
