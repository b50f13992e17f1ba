#include "sandbox/bulk_insert.h"

#include <utility>

namespace kpd::sandbox {

std::string Quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
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
