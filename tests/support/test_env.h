#pragma once
// Where a test's databases and processes come from.
#include <string>

namespace kpd::test {

enum class Backend { Sqlite, Postgresql };

// From KPD_TEST_BACKEND (set per ctest registration); SQLite when unset.
Backend CurrentBackend();
const char* ToString(Backend backend);

// A fresh, empty temporary directory under the build tree, removed at exit.
std::string MakeTempDir(const std::string& prefix);

// The admin URL of the throwaway cluster (KPD_TEST_PG_URL), e.g.
// "postgresql://postgres@127.0.0.1:54321/postgres". Throws with a clear
// message when unset: PostgreSQL tests fail rather than skip.
std::string PgAdminUrl();

// Creates a new empty database in that cluster and returns its URL. It is
// dropped when the test process ends, passed or failed (KPD_TEST_KEEP keeps it).
std::string CreatePgDatabase(const std::string& prefix);

// A fresh database for the current backend: "sqlite:/tmp/…/x.db" or a
// "postgresql://…" URL of a new database. The form both the sandbox's --db
// and the workspace store accept.
std::string FreshDatabaseUrl(const std::string& prefix);

} // namespace kpd::test
