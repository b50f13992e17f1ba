#include "support/test_env.h"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>
#include <unistd.h>

namespace kpd::test {

Backend CurrentBackend() {
    const char* v = std::getenv("KPD_TEST_BACKEND");
    if (v && std::string(v) == "postgresql") {
        return Backend::Postgresql;
    }
    return Backend::Sqlite;
}

const char* ToString(Backend backend) {
    return backend == Backend::Postgresql ? "postgresql" : "sqlite";
}

namespace {
std::string UniqueSuffix() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
}

struct TempDirs {
    std::vector<std::filesystem::path> dirs;
    ~TempDirs() {
        if (std::getenv("KPD_TEST_KEEP")) {
            return;
        }
        for (auto& d : dirs) {
            std::error_code ec;
            std::filesystem::remove_all(d, ec);
        }
    }
};
TempDirs g_tempDirs;

// The databases CreatePgDatabase made, dropped when the test process ends,
// whether its cases passed or failed (Boost.Test returns from main either
// way). KPD_TEST_KEEP keeps them, like the temporary directories, to look at
// a failure. A drop that fails is said on stderr and changes no verdict.
// WITH (FORCE) ends connections still open (a workspace session a test kept
// alive); a process killed outright (a ctest timeout) leaves its databases.
class PgDatabases {
  public:
    void Add(std::string admin_url, std::string name) {
        std::lock_guard lock(m_mutex);
        m_made.emplace_back(std::move(admin_url), std::move(name));
    }

    ~PgDatabases() {
        // A forked child that exits normally must not drop its parent's databases.
        if (m_made.empty() || std::getenv("KPD_TEST_KEEP") || ::getpid() != m_owner) {
            return;
        }
        for (const auto& [admin, name] : m_made) {
            Drop(admin, name);
        }
    }

  private:
    static void Drop(const std::string& admin, const std::string& name) {
        PGconn* conn = PQconnectdb(admin.c_str());
        if (PQstatus(conn) != CONNECTION_OK) {
            std::cerr << "test_env: cannot connect to " << admin << " to drop " << name << ": "
                      << PQerrorMessage(conn);
            PQfinish(conn);
            return;
        }
        PGresult* res = PQexec(conn, ("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str());
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            std::cerr << "test_env: DROP DATABASE " << name << " failed: " << PQerrorMessage(conn);
        }
        PQclear(res);
        PQfinish(conn);
    }

    const pid_t m_owner = ::getpid();
    std::mutex m_mutex;
    std::vector<std::pair<std::string, std::string>> m_made;
};
PgDatabases g_pgDatabases;
} // namespace

std::string MakeTempDir(const std::string& prefix) {
    auto dir = std::filesystem::path(KPD_BUILD_DIR) / "test-tmp" / (prefix + "_" + UniqueSuffix());
    std::filesystem::create_directories(dir);
    g_tempDirs.dirs.push_back(dir);
    return dir.string();
}

std::string PgAdminUrl() {
    const char* url = std::getenv("KPD_TEST_PG_URL");
    if (!url || !*url) {
        throw std::runtime_error("KPD_TEST_PG_URL is not set: PostgreSQL tests need the throwaway cluster "
                                 "that scripts/test starts (or set it to a postgresql:// admin URL)");
    }
    return url;
}

std::string CreatePgDatabase(const std::string& prefix) {
    std::string admin = PgAdminUrl();
    std::string name = "kpd_" + prefix + "_" + UniqueSuffix();
    for (auto& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    PGconn* conn = PQconnectdb(admin.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string err = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("cannot connect to " + admin + ": " + err);
    }
    PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    std::string err = PQerrorMessage(conn);
    PQclear(res);
    PQfinish(conn);
    if (!ok) {
        throw std::runtime_error("CREATE DATABASE " + name + " failed: " + err);
    }
    g_pgDatabases.Add(admin, name);
    // Replace the database name (the path after the last '/') of the admin URL.
    auto slash = admin.rfind('/');
    auto query = admin.find('?', slash);
    std::string tail = query == std::string::npos ? "" : admin.substr(query);
    return admin.substr(0, slash + 1) + name + tail;
}

std::string FreshDatabaseUrl(const std::string& prefix) {
    if (CurrentBackend() == Backend::Postgresql) {
        return CreatePgDatabase(prefix);
    }
    return "sqlite:" + MakeTempDir(prefix) + "/" + prefix + ".db";
}

} // namespace kpd::test
