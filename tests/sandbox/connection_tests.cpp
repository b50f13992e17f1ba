// Slow and many clients (issue 11, item 6, and the sandbox's speed): a
// connection trickling its headers or body is answered 408 at its deadline,
// connections idling or trickling hold no worker so /v1/health still
// answers, one address may hold only so many connections, and a kept-alive
// connection serves far more than httplib's five requests. Each case starts
// its own sandbox with short deadlines (--header-timeout and friends), so the
// cases stay fast; they talk raw HTTP over sockets, never through Prism.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>
#include <vector>

using namespace kpd::sandbox_test;
using namespace std::chrono_literals;

namespace {
// A loopback TCP connection with a receive timeout (closed on destruction).
class Socket {
  public:
    explicit Socket(int port, std::chrono::seconds wait = 5s) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(m_fd);
            m_fd = -1;
            return;
        }
        timeval tv{static_cast<time_t>(wait.count()), 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~Socket() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    Socket(Socket&& other) noexcept : m_fd(other.m_fd), m_in(std::move(other.m_in)) {
        other.m_fd = -1;
    }

    bool Connected() const { return m_fd >= 0; }
    bool Send(const std::string& bytes) {
        return m_fd >= 0 && ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                                static_cast<ssize_t>(bytes.size());
    }
    // Bytes waiting now, without blocking: "" when none; sets `closed` at EOF or reset.
    std::string Poll(bool& closed) {
        closed = false;
        std::string got;
        char buf[4096];
        while (m_fd >= 0) {
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                got.append(buf, static_cast<std::size_t>(n));
                continue;
            }
            closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
            break;
        }
        m_in += got;
        return got;
    }
    // One whole answer (head and Content-Length body); "" when none came in time.
    std::string ReadAnswer() {
        char buf[4096];
        while (true) {
            const std::size_t head = m_in.find("\r\n\r\n");
            if (head != std::string::npos) {
                std::smatch m;
                const std::string headText = m_in.substr(0, head);
                std::size_t length = 0;
                if (std::regex_search(headText, m,
                                      std::regex("Content-Length: (\\d+)", std::regex::icase))) {
                    length = std::stoul(m[1].str());
                }
                if (m_in.size() >= head + 4 + length) {
                    std::string answer = m_in.substr(0, head + 4 + length);
                    m_in.erase(0, head + 4 + length);
                    return answer;
                }
            }
            const ssize_t n = m_fd < 0 ? -1 : ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) {
                return "";
            }
            m_in.append(buf, static_cast<std::size_t>(n));
        }
    }
    const std::string& Received() const { return m_in; }

  private:
    int m_fd = -1;
    std::string m_in;
};

const std::string kHealth = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

kpd::test::SandboxOptions Quick(std::vector<std::string> args) {
    kpd::test::SandboxOptions options;
    options.seed_demo = false; // /v1/health and sign-in-free routes only
    options.allow_prism = false;
    options.extra_args = std::move(args);
    return options;
}

bool AnswersHealth(int port) {
    Socket s(port, 5s);
    return s.Send(kHealth) && s.ReadAnswer().rfind("HTTP/1.1 200", 0) == 0;
}
} // namespace

BOOST_AUTO_TEST_SUITE(connections)

BOOST_AUTO_TEST_CASE(
    slowloris_connections_leave_health_answering_and_are_closed_at_their_deadline) {
    kpd::test::SandboxProcess sandbox(Quick({"--header-timeout", "2", "--threads", "2"}));
    const int port = sandbox.DirectPort();
    std::vector<Socket> slow;
    for (int i = 0; i < 64; ++i) {
        slow.emplace_back(port);
        BOOST_REQUIRE(slow.back().Connected());
        BOOST_REQUIRE(slow.back().Send("GET /v1/partner HTTP/1.1\r\n"));
    }
    bool healthChecked = false;
    std::size_t timedOut = 0;
    // One header line every 200 ms each: never a whole head. Bounded: the
    // loop ends after 40 rounds (8 s, four times the deadline) in any case.
    for (int round = 0; round < 40 && timedOut < slow.size(); ++round) {
        timedOut = 0;
        for (auto& s : slow) {
            bool closed = false;
            s.Poll(closed);
            if (closed || s.Received().rfind("HTTP/1.1 408", 0) == 0) {
                ++timedOut;
            } else {
                s.Send("X-Slow-" + std::to_string(round) + ": 1\r\n");
            }
        }
        if (round == 2) {
            BOOST_TEST(AnswersHealth(port)); // while all 64 are open and trickling
            healthChecked = true;
        }
        std::this_thread::sleep_for(200ms);
    }
    BOOST_TEST(healthChecked);
    BOOST_TEST(timedOut == slow.size());
    for (auto& s : slow) {
        BOOST_TEST(s.Received().rfind("HTTP/1.1 408", 0) == 0, s.Received());
        BOOST_TEST(s.Received().find("request_timeout") != std::string::npos);
    }
    BOOST_TEST(AnswersHealth(port));
}

BOOST_AUTO_TEST_CASE(a_body_trickled_past_its_deadline_is_408) {
    kpd::test::SandboxProcess sandbox(Quick({"--body-timeout", "2"}));
    Socket s(sandbox.DirectPort());
    BOOST_REQUIRE(s.Send("POST /v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"));
    bool closed = false;
    for (int i = 0; i < 40 && !closed && s.Received().empty(); ++i) { // at most 8 s
        std::this_thread::sleep_for(200ms);
        s.Send(" ");
        s.Poll(closed);
    }
    BOOST_TEST(s.Received().rfind("HTTP/1.1 408", 0) == 0, s.Received());
    BOOST_TEST(s.Received().find("Connection: close") != std::string::npos);
    BOOST_TEST(sandbox.Log().find("POST /v1/auth/token 408") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(idle_kept_alive_connections_hold_no_worker) {
    // httplib gave each of these a worker until its keep-alive timeout.
    kpd::test::SandboxProcess sandbox(Quick({"--threads", "2", "--idle-timeout", "60"}));
    const int port = sandbox.DirectPort();
    std::vector<Socket> idle;
    for (int i = 0; i < 64; ++i) {
        idle.emplace_back(port);
        BOOST_REQUIRE(idle.back().Send(kHealth));
        BOOST_REQUIRE(idle.back().ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
    }
    BOOST_TEST(AnswersHealth(port));
    // And each idle one is still alive for its next request.
    BOOST_TEST(idle.front().Send(kHealth));
    BOOST_TEST(idle.front().ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
}

BOOST_AUTO_TEST_CASE(one_connection_serves_hundreds_of_requests_pipelined_or_not) {
    kpd::test::SandboxProcess sandbox(Quick({}));
    Socket s(sandbox.DirectPort());
    for (int i = 0; i < 150; ++i) {
        BOOST_REQUIRE(s.Send(kHealth));
        const std::string answer = s.ReadAnswer();
        BOOST_REQUIRE_MESSAGE(answer.rfind("HTTP/1.1 200", 0) == 0,
                              "request " << i << ": " << answer);
        BOOST_REQUIRE(answer.find("Connection: close") == std::string::npos);
    }
    // Three at once in one write: three answers in order.
    BOOST_REQUIRE(s.Send(kHealth + "GET /v1/no-such HTTP/1.1\r\nHost: x\r\n\r\n" + kHealth));
    BOOST_TEST(s.ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
    BOOST_TEST(s.ReadAnswer().rfind("HTTP/1.1 404", 0) == 0);
    BOOST_TEST(s.ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
    // Every one of them on the same connection, by the request log.
    std::set<std::string> connections;
    const std::string log = sandbox.Log();
    std::regex line(R"(GET /v1/[a-z-]+ (200|404) \d+ms conn=(\d+))");
    for (auto it = std::sregex_iterator(log.begin(), log.end(), line); it != std::sregex_iterator();
         ++it) {
        connections.insert((*it)[2].str());
    }
    BOOST_TEST(connections.size() == 1u);
}

BOOST_AUTO_TEST_CASE(one_address_holds_at_most_its_cap_of_connections) {
    kpd::test::SandboxProcess sandbox(Quick({"--max-connections-per-address", "4"}));
    const int port = sandbox.DirectPort();
    std::vector<Socket> held;
    for (int i = 0; i < 4; ++i) {
        held.emplace_back(port);
        BOOST_REQUIRE(held.back().Send(kHealth));
        BOOST_REQUIRE(held.back().ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
    }
    Socket extra(port);
    const std::string refused = extra.ReadAnswer();
    BOOST_TEST(refused.rfind("HTTP/1.1 503", 0) == 0, refused);
    BOOST_TEST(refused.find("too_many_connections") != std::string::npos);
    bool closed = false;
    for (int i = 0; i < 25 && !closed; ++i) {
        extra.Poll(closed);
        std::this_thread::sleep_for(200ms);
    }
    BOOST_TEST(closed);
    // The held ones still work, and a freed place is taken again.
    BOOST_TEST(held.back().Send(kHealth));
    BOOST_TEST(held.back().ReadAnswer().rfind("HTTP/1.1 200", 0) == 0);
    held.pop_back();
    bool answered = false;
    for (int i = 0; i < 25 && !answered; ++i) { // the close reaches the loop soon after
        answered = AnswersHealth(port);
        if (!answered)
            std::this_thread::sleep_for(200ms);
    }
    BOOST_TEST(answered);
}

BOOST_AUTO_TEST_CASE(chunked_bodies_and_100_continue_are_read) {
    kpd::test::SandboxProcess sandbox(Quick({}));
    Socket chunked(sandbox.DirectPort());
    // An empty object in two chunks: the route reads it (and refuses its content).
    BOOST_REQUIRE(
        chunked.Send("POST /v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1;ext=1\r\n}\r\n0\r\n\r\n"));
    const std::string answer = chunked.ReadAnswer();
    BOOST_TEST(answer.rfind("HTTP/1.1 4", 0) == 0, answer);
    BOOST_TEST(answer.find("malformed_json") == std::string::npos,
               answer); // the body arrived whole

    Socket asking(sandbox.DirectPort());
    const std::string body = "{}";
    BOOST_REQUIRE(
        asking.Send("POST /v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n"));
    std::string first;
    for (int i = 0; i < 50 && first.empty(); ++i) {
        bool closed = false;
        first = asking.Poll(closed);
        if (first.empty())
            std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(first.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0) == 0, first);
    BOOST_REQUIRE(asking.Send(body));
    std::string final;
    do {
        final = asking.ReadAnswer();
    } while (final.rfind("HTTP/1.1 100", 0) == 0);
    BOOST_TEST(final.rfind("HTTP/1.1 4", 0) == 0, final);
    BOOST_TEST(final.find("malformed_json") == std::string::npos, final);
}

BOOST_AUTO_TEST_SUITE_END()
