#include "sandbox/session_pool.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

namespace kpd::sandbox {

SessionPool::Lease::~Lease() {
    if (m_session) {
        m_pool->GiveBack(std::move(m_session));
    }
}

SessionPool::SessionPool(const std::string& url, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        m_free.push_back(store::OpenSession(url));
    }
    m_backend = store::BackendOf(*m_free.front());
}

SessionPool::Lease SessionPool::Acquire() {
    std::unique_lock lock(m_mutex);
    m_freed.wait(lock, [this] { return !m_free.empty(); });
    auto session = std::move(m_free.back());
    m_free.pop_back();
    return Lease(*this, std::move(session));
}

void SessionPool::GiveBack(std::unique_ptr<soci::session> session) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(session));
    }
    m_freed.notify_one();
}

void SessionPool::Close() {
    std::lock_guard lock(m_mutex);
    for (auto& s : m_free) {
        s->close();
    }
    m_free.clear();
}

WriteTransaction::WriteTransaction(soci::session& session) : m_session(session) {
    if (store::BackendOf(session) == store::Backend::Sqlite) {
        m_session << "BEGIN IMMEDIATE";
    } else {
        m_session << "BEGIN";
    }
}

WriteTransaction::~WriteTransaction() {
    if (m_open) {
        try {
            m_session << "ROLLBACK";
        } catch (...) {
            // The connection is gone or the transaction already ended; nothing to undo.
        }
    }
}

void WriteTransaction::Commit() {
    m_session << "COMMIT";
    m_open = false;
}

void WriteTransaction::Rollback() {
    if (m_open) {
        m_open = false;
        m_session << "ROLLBACK";
    }
}

bool IsUniqueViolation(const std::exception& error) {
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        return pg->sqlstate() == "23505";
    }
    if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
        return (lite->result() & 0xff) == SQLITE_CONSTRAINT;
    }
    return false;
}

} // namespace kpd::sandbox
