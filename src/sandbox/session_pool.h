#pragma once
// A fixed set of SOCI sessions shared by the HTTP worker threads: a request
// leases one for its whole life and gives it back when done, so no session is
// ever used by two threads at once. Also the write transaction every
// state-changing request runs in. Acquire() is thread-safe; a Lease and the
// session in it belong to the thread that acquired it.
#include "store/database.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace kpd::sandbox {

class SessionPool {
  public:
    class Lease {
      public:
        Lease(SessionPool& pool, std::unique_ptr<soci::session> session)
            : m_pool(&pool), m_session(std::move(session)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        soci::session& operator*() const { return *m_session; }
        soci::session* operator->() const { return m_session.get(); }

      private:
        SessionPool* m_pool;
        std::unique_ptr<soci::session> m_session;
    };

    // Opens `size` sessions to `url` (throws what store::OpenSession throws).
    SessionPool(const std::string& url, std::size_t size);

    // Waits for a free session.
    Lease Acquire();
    store::Backend GetBackend() const { return m_backend; }
    // Closes every session (all leases must have been returned).
    void Close();

  private:
    void GiveBack(std::unique_ptr<soci::session> session);

    std::mutex m_mutex;
    std::condition_variable m_freed;
    std::vector<std::unique_ptr<soci::session>> m_free;
    store::Backend m_backend;
};

// BEGIN … COMMIT around a change, rolled back when not committed. On SQLite it
// begins IMMEDIATE: the write lock is taken up front, so two requests never
// both read and then fail to upgrade (SQLITE_BUSY without waiting); the busy
// timeout then queues writers. On PostgreSQL it is READ COMMITTED and the
// code relies on unique constraints and guarded UPDATEs instead.
class WriteTransaction {
  public:
    explicit WriteTransaction(soci::session& session);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void Commit();
    void Rollback();

  private:
    soci::session& m_session;
    bool m_open = true;
};

// True when `error` is a unique/primary key violation on either backend.
bool IsUniqueViolation(const std::exception& error);

} // namespace kpd::sandbox
