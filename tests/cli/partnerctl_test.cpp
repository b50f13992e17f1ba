// The built partnerctl against a real platform-sandbox (demo seed): exit
// codes, stdout holding only results (JSON alone with --format json), words
// on stderr, and each command's effect on the platform.
#include "run_partnerctl.h"

#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <random>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

using kpd::test::CliRun;
using kpd::test::RunPartnerctl;
using nlohmann::json;

namespace {

const char* kDemoPartner = "Продуктовая сеть «Полянка»";

kpd::test::SandboxProcess& Sandbox() {
    static auto sandbox = std::make_unique<kpd::test::SandboxProcess>();
    return *sandbox;
}

// One workspace for the suite, on the backend under test.
const std::string& Workspace() {
    static const std::string url = kpd::test::FreshDatabaseUrl("cli_workspace");
    return url;
}

// partnerctl signed in as `user` with the demo password from the environment.
CliRun As(const std::string& user, std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.end(), {"--platform", Sandbox().BaseUrl(), "--user", user, "--workspace", Workspace()});
    env.emplace("PARTNERCTL_PASSWORD", "demo");
    return RunPartnerctl(args, "", env);
}

json ParseStdout(const CliRun& run) {
    json parsed = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    BOOST_REQUIRE_MESSAGE(!parsed.is_discarded(), "stdout is not JSON:\n" + run.out + "\nstderr:\n" + run.err);
    return parsed;
}

std::string Show(const CliRun& run) {
    return "exit " + std::to_string(run.exit_code) + "\nstdout:\n" + run.out + "\nstderr:\n" + run.err;
}

std::string UniqueLogin(const std::string& stem) {
    std::random_device rd;
    return stem + "." + std::to_string(rd() % 1000000);
}

int UnusedPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// Adds a user (new password from the environment) and returns it as JSON.
json AddUser(const std::string& login, const std::vector<std::string>& roles) {
    std::vector<std::string> args = {"users", "add", "--login", login, "--name", "Анна Тестова", "--format", "json"};
    for (const auto& r : roles) {
        args.insert(args.end(), {"--role", r});
    }
    auto run = As("admin", args, {{"PARTNERCTL_NEW_PASSWORD", "secret-pass"}});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    return ParseStdout(run);
}

} // namespace

BOOST_AUTO_TEST_SUITE(partnerctl_login)

BOOST_AUTO_TEST_CASE(login_succeeds_with_exit_0) {
    auto run = As("admin", {"login"});
    BOOST_TEST(run.exit_code == 0, Show(run));
    BOOST_TEST(run.out.find("admin") != std::string::npos);
    BOOST_TEST(run.out.find("partner_admin") != std::string::npos);
    BOOST_TEST(run.out.find(kDemoPartner) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(login_json_names_the_user_and_no_token) {
    auto run = As("viewer", {"login", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    auto j = ParseStdout(run);
    BOOST_TEST(j["user"]["login"] == "viewer");
    BOOST_TEST(!j.contains("access_token"));
}

BOOST_AUTO_TEST_CASE(the_password_may_come_from_stdin) {
    auto run = RunPartnerctl({"login", "--platform", Sandbox().BaseUrl(), "--user", "admin", "--password-stdin",
                              "--workspace", Workspace()},
                             "demo\n");
    BOOST_TEST(run.exit_code == 0, Show(run));
}

BOOST_AUTO_TEST_CASE(a_wrong_password_exits_1_with_words_on_stderr_only) {
    auto run = RunPartnerctl({"login", "--platform", Sandbox().BaseUrl(), "--user", "admin", "--workspace",
                              Workspace(), "--format", "json"},
                             "", {{"PARTNERCTL_PASSWORD", "wrong"}});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.out.empty(), Show(run));
    BOOST_TEST(run.err.find("Wrong login or password (401)") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_CASE(no_password_is_a_usage_error) {
    auto run = RunPartnerctl({"login", "--platform", Sandbox().BaseUrl(), "--user", "admin"});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("PARTNERCTL_PASSWORD") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_password_option_does_not_exist) {
    auto run = RunPartnerctl({"login", "--user", "admin", "--password", "demo"});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.out.empty());
}

BOOST_AUTO_TEST_CASE(an_unreachable_platform_exits_2) {
    auto run = RunPartnerctl({"login", "--platform", "http://127.0.0.1:" + std::to_string(UnusedPort()), "--user",
                              "admin", "--workspace", Workspace()},
                             "", {{"PARTNERCTL_PASSWORD", "demo"}});
    BOOST_TEST(run.exit_code == 2, Show(run));
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err.find("Cannot reach") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(partnerctl_reads)

BOOST_AUTO_TEST_CASE(partner_show_json_has_the_partner_name) {
    auto run = As("marketing", {"partner", "show", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    auto j = ParseStdout(run);
    BOOST_TEST(j["name"] == kDemoPartner);
    BOOST_TEST(j["inn"].is_string());
}

BOOST_AUTO_TEST_CASE(users_list_as_admin) {
    auto run = As("admin", {"users", "list", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    auto j = ParseStdout(run);
    BOOST_REQUIRE(j.is_array());
    bool viewer = false;
    for (const auto& u : j) {
        viewer = viewer || u["login"] == "viewer";
        BOOST_TEST(u["login"] != "other.admin"); // another partner's users never show
    }
    BOOST_TEST(viewer);

    auto table = As("admin", {"users", "list"});
    BOOST_TEST(table.exit_code == 0);
    BOOST_TEST(table.out.rfind("ID  LOGIN", 0) == 0u, table.out);
}

BOOST_AUTO_TEST_CASE(a_viewer_listing_users_exits_1_forbidden) {
    auto run = As("viewer", {"users", "list", "--format", "json"});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err.find("(403)") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(partnerctl_changes)

BOOST_AUTO_TEST_CASE(users_add_then_list_shows_it) {
    auto login = UniqueLogin("cli.add");
    auto created = AddUser(login, {"marketing", "viewer"});
    BOOST_TEST(created["login"] == login);
    BOOST_TEST(created["roles"].size() == 2u);

    auto list = As("admin", {"users", "list", "--format", "json"});
    BOOST_REQUIRE(list.exit_code == 0);
    bool found = false;
    for (const auto& u : ParseStdout(list)) {
        found = found || u["login"] == login;
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(the_new_password_may_be_the_second_stdin_line) {
    auto login = UniqueLogin("cli.stdin");
    auto run = RunPartnerctl({"users", "add", "--login", login, "--name", "Пётр", "--role", "viewer",
                              "--platform", Sandbox().BaseUrl(), "--user", "admin", "--workspace", Workspace(),
                              "--password-stdin", "--new-password-stdin"},
                             "demo\nnew-secret\n");
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    auto signIn = RunPartnerctl({"login", "--platform", Sandbox().BaseUrl(), "--user", login, "--workspace",
                                 Workspace()},
                                "", {{"PARTNERCTL_PASSWORD", "new-secret"}});
    BOOST_TEST(signIn.exit_code == 0, Show(signIn));
}

BOOST_AUTO_TEST_CASE(a_bad_new_user_exits_1_naming_the_fields) {
    auto run = As("admin", {"users", "add", "--login", "9bad login", "--name", "X", "--role", "viewer"},
                  {{"PARTNERCTL_NEW_PASSWORD", "secret-pass"}});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("/login: ") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_CASE(set_roles_replaces_the_roles) {
    auto created = AddUser(UniqueLogin("cli.roles"), {"viewer"});
    auto id = std::to_string(created["id"].get<long long>());
    auto run = As("admin", {"users", "set-roles", id, "--role", "finance", "--role", "finance_manager",
                            "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    auto j = ParseStdout(run);
    BOOST_TEST(j["roles"] == json({"finance", "finance_manager"}));
    BOOST_TEST(j["version"].get<long long>() == created["version"].get<long long>() + 1);
}

BOOST_AUTO_TEST_CASE(set_roles_of_an_unknown_user_exits_1) {
    auto run = As("admin", {"users", "set-roles", "987654", "--role", "viewer"});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("(404)") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_CASE(disable_marks_the_user_disabled) {
    auto created = AddUser(UniqueLogin("cli.off"), {"viewer"});
    auto id = std::to_string(created["id"].get<long long>());
    auto run = As("admin", {"users", "disable", id, "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    BOOST_TEST(ParseStdout(run)["disabled"] == true);
}

BOOST_AUTO_TEST_CASE(audit_list_json_has_the_changes) {
    auto created = AddUser(UniqueLogin("cli.audit"), {"viewer"});
    auto id = std::to_string(created["id"].get<long long>());
    BOOST_REQUIRE(As("admin", {"users", "set-roles", id, "--role", "marketing"}).exit_code == 0);
    BOOST_REQUIRE(As("admin", {"users", "disable", id}).exit_code == 0);

    auto run = As("admin", {"audit", "list", "--limit", "50", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    std::set<std::string> actions;
    for (const auto& e : ParseStdout(run)) {
        if (e["object_id"] == id) {
            actions.insert(e["action"].get<std::string>());
            BOOST_TEST(e["client"].get<std::string>().find("partnerctl") != std::string::npos);
        }
    }
    BOOST_TEST(actions.count("user.create") == 1u);
    BOOST_TEST(actions.count("user.set_roles") == 1u);
    BOOST_TEST(actions.count("user.disable") == 1u);
}

// Issue 11: a wrong password sent with `User-Agent: \xff\xfe` (bytes that are
// not UTF-8) made every later audit listing fail (500, exit 2). The sandbox
// stores U+FFFD instead, and the listing works in both formats.
BOOST_AUTO_TEST_CASE(audit_list_survives_a_sign_in_whose_user_agent_is_not_utf8) {
    const std::string login = UniqueLogin("cli.agent");
    AddUser(login, {"viewer"});
    const std::string body = R"({"login": ")" + login + R"(", "password": "Not-Th3-Password"})";
    const std::string request = "POST /v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: \xff\xfe\r\n"
                                "Content-Type: application/json\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(Sandbox().DirectPort()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    BOOST_REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
        answer.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    BOOST_REQUIRE_MESSAGE(answer.rfind("HTTP/1.1 401", 0) == 0, answer);

    auto run = As("admin", {"audit", "list", "--limit", "20", "--format", "json"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    bool found = false;
    for (const auto& e : ParseStdout(run)) {
        found = found || (e["action"] == "auth.login_failed" && e["client"] == "\xEF\xBF\xBD\xEF\xBF\xBD");
    }
    BOOST_TEST(found, run.out);
    auto table = As("admin", {"audit", "list", "--limit", "20"});
    BOOST_TEST(table.exit_code == 0, Show(table));
}

BOOST_AUTO_TEST_CASE(a_platform_asking_to_wait_is_said_on_stderr_and_waited_out) {
    // One request every five seconds per token and per login: each partnerctl
    // signs in anew, so the second run's sign-in is refused 429 and sent
    // again after the Retry-After.
    kpd::test::SandboxOptions options;
    options.extra_args = {"--rate-limit", "0.2:1"};
    kpd::test::SandboxProcess limited(options);
    const std::vector<std::string> args = {"users",   "list",  "--format", "json", "--platform", limited.BaseUrl(),
                                           "--user",  "admin", "--workspace", kpd::test::FreshDatabaseUrl("cli_limited")};
    auto first = RunPartnerctl(args, "", {{"PARTNERCTL_PASSWORD", "demo"}});
    BOOST_REQUIRE_MESSAGE(first.exit_code == 0, Show(first));
    auto run = RunPartnerctl(args, "", {{"PARTNERCTL_PASSWORD", "demo"}});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    BOOST_TEST(run.err.find("the platform asks to wait ") != std::string::npos, Show(run));
    BOOST_TEST(run.err.find(" s\n") != std::string::npos, Show(run));
    BOOST_TEST(ParseStdout(run).is_array()); // stdout holds the result alone
}

BOOST_AUTO_TEST_SUITE_END()
