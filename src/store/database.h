#pragma once
// Opening a database by URL and migrating its schema, for the workspace and
// for the sandbox alike. Two URL forms:
//   sqlite:/path/to/file.db        (WAL, foreign keys on, busy timeout)
//   postgresql://user@host:port/db (anything libpq accepts as a URI)
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace kpd::store {

enum class Backend { Sqlite, Postgresql };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string location; // file path for SQLite, the URI for PostgreSQL

    // nullopt for anything but the two forms above.
    static std::optional<DatabaseUrl> Parse(const std::string& url);
};

const char* ToString(Backend backend);

// Opens a session; throws soci::soci_error (or std::invalid_argument for a
// malformed URL) on failure. Each thread uses its own session.
std::unique_ptr<soci::session> OpenSession(const DatabaseUrl& url);
// The same, into a session that is not open yet (e.g. one of a
// soci::connection_pool's sessions).
void OpenInto(soci::session& session, const DatabaseUrl& url);
std::unique_ptr<soci::session> OpenSession(const std::string& url);

Backend BackendOf(soci::session& session);

// One schema step, written once per backend (types and DDL differ).
struct Migration {
    int version = 0;
    std::string name;
    std::string sqlite_sql;
    std::string postgresql_sql;
};

// One schema text for both backends: "{BIG}" becomes INTEGER on SQLite and
// BIGINT on PostgreSQL, "{ID}" an auto-numbered primary key on each. For
// tables whose DDL differs only in those types.
Migration BothBackends(int version, std::string name, const std::string& sql);

// Applies, in one transaction each, the migrations whose version is above
// the one recorded in `table` (created when missing). On PostgreSQL an
// advisory lock named after `table` serialises concurrent callers. Returns how many were
// applied. Statements inside a migration's SQL are separated by ";\n".
int ApplyMigrations(soci::session& session, const std::vector<Migration>& migrations,
                    const std::string& table = "schema_migrations");

// Runs every statement of a script separated by ";\n" (no procedural blocks
// with embedded ";\n" for SQLite; PostgreSQL functions use $$ bodies on one
// statement and are kept intact).
void ExecuteScript(soci::session& session, const std::string& script);

} // namespace kpd::store
