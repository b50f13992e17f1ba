// The process: graceful SIGTERM, restarts that keep data (migrations and
// seeding are idempotent), and a request log without secrets.
#include "http_helper.h"

#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <libpq-fe.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// platform-sandbox started by hand, because the test needs its exit status
// (SandboxProcess reaps it silently).
struct ManualSandbox {
    pid_t pid = -1;
    std::string log;
    std::string base;

    explicit ManualSandbox(const std::string& dbUrl) {
        log = kpd::test::MakeTempDir("manual") + "/sandbox.log";
        std::vector<std::string> args = {KPD_SANDBOX_BIN, "--listen", "127.0.0.1:0", "--db",
                                         dbUrl,           "--seed",   "demo"};
        pid = ::fork();
        if (pid == 0) {
            int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            std::vector<char*> argv;
            for (auto& a : args) {
                argv.push_back(a.data());
            }
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        static const std::regex ready(R"(platform-sandbox ready on (http://127\.0\.0\.1:\d+))");
        for (int i = 0; i < 3000 && base.empty(); ++i) {
            std::smatch m;
            auto text = ReadFile(log);
            if (std::regex_search(text, m, ready)) {
                base = m[1];
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ~ManualSandbox() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        kpd::test::ReportChildSanitizerFindings("platform-sandbox", ReadFile(log));
    }
    // SIGTERM; the exit status, or -1 when it did not exit within 10 s.
    int Terminate() {
        ::kill(pid, SIGTERM);
        for (int i = 0; i < 500; ++i) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }
};
// Ends every session of the database `dbUrl` names (as a PostgreSQL restart would).
int TerminateSessions(const std::string& dbUrl) {
    auto name = dbUrl.substr(dbUrl.rfind('/') + 1);
    PGconn* conn = PQconnectdb(kpd::test::PgAdminUrl().c_str());
    std::string sql =
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'";
    PGresult* res = PQexec(conn, sql.c_str());
    int count = PQresultStatus(res) == PGRES_TUPLES_OK ? PQntuples(res) : -1;
    PQclear(res);
    PQfinish(conn);
    return count;
}

boost::test_tools::assertion_result OnPostgresql(utf::test_unit_id) {
    return kpd::test::CurrentBackend() == kpd::test::Backend::Postgresql;
}
} // namespace

BOOST_AUTO_TEST_SUITE(lifecycle)

BOOST_AUTO_TEST_CASE(a_lost_database_connection_is_503_then_heals,
                     *utf::precondition(OnPostgresql)) {
    kpd::test::SandboxOptions options;
    options.extra_args = {"--threads", "2"};
    options.allow_prism = false;
    kpd::test::SandboxProcess sandbox(options);
    Http http(sandbox.DirectUrl());
    auto token = http.SignIn("viewer");
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(TerminateSessions(sandbox.DbUrl()) == 2);
    auto first = http.Get("/v1/partner", token);
    BOOST_TEST((first.status == 503 || first.status == 200));
    if (first.status == 503) {
        BOOST_TEST(first.Code() == "service_unavailable");
        BOOST_TEST(first.Header("Retry-After") == "1");
    }
    int ok = 0;
    for (int i = 0; i < 4; ++i) {
        ok += http.Get("/v1/partner", token).status == 200 ? 1 : 0;
    }
    BOOST_TEST(ok >= 3); // each broken session fails once at most, then reconnects
    BOOST_TEST(sandbox.Log().find("with :hash") == std::string::npos); // bound values stay out
}

BOOST_AUTO_TEST_CASE(sigterm_finishes_requests_and_exits_0) {
    ManualSandbox sandbox(kpd::test::FreshDatabaseUrl("sigterm"));
    BOOST_REQUIRE(!sandbox.base.empty());
    Http http(sandbox.base);
    // Requests in flight when the signal comes are answered, not cut off.
    std::vector<std::thread> clients;
    std::vector<int> statuses(4);
    for (int i = 0; i < 4; ++i) {
        clients.emplace_back([&, i] {
            statuses[i] =
                http.Json("POST", "/v1/auth/token", {{"login", "admin"}, {"password", "demo"}})
                    .status;
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    int code = sandbox.Terminate();
    for (auto& t : clients) {
        t.join();
    }
    BOOST_TEST(code == 0);
    for (int status : statuses) {
        BOOST_TEST((status == 200 ||
                    status == 0)); // answered, or refused after the stop: never half an answer
    }
    auto log = ReadFile(sandbox.log);
    BOOST_TEST(log.find("stopping on SIGTERM") != std::string::npos);
    BOOST_TEST(log.find("stopped") != std::string::npos);
    BOOST_TEST(!http.Get("/v1/health").connected);
}

BOOST_AUTO_TEST_CASE(a_restart_keeps_the_data_and_migrates_nothing) {
    kpd::test::SandboxProcess sandbox;
    Http http(sandbox.BaseUrl());
    auto admin = http.SignIn("admin");
    auto login = FreshLogin("survivor");
    auto created = http.Json("POST", "/v1/partner/users",
                             {{"login", login},
                              {"name", "Пётр Стойкий"},
                              {"password", "pass1234"},
                              {"roles", {"viewer"}}},
                             admin);
    BOOST_REQUIRE(created.status == 201);

    sandbox.Restart();
    BOOST_TEST(sandbox.Log().find("0 migration(s) applied") != std::string::npos);
    Http after(sandbox.BaseUrl());
    BOOST_TEST(after.Get("/v1/partner", admin).status == 200); // tokens survive too
    BOOST_TEST(after.Get(created.Header("Location"), admin).json == created.json);
    BOOST_TEST(!after.SignIn(login, "pass1234").empty());

    // Seeding a database that has data does nothing.
    sandbox.Stop();
    kpd::test::SandboxOptions again;
    again.db_url = sandbox.DbUrl();
    kpd::test::SandboxProcess reseeded(again);
    BOOST_TEST(reseeded.Log().find("demo seed skipped") != std::string::npos);
    auto users = Http(reseeded.BaseUrl())
                     .Get("/v1/partner/users?limit=500", Http(reseeded.BaseUrl()).SignIn("admin"));
    int admins = 0;
    for (const auto& u : users.json.at("items")) {
        admins += u.at("login") == "admin" ? 1 : 0;
    }
    BOOST_TEST(admins == 1);
    BOOST_TEST(users.json.at("items").size() == 7u); // six demo users and the survivor
}

BOOST_AUTO_TEST_CASE(the_request_log_has_one_line_per_request_and_no_secrets) {
    kpd::test::SandboxProcess sandbox;
    Http http(sandbox.BaseUrl());
    const std::string password = "Log-Me-Not-314";
    auto admin = http.SignIn("admin");
    http.Json("POST", "/v1/partner/users",
              {{"login", FreshLogin("quiet")},
               {"name", "Тихон Тихий"},
               {"password", password},
               {"roles", {"viewer"}}},
              admin);
    http.Json("POST", "/v1/auth/token", {{"login", "viewer"}, {"password", password}});
    http.Get("/v1/partner/users?limit=2", admin);
    // httplib logs a request after its answer is sent: wait for the last line.
    std::string log;
    for (int i = 0; i < 100; ++i) {
        log = sandbox.Log();
        if (log.find("GET /v1/partner/users 200") != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    BOOST_TEST(log.find(password) == std::string::npos);
    BOOST_TEST(log.find(admin) == std::string::npos);
    BOOST_TEST(log.find("Bearer") == std::string::npos);
    BOOST_TEST(log.find("limit=2") == std::string::npos); // queries are never logged
    BOOST_TEST(std::regex_search(
        log, std::regex(R"(POST /v1/auth/token 200 \d+ms partner=1 user=admin)")));
    BOOST_TEST(std::regex_search(
        log, std::regex(R"(POST /v1/partner/users 201 \d+ms partner=1 user=admin)")));
    BOOST_TEST(std::regex_search(
        log, std::regex(R"(POST /v1/auth/token 401 \d+ms partner=1 user=viewer)")));
    BOOST_TEST(std::regex_search(log, std::regex(R"(GET /v1/partner/users 200 \d+ms)")));
}

BOOST_AUTO_TEST_SUITE_END()
