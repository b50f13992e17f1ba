#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace kpd::store {

std::optional<DatabaseUrl> DatabaseUrl::Parse(const std::string& url) {
    const std::string sqlite = "sqlite:";
    if (url.rfind(sqlite, 0) == 0 && url.size() > sqlite.size()) {
        return DatabaseUrl{Backend::Sqlite, url.substr(sqlite.size())};
    }
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        if (url.rfind(scheme, 0) == 0) {
            return DatabaseUrl{Backend::Postgresql, url};
        }
    }
    return std::nullopt;
}

const char* ToString(Backend backend) {
    return backend == Backend::Postgresql ? "postgresql" : "sqlite";
}

namespace {
// SOCI 4.0's PostgreSQL backend reads its connect string as "key=value"
// pairs (to find its own options) and writes it back: a URI with no '=' in
// it comes back with one appended, so ".../dbname" asks libpq for the
// database "dbname=". Giving the URI a query parameter keeps it intact; a
// connect timeout is also what a desk wants when the server is gone.
std::string PostgresConnectString(const std::string& uri) {
    if (uri.find('=') != std::string::npos) {
        return uri;
    }
    return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}
} // namespace

void OpenInto(soci::session& session, const DatabaseUrl& url) {
    if (url.backend == Backend::Sqlite) {
        // SOCI's connect string quotes values containing spaces with '"'.
        session.open(*soci::factory_sqlite3(), "db=\"" + url.location + "\" timeout=30");
        session << "PRAGMA journal_mode=WAL";
        session << "PRAGMA foreign_keys=ON";
        session << "PRAGMA synchronous=NORMAL";
        return;
    }
    session.open(*soci::factory_postgresql(), PostgresConnectString(url.location));
    session << "SET client_min_messages TO WARNING";
}

std::unique_ptr<soci::session> OpenSession(const DatabaseUrl& url) {
    auto session = std::make_unique<soci::session>();
    OpenInto(*session, url);
    return session;
}

std::unique_ptr<soci::session> OpenSession(const std::string& url) {
    auto parsed = DatabaseUrl::Parse(url);
    if (!parsed) {
        throw std::invalid_argument("unsupported database URL '" + url +
                                    "': use sqlite:PATH or postgresql://user@host:port/dbname");
    }
    return OpenSession(*parsed);
}

Backend BackendOf(soci::session& session) {
    return session.get_backend_name() == "postgresql" ? Backend::Postgresql : Backend::Sqlite;
}

void ExecuteScript(soci::session& session, const std::string& script) {
    std::size_t start = 0;
    while (start < script.size()) {
        std::size_t end = script.find(";\n", start);
        std::string stmt =
            script.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? script.size() : end + 2;
        bool blank = stmt.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!blank) {
            session << stmt;
        }
    }
}

namespace {
// Desks of a team sharing one PostgreSQL workspace (or sandboxes sharing a
// database) may start at once: a session-level advisory lock lets one of
// them migrate while the others wait, then find nothing left to do. SQLite
// needs none: its writers are serialised by the file lock.
class MigrationLock {
  public:
    MigrationLock(soci::session& session, const std::string& table) : m_session(session) {
        if (BackendOf(session) != Backend::Postgresql) {
            return;
        }
        m_key = "kpd." + table;
        int one = 0;
        m_session << "SELECT 1 FROM (SELECT pg_advisory_lock(hashtext('" + m_key + "'))) AS l",
            soci::into(one);
        m_locked = true;
    }
    ~MigrationLock() {
        if (!m_locked) {
            return;
        }
        try {
            int one = 0;
            m_session << "SELECT 1 FROM (SELECT pg_advisory_unlock(hashtext('" + m_key +
                             "'))) AS l",
                soci::into(one);
        } catch (...) {
            // The lock ends with the session anyway.
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    soci::session& m_session;
    std::string m_key;
    bool m_locked = false;
};
} // namespace

namespace {
// One migration step's transaction. On SQLite it is BEGIN IMMEDIATE: the
// write lock is taken (waiting out the busy timeout) before the version is
// read, so two processes opening one new file take turns and the second
// finds the step done. A deferred BEGIN would let both read "not applied".
class StepTransaction {
  public:
    explicit StepTransaction(soci::session& session)
        : m_session(session), m_sqlite(BackendOf(session) == Backend::Sqlite) {
        if (m_sqlite) {
            m_session << "BEGIN IMMEDIATE";
        } else {
            m_session.begin();
        }
    }
    ~StepTransaction() {
        if (m_done) {
            return;
        }
        try {
            if (m_sqlite) {
                m_session << "ROLLBACK";
            } else {
                m_session.rollback();
            }
        } catch (...) {
            // Nothing more to undo; the error that brought us here is reported.
        }
    }
    StepTransaction(const StepTransaction&) = delete;
    StepTransaction& operator=(const StepTransaction&) = delete;

    void Commit() {
        if (m_sqlite) {
            m_session << "COMMIT";
        } else {
            m_session.commit();
        }
        m_done = true;
    }

  private:
    soci::session& m_session;
    bool m_sqlite;
    bool m_done = false;
};

int CurrentVersion(soci::session& session, const std::string& table) {
    int current = 0;
    soci::indicator ind = soci::i_null;
    session << "SELECT MAX(version) FROM " + table, soci::into(current, ind);
    return ind == soci::i_null ? 0 : current;
}
} // namespace

Migration BothBackends(int version, std::string name, const std::string& sql) {
    auto replace = [&sql](const std::string& big, const std::string& id) {
        std::string out = sql;
        for (auto [token, with] : {std::pair<std::string, std::string>{"{BIG}", big}, {"{ID}", id}}) {
            for (auto at = out.find(token); at != std::string::npos; at = out.find(token, at + with.size())) {
                out.replace(at, token.size(), with);
            }
        }
        return out;
    };
    return {version, std::move(name), replace("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT"),
            replace("BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")};
}

int ApplyMigrations(soci::session& session, const std::vector<Migration>& migrations,
                    const std::string& table) {
    MigrationLock lock(session, table);
    session << "CREATE TABLE IF NOT EXISTS " + table +
                   " (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at "
                   "VARCHAR(40) NOT NULL)";
    Backend backend = BackendOf(session);
    int applied = 0;
    for (const auto& m : migrations) {
        if (m.version <= CurrentVersion(session, table)) {
            continue; // cheap check outside a transaction first
        }
        StepTransaction tr(session);
        if (m.version <= CurrentVersion(session, table)) {
            continue; // another process applied it while we waited for the lock
        }
        ExecuteScript(session, backend == Backend::Postgresql ? m.postgresql_sql : m.sqlite_sql);
        std::string name = m.name;
        int version = m.version;
        session << "INSERT INTO " + table +
                       " (version, name, applied_at) VALUES (:version, :name, "
                       "CAST(CURRENT_TIMESTAMP AS VARCHAR(40)))",
            soci::use(version, "version"), soci::use(name, "name");
        tr.Commit();
        ++applied;
    }
    return applied;
}

} // namespace kpd::store
