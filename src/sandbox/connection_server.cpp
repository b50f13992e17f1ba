#include "sandbox/connection_server.h"

#include "sandbox/http_util.h"
#include "sandbox/request_framing.h"
#include "sandbox/request_log.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <string_view>

namespace kpd::sandbox {

namespace {
using Clock = std::chrono::steady_clock;

constexpr std::size_t kFlushAt = 16 * 1024; // answer bytes gathered before they go out
constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

enum class Phase {
    Head,    // reading the request line and headers
    Body,    // reading a body of known length
    Chunked, // reading a chunked body
    Discard, // reading a body over the payload limit, to answer 413 after it
    Busy,    // at a worker
    Idle,    // kept alive between requests
};

std::string AddressText(const sockaddr_storage& addr, int& port) {
    char text[INET6_ADDRSTRLEN] = {0};
    port = -1;
    if (addr.ss_family == AF_INET) {
        sockaddr_in in{};
        std::memcpy(&in, &addr, sizeof in);
        ::inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
        port = ntohs(in.sin_port);
    } else if (addr.ss_family == AF_INET6) {
        sockaddr_in6 in6{};
        std::memcpy(&in6, &addr, sizeof in6);
        ::inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
        port = ntohs(in6.sin6_port);
    }
    return text;
}

// Sends every byte of the pieces, waiting up to `timeout` each time the
// socket's buffer is full. MSG_NOSIGNAL: a vanished client is an error
// here, not a SIGPIPE.
bool SendAll(int fd, std::vector<std::string_view> pieces, std::chrono::milliseconds timeout) {
    std::size_t first = 0;
    while (first < pieces.size()) {
        iovec iov[4];
        std::size_t count = 0;
        for (std::size_t i = first; i < pieces.size() && count < 4; ++i) {
            iov[count].iov_base = const_cast<char*>(pieces[i].data());
            iov[count].iov_len = pieces[i].size();
            ++count;
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = count;
        ssize_t sent = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                return false;
            }
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) {
                return false;
            }
            continue;
        }
        auto left = static_cast<std::size_t>(sent);
        while (first < pieces.size() && left >= pieces[first].size()) {
            left -= pieces[first].size();
            ++first;
        }
        if (first < pieces.size()) {
            pieces[first].remove_prefix(left);
        }
    }
    return true;
}

// An answer the loop gives itself (408, 413, 431, 503), with Connection: close.
std::string Serialize(const httplib::Response& res) {
    std::string out =
        "HTTP/1.1 " + std::to_string(res.status) + " " + contract::StatusTitle(res.status) + "\r\n";
    for (const auto& [name, value] : res.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n";
    return out + res.body;
}

// Reads and drops what the client sent and was not read: closing a socket
// with unread bytes sends a reset, which can cost the client the answer.
void DropUnread(int fd) {
    char buffer[4096];
    while (::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
    }
}

std::size_t DescriptorBudget(std::size_t wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return wanted;
    }
    // Room for the database sessions, log and listening socket.
    const auto cur = static_cast<std::size_t>(limit.rlim_cur);
    return std::min(wanted, cur > 128 ? cur - 64 : cur / 2);
}
} // namespace

struct ConnectionServer::Connection {
    int fd = -1;
    std::uint64_t serial = 0;
    std::string remote_addr;
    int remote_port = -1;
    std::string local_addr;
    int local_port = -1;

    std::string in; // bytes read and not yet served
    Phase phase = Phase::Head;
    Clock::time_point deadline;
    RequestHead head;
    ChunkScan chunks;
    std::uint64_t discard_left = 0;
    std::size_t request_end = 0; // the request a worker serves is in[0, request_end)
    std::size_t served = 0;
    bool peer_closed = false;
    bool close_after = false;
    bool keep = false; // set by the worker: the connection may serve another request
};

namespace {
// The bytes of one complete request as httplib's Stream, and the answer
// gathered so that its header and body leave in one send.
class RequestStream final : public httplib::Stream {
  public:
    RequestStream(int fd, std::string_view request, const std::string& remoteAddr, int remotePort,
                  const std::string& localAddr, int localPort, std::chrono::milliseconds timeout)
        : m_fd(fd), m_request(request), m_remoteAddr(remoteAddr), m_remotePort(remotePort),
          m_localAddr(localAddr), m_localPort(localPort), m_timeout(timeout) {}

    bool is_readable() const override { return m_read < m_request.size(); }
    bool is_writable() const override { return !m_failed; }
    ssize_t read(char* ptr, size_t size) override {
        const std::size_t n = std::min(size, m_request.size() - m_read);
        std::memcpy(ptr, m_request.data() + m_read, n);
        m_read += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        if (m_failed) {
            return -1;
        }
        if (m_out.size() + size < kFlushAt) {
            m_out.append(ptr, size);
            return static_cast<ssize_t>(size);
        }
        if (!SendAll(m_fd, {m_out, std::string_view(ptr, size)}, m_timeout)) {
            m_failed = true;
            return -1;
        }
        m_out.clear();
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = m_remoteAddr;
        port = m_remotePort;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = m_localAddr;
        port = m_localPort;
    }
    socket_t socket() const override { return m_fd; }

    bool Flush() {
        if (!m_failed && !m_out.empty()) {
            m_failed = !SendAll(m_fd, {m_out}, m_timeout);
            m_out.clear();
        }
        return !m_failed;
    }

  private:
    int m_fd;
    std::string_view m_request;
    std::size_t m_read = 0;
    const std::string& m_remoteAddr;
    int m_remotePort;
    const std::string& m_localAddr;
    int m_localPort;
    std::chrono::milliseconds m_timeout;
    std::string m_out;
    bool m_failed = false;
};
} // namespace

ConnectionServer::ConnectionServer(ConnectionLimits limits, BodyLimit bodyLimit)
    : m_limits(limits), m_bodyLimit(std::move(bodyLimit)) {
    m_limits.max_connections = DescriptorBudget(m_limits.max_connections);
    m_limits.workers = std::max(1, m_limits.workers);
    m_limits.max_requests_per_connection =
        std::max<std::size_t>(1, m_limits.max_requests_per_connection);
    // What httplib writes in each answer's Keep-Alive header.
    keep_alive_max_count_ = m_limits.max_requests_per_connection;
    keep_alive_timeout_sec_ =
        std::chrono::duration_cast<std::chrono::seconds>(m_limits.idle_timeout).count();
}

ConnectionServer::~ConnectionServer() {
    for (auto& [fd, c] : m_connections) {
        ::close(fd);
    }
    for (int fd : {m_listen, m_epoll, m_wake}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
}

int ConnectionServer::Bind(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) {
        return -1;
    }
    for (addrinfo* a = found; a != nullptr && m_listen < 0; a = a->ai_next) {
        int fd =
            ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            continue;
        }
        int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        // A test opening many connections at once must not lose SYNs to a short backlog.
        if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0) {
            m_listen = fd;
        } else {
            ::close(fd);
        }
    }
    ::freeaddrinfo(found);
    if (m_listen < 0) {
        return -1;
    }
    sockaddr_storage local{};
    socklen_t len = sizeof local;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&local), &len);
    int bound = -1;
    AddressText(local, bound);
    return bound;
}

bool ConnectionServer::Run() {
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_listen < 0 || m_epoll < 0 || m_wake < 0) {
        return false;
    }
    for (int fd : {m_listen, m_wake}) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    }
    for (int i = 0; i < m_limits.workers; ++i) {
        m_workers.emplace_back([this] { Work(); });
    }
    Loop();
    {
        std::lock_guard lock(m_mutex);
        m_workersQuit = true;
    }
    m_work.notify_all();
    for (auto& t : m_workers) {
        t.join();
    }
    m_workers.clear();
    return m_stopping;
}

void ConnectionServer::Stop() {
    m_stopping = true;
    Wake();
}

void ConnectionServer::Wake() {
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(m_wake, &one, sizeof one);
}

void ConnectionServer::Loop() {
    bool draining = false;
    auto nextSweep = Clock::now();
    epoll_event events[128];
    while (true) {
        if (m_stopping && !draining) {
            // No new connections; connections between requests or halfway
            // through one close now; requests at the workers finish.
            draining = true;
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_listen, nullptr);
            ::close(m_listen);
            m_listen = -1;
            std::vector<Connection*> waiting;
            for (auto& [fd, c] : m_connections) {
                if (c->phase != Phase::Busy) {
                    waiting.push_back(c.get());
                }
            }
            for (Connection* c : waiting) {
                Close(*c);
            }
        }
        if (draining && m_busy == 0) {
            return;
        }
        const int n = ::epoll_wait(m_epoll, events, 128, 100);
        if (n < 0 && errno != EINTR) {
            LogError(std::string("epoll_wait failed: ") + std::strerror(errno));
            return;
        }
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_listen) {
                Accept();
            } else if (fd == m_wake) {
                std::uint64_t count = 0;
                [[maybe_unused]] auto r = ::read(m_wake, &count, sizeof count);
                std::vector<Connection*> done;
                {
                    std::lock_guard lock(m_mutex);
                    done.swap(m_done);
                }
                for (Connection* c : done) {
                    Finish(*c);
                }
            } else if (auto it = m_connections.find(fd); it != m_connections.end()) {
                OnReadable(*it->second);
            }
        }
        if (Clock::now() >= nextSweep) {
            SweepDeadlines();
            nextSweep = Clock::now() + std::chrono::milliseconds(100);
        }
    }
}

void ConnectionServer::Accept() {
    while (true) {
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        const int fd = ::accept4(m_listen, reinterpret_cast<sockaddr*>(&peer), &len,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                // Out of descriptors: the waiting ones stay queued until some close.
                LogError(std::string("accept failed: ") + std::strerror(errno));
            }
            return;
        }
        auto c = std::make_unique<Connection>();
        c->fd = fd;
        c->serial = ++m_serial;
        c->remote_addr = AddressText(peer, c->remote_port);
        sockaddr_storage local{};
        len = sizeof local;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len);
        c->local_addr = AddressText(local, c->local_port);
        if (m_connections.size() >= m_limits.max_connections) {
            Refuse(fd, 503, "too_many_connections",
                   "the sandbox has too many open connections; retry shortly");
            continue;
        }
        if (m_perAddress[c->remote_addr] >= m_limits.max_per_address) {
            Refuse(fd, 503, "too_many_connections",
                   "this address has " + std::to_string(m_limits.max_per_address) +
                       " connections open, the most one client may; reuse them or retry shortly");
            continue;
        }
        // The answer goes out in one send; without this the next request on
        // the connection would wait for the client's delayed ACK.
        int yes = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        ++m_perAddress[c->remote_addr];
        c->deadline = Clock::now() + m_limits.header_timeout;
        Connection& ref = *c;
        m_connections.emplace(fd, std::move(c));
        Watch(ref);
    }
}

void ConnectionServer::Refuse(int fd, int status, const char* code, const std::string& detail) {
    httplib::Response res;
    res.set_header("Retry-After", "1");
    SendProblem(res, status, code, detail);
    const std::string answer = Serialize(res);
    DropUnread(fd);
    [[maybe_unused]] auto sent =
        ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    DropUnread(fd);
    ::close(fd);
}

void ConnectionServer::Watch(Connection& c) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = c.fd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
}

void ConnectionServer::OnReadable(Connection& c) {
    if (c.phase == Phase::Busy) {
        return;
    }
    char buffer[16 * 1024];
    while (true) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            c.in.append(buffer, static_cast<std::size_t>(n));
            if (!Advance(c)) {
                return; // answered and closed
            }
            if (c.phase == Phase::Busy) {
                return; // the rest waits until the answer is out
            }
            continue;
        }
        if (n == 0) {
            c.peer_closed = true;
            break;
        }
        if (errno == EINTR) {
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        }
        Close(c);
        return;
    }
    // The client has sent all it will: a request still incomplete never completes.
    Close(c);
}

bool ConnectionServer::Advance(Connection& c) {
    const auto now = Clock::now();
    if (c.phase == Phase::Idle) {
        if (c.in.empty()) {
            return true;
        }
        c.phase = Phase::Head;
        c.deadline = now + m_limits.header_timeout;
    }
    if (c.phase == Phase::Head) {
        auto head = ParseRequestHead(c.in);
        if (!head || head->header_end > m_limits.max_head_bytes) {
            if (c.in.size() > m_limits.max_head_bytes) {
                AnswerAndClose(c, 431, "header_too_large",
                               "the request line and headers are larger than " +
                                   std::to_string(m_limits.max_head_bytes) + " bytes");
                return false;
            }
            return true;
        }
        c.head = std::move(*head);
        c.chunks = {};
        if (c.head.malformed) {
            c.request_end = c.head.header_end;
            Dispatch(c, true); // httplib says what is wrong; the next request's start is unknown
            return true;
        }
        const std::size_t arrived = c.in.size() - c.head.header_end;
        if (c.head.expect_continue) {
            const bool waiting = c.head.chunked || arrived < c.head.content_length;
            if (waiting && !c.head.chunked &&
                c.head.content_length > m_bodyLimit(c.head.method, c.head.path)) {
                // The 100-continue handler answers 413 before the body is sent.
                c.request_end = c.head.header_end;
                Dispatch(c, true);
                return true;
            }
            // Answered here; httplib then sees a request without Expect.
            c.in.erase(c.head.expect_line, c.head.expect_line_end - c.head.expect_line);
            c.head.header_end -= c.head.expect_line_end - c.head.expect_line;
            if (waiting) {
                [[maybe_unused]] auto sent =
                    ::send(c.fd, kContinue, sizeof kContinue - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            }
        }
        c.deadline = now + m_limits.body_timeout;
        if (c.head.chunked) {
            c.phase = Phase::Chunked;
        } else if (c.head.content_length > payload_max_length_) {
            c.phase = Phase::Discard;
            c.discard_left = c.head.content_length;
        } else {
            c.phase = Phase::Body;
        }
    }
    const std::size_t arrived = c.in.size() - c.head.header_end;
    switch (c.phase) {
    case Phase::Body:
        if (arrived >= c.head.content_length) {
            c.request_end = c.head.header_end + c.head.content_length;
            Dispatch(c, false);
        }
        return true;
    case Phase::Chunked: {
        const auto state =
            ScanChunkedBody(std::string_view(c.in).substr(c.head.header_end), c.chunks);
        if (state == ChunkState::Complete) {
            c.request_end = c.head.header_end + c.chunks.offset;
            Dispatch(c, false);
            return true;
        }
        if (state == ChunkState::Malformed) {
            AnswerAndClose(c, 400, "bad_request", "the chunked body could not be read");
            return false;
        }
        // Chunk lines cost bytes too: bound what is held, not only what it decodes to.
        if (c.chunks.body_bytes > payload_max_length_ ||
            arrived > 2 * payload_max_length_ + 65536) {
            AnswerAndClose(c, 413, "payload_too_large",
                           "the request body is larger than " +
                               std::to_string(payload_max_length_) + " bytes");
            return false;
        }
        return true;
    }
    case Phase::Discard: {
        const auto take =
            static_cast<std::size_t>(std::min<std::uint64_t>(arrived, c.discard_left));
        c.discard_left -= take;
        c.in.resize(c.head.header_end);
        if (c.discard_left == 0) {
            // httplib answers 413 for the length; what follows is not framed.
            c.request_end = c.head.header_end;
            Dispatch(c, true);
        }
        return true;
    }
    default:
        return true;
    }
}

void ConnectionServer::Dispatch(Connection& c, bool closeAfter) {
    c.close_after =
        closeAfter || c.peer_closed || c.served + 1 >= m_limits.max_requests_per_connection;
    c.phase = Phase::Busy;
    // Out of the epoll set while a worker has it: nothing to read until the
    // answer is out, and a hang-up is seen when the answer's write fails.
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    ++m_busy;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(&c);
    }
    m_work.notify_one();
}

void ConnectionServer::Work() {
    while (true) {
        Connection* c = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock, [this] { return m_workersQuit || !m_queue.empty(); });
            if (m_queue.empty()) {
                return;
            }
            c = m_queue.front();
            m_queue.pop_front();
        }
        Serve(*c);
        {
            std::lock_guard lock(m_mutex);
            m_done.push_back(c);
        }
        Wake();
    }
}

void ConnectionServer::Serve(Connection& c) {
    const bool closeAfter = c.close_after || m_stopping;
    RequestStream stream(c.fd, std::string_view(c.in).substr(0, c.request_end), c.remote_addr,
                         c.remote_port, c.local_addr, c.local_port, m_limits.write_timeout);
    NoteConnection(c.serial);
    bool closed = false;
    bool ok = false;
    try {
        ok = process_request(stream, closeAfter, closed, nullptr);
    } catch (const std::exception& e) {
        // httplib catches what routing throws; anything else is ours to log.
        LogError(std::string("serving a request failed: ") + e.what());
    }
    ok = stream.Flush() && ok;
    NoteConnection(0);
    c.keep = ok && !closed && !closeAfter;
}

void ConnectionServer::Finish(Connection& c) {
    --m_busy;
    if (!c.keep || m_stopping) {
        Close(c);
        return;
    }
    c.in.erase(0, c.request_end);
    c.request_end = 0;
    ++c.served;
    c.phase = Phase::Idle;
    c.deadline = Clock::now() + m_limits.idle_timeout;
    Watch(c);
    Advance(c); // a pipelined request may be here already
}

void ConnectionServer::SweepDeadlines() {
    const auto now = Clock::now();
    std::vector<Connection*> late;
    for (auto& [fd, c] : m_connections) {
        if (c->phase != Phase::Busy && now >= c->deadline) {
            late.push_back(c.get());
        }
    }
    for (Connection* c : late) {
        if (c->phase == Phase::Idle || (c->phase == Phase::Head && c->in.empty())) {
            Close(*c);
        } else {
            const auto seconds = [](std::chrono::milliseconds ms) {
                return std::to_string((ms.count() + 999) / 1000);
            };
            AnswerAndClose(*c, 408, "request_timeout",
                           "the request did not arrive in time: its headers are due within " +
                               seconds(m_limits.header_timeout) + " s, its body within " +
                               seconds(m_limits.body_timeout) + " s after them");
        }
    }
}

void ConnectionServer::AnswerAndClose(Connection& c, int status, const char* code,
                                      const std::string& detail) {
    httplib::Request req;
    req.method = c.head.method.empty() ? "-" : c.head.method;
    req.path = c.head.path;
    req.remote_addr = c.remote_addr;
    httplib::Response res;
    SendProblem(res, status, code, detail);
    BeginRequest();
    NoteConnection(c.serial);
    LogRequest(req, res);
    NoteConnection(0);
    const std::string answer = Serialize(res);
    DropUnread(c.fd);
    [[maybe_unused]] auto sent =
        ::send(c.fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(c.fd, SHUT_WR);
    DropUnread(c.fd);
    Close(c);
}

void ConnectionServer::Close(Connection& c) {
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    if (auto it = m_perAddress.find(c.remote_addr); it != m_perAddress.end() && --it->second == 0) {
        m_perAddress.erase(it);
    }
    const int fd = c.fd;
    m_connections.erase(fd); // destroys c
}

} // namespace kpd::sandbox
