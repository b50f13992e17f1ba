#include "sandbox/bulk_insert.h"

#include <stdexcept>
#include <utility>

namespace kpd::sandbox {

std::string Quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        // The statement is a C string to both backends: a NUL would cut it
        // short. Callers refuse such text first; the message names no value.
        if (c == '\0')
            throw std::invalid_argument("a text with a NUL byte cannot be an SQL literal");
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

BatchInsert::BatchInsert(soci::session& db, std::string head, std::size_t batch_rows)
    : m_db(db), m_head(std::move(head)), m_batch_rows(batch_rows) {}

void BatchInsert::Add(std::string_view row) {
    m_sql += m_rows == 0 ? m_head : ",";
    m_sql += '(';
    m_sql += row;
    m_sql += ')';
    if (++m_rows == m_batch_rows) Flush();
}

void BatchInsert::Flush() {
    if (m_rows > 0) m_db << m_sql;
    m_sql.clear();
    m_rows = 0;
}

} // namespace kpd::sandbox
