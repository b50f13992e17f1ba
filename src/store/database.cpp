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

std::unique_ptr<soci::session> OpenSession(const DatabaseUrl& url) {
    if (url.backend == Backend::Sqlite) {
        // SOCI's connect string quotes values containing spaces with '"'.
        auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                       "db=\"" + url.location + "\" timeout=30");
        *session << "PRAGMA journal_mode=WAL";
        *session << "PRAGMA foreign_keys=ON";
        *session << "PRAGMA synchronous=NORMAL";
        return session;
    }
    auto session = std::make_unique<soci::session>(*soci::factory_postgresql(), url.location);
    *session << "SET client_min_messages TO WARNING";
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
        std::string stmt = script.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? script.size() : end + 2;
        bool blank = stmt.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!blank) {
            session << stmt;
        }
    }
}

int ApplyMigrations(soci::session& session, const std::vector<Migration>& migrations, const std::string& table) {
    session << "CREATE TABLE IF NOT EXISTS " + table +
                   " (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)";
    int current = 0;
    soci::indicator ind = soci::i_null;
    session << "SELECT MAX(version) FROM " + table, soci::into(current, ind);
    if (ind == soci::i_null) {
        current = 0;
    }
    Backend backend = BackendOf(session);
    int applied = 0;
    for (const auto& m : migrations) {
        if (m.version <= current) {
            continue;
        }
        soci::transaction tr(session);
        ExecuteScript(session, backend == Backend::Postgresql ? m.postgresql_sql : m.sqlite_sql);
        std::string name = m.name;
        int version = m.version;
        session << "INSERT INTO " + table +
                       " (version, name, applied_at) VALUES (:version, :name, CAST(CURRENT_TIMESTAMP AS VARCHAR(40)))",
            soci::use(version, "version"), soci::use(name, "name");
        tr.commit();
        ++applied;
    }
    return applied;
}

} // namespace kpd::store
