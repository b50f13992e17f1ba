#pragma once
// Multi-row INSERTs for the sandbox's generators (seed, simulated days and
// scans), which write thousands of rows whose values they made themselves:
// one statement per batch instead of one per row. Used on the caller's
// session inside the caller's transaction; any thread.
#include <soci/soci.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kpd::sandbox {

// A SQL text literal: quotes doubled all the same, though the generators'
// values hold none. Throws std::invalid_argument for text with a NUL byte.
std::string Quoted(std::string_view text);

// Gathers VALUES rows after `head` ("INSERT INTO t (a, b) VALUES ") and runs
// the statement every `batch_rows` rows; Flush runs what is left.
class BatchInsert {
  public:
    BatchInsert(soci::session& db, std::string head, std::size_t batch_rows);
    // `row` is the list inside one row's parentheses: "1,'a',NULL".
    void Add(std::string_view row);
    void Flush();

  private:
    soci::session& m_db;
    std::string m_head, m_sql;
    std::size_t m_batch_rows;
    std::size_t m_rows = 0;
};

} // namespace kpd::sandbox
