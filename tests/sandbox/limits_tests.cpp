// Bad input and injected faults: malformed JSON, huge bodies, wrong media
// types, unknown routes and methods, dropped connections. These requests
// break the OpenAPI document on purpose, so they go straight to the sandbox.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
// Sends raw bytes and reads until the server closes or `wait` passes.
std::string RawExchange(int port, const std::string& request, std::chrono::seconds wait) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return "";
    }
    timeval tv{static_cast<time_t>(wait.count()), 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string answer;
    char buf[4096];
    for (;;) {
        auto n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        answer.append(buf, static_cast<std::size_t>(n));
        if (answer.find("\r\n\r\n") != std::string::npos && answer.find("}") != std::string::npos) {
            break;
        }
    }
    ::close(fd);
    return answer;
}
} // namespace

BOOST_AUTO_TEST_SUITE(limits, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(malformed_json_is_400_naming_offset_line_and_column) {
    // The error is the unquoted value on line 2; the password must not be echoed.
    std::string body = "{\"login\": \"admin\",\n  \"password\": hunter2secret}";
    auto reply =
        Direct().Send("POST", "/v1/auth/token", body, {{"Content-Type", "application/json"}});
    BOOST_TEST(reply.status == 400);
    BOOST_TEST(reply.Code() == "malformed_json");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(reply.json.at("offset") == body.find("hunter2"));
    BOOST_TEST(reply.json.at("line") == 2);
    BOOST_TEST(reply.json.at("column") == 15);
    auto detail = reply.json.at("detail").get<std::string>();
    BOOST_TEST(detail.find("byte offset 33") != std::string::npos);
    BOOST_TEST(detail.find("line 2, column 15") != std::string::npos);
    BOOST_TEST(reply.body.find("hunter2") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_body_over_one_mib_is_413_problem_json) {
    auto token = Api().SignIn("admin");
    std::string huge = "{\"login\":\"" + std::string(1024 * 1024 + 10, 'a') + "\"}";
    auto reply =
        Direct().Send("POST", "/v1/partner/users", huge,
                      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
    BOOST_TEST(reply.status == 413);
    BOOST_TEST(reply.Code() == "payload_too_large");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
}

BOOST_AUTO_TEST_CASE(a_client_announcing_a_huge_body_hears_413_before_sending_it) {
    auto started = std::chrono::steady_clock::now();
    auto answer = RawExchange(
        Sandbox().DirectPort(),
        "POST /v1/partner/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n",
        std::chrono::seconds(10));
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0, answer);
    BOOST_TEST(answer.find("application/problem+json") != std::string::npos);
    BOOST_TEST(answer.find("payload_too_large") != std::string::npos);
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(3)));
}

BOOST_AUTO_TEST_CASE(a_json_route_wants_application_json) {
    auto reply = Direct().Send("POST", "/v1/auth/token", "login=admin&password=demo",
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
    BOOST_TEST(reply.status == 415);
    BOOST_TEST(reply.Code() == "unsupported_media_type");
    auto charset = Direct().Send("POST", "/v1/auth/token", R"({"login":"admin","password":"demo"})",
                                 {{"Content-Type", "application/json; charset=utf-8"}});
    BOOST_TEST(charset.status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_routes_are_404_and_wrong_methods_405) {
    auto unknown = Direct().Get("/v1/no-such-thing");
    BOOST_TEST(unknown.status == 404);
    BOOST_TEST(unknown.Code() == "not_found");
    BOOST_TEST(unknown.Header("Content-Type") == "application/problem+json");
    auto method = Direct().Send("DELETE", "/v1/partner");
    BOOST_TEST(method.status == 405);
    BOOST_TEST(method.Code() == "method_not_allowed");
    BOOST_TEST(method.Header("Allow") == "GET");
}

BOOST_AUTO_TEST_CASE(a_drop_fault_closes_the_connection_unanswered_then_heals) {
    auto armed = Direct().Json("POST", "/v1/sandbox/faults",
                               {{"path", "/v1/health"}, {"kind", "drop"}, {"count", 2}});
    BOOST_TEST(armed.status == 200);
    BOOST_TEST(!Direct().Get("/v1/health").connected);
    BOOST_TEST(!Direct().Get("/v1/health").connected);
    auto healed = Direct().Get("/v1/health");
    BOOST_TEST(healed.status == 200);
    BOOST_TEST(healed.json.at("status") == "ok");
}

BOOST_AUTO_TEST_CASE(a_status_fault_answers_503_with_retry_after) {
    Direct().Json("POST", "/v1/sandbox/faults",
                  {{"path", "/v1/partner"}, {"kind", "status"}, {"status", 503}, {"count", 1}});
    auto token = Api().SignIn("viewer");
    auto failed = Direct().Get("/v1/partner", token);
    BOOST_TEST(failed.status == 503);
    BOOST_TEST(failed.Code() == "injected_fault");
    BOOST_TEST(failed.Header("Retry-After") == "0");
    BOOST_TEST(Direct().Get("/v1/partner", token).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
