#pragma once
// The sandbox's own connection layer under httplib's request handling.
// httplib 0.11 serves each connection on one pool thread from accept to close,
// so a client trickling its headers or idling between keep-alive requests
// holds a worker (eight slow clients left /v1/health unanswered for a
// minute), and its read timeout restarts with every byte. Here one thread
// owns every connection in an epoll loop: it accepts, caps connections per
// client address, reads each request whole under its deadlines (headers,
// then body) without a worker, answers 100-continue, and hands the complete
// request to a worker pool. A worker runs httplib's own process_request on
// those bytes (so pre- and post-routing hooks, the error, exception and
// 100-continue handlers, the payload limit, query parsing, chunked and
// gzip bodies, content providers, gzip answers and the logger all behave as
// configured on this httplib::Server) and writes the answer, header and
// body together, on a TCP_NODELAY socket; the connection then goes back to
// the loop. Configure the httplib::Server part (handlers) before Run().
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace kpd::sandbox {

struct ConnectionLimits {
    std::chrono::milliseconds header_timeout{
        10'000};                                    // request line and headers, from the first byte
    std::chrono::milliseconds body_timeout{30'000}; // the body, from the end of the headers
    std::chrono::milliseconds idle_timeout{5'000};  // a kept-alive connection between requests
    std::chrono::milliseconds write_timeout{30'000}; // a client that stops reading its answer
    std::size_t max_per_address = 128;               // open connections of one client address
    std::size_t max_connections = 4096; // all open connections (also kept under RLIMIT_NOFILE)
    std::size_t max_requests_per_connection = 1000; // then the answer says Connection: close
    std::size_t max_head_bytes = 64 * 1024;         // request line and headers; 431 above
    int workers = 4;
};

class ConnectionServer : public httplib::Server {
  public:
    // `bodyLimit(method, path)`: the largest body the route takes, which an
    // Expect: 100-continue is answered by (413 by the 100-continue handler
    // above it). Called on the loop thread.
    using BodyLimit = std::function<std::size_t(const std::string&, const std::string&)>;
    ConnectionServer(ConnectionLimits limits, BodyLimit bodyLimit);
    ~ConnectionServer() override;

    // Listens on host:port (0: a free port); the port, or -1.
    int Bind(const std::string& host, int port);
    // Serves until Stop(): the loop runs on the calling thread. Returns true
    // after Stop(), false when the loop failed.
    bool Run();
    // Thread-safe. Stops accepting, closes connections between requests, lets
    // the requests already read finish and their answers go out (each with
    // Connection: close); Run() then returns.
    void Stop();

  private:
    struct Connection;

    void Loop();
    void Accept();
    void Refuse(int fd, int status, const char* code, const std::string& detail);
    void OnReadable(Connection& c);
    // Moves the connection's request on with the bytes read; false when it
    // was answered and closed (`c` is gone).
    bool Advance(Connection& c);
    void Dispatch(Connection& c, bool closeAfter);
    void Finish(Connection& c);
    void SweepDeadlines();
    void AnswerAndClose(Connection& c, int status, const char* code, const std::string& detail);
    void Close(Connection& c);
    void Watch(Connection& c);
    void Work();
    void Serve(Connection& c);
    void Wake();

    ConnectionLimits m_limits;
    BodyLimit m_bodyLimit;
    int m_listen = -1;
    int m_epoll = -1;
    int m_wake = -1; // eventfd: a worker finished, or Stop()
    std::atomic<bool> m_stopping{false};
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections; // loop thread only
    std::unordered_map<std::string, std::size_t> m_perAddress;          // loop thread only
    std::size_t m_busy = 0; // at workers; loop thread only
    std::uint64_t m_serial = 0;

    std::mutex m_mutex; // guards the two queues below
    std::condition_variable m_work;
    std::deque<Connection*> m_queue; // complete requests for the workers
    std::vector<Connection*> m_done; // served, back to the loop
    bool m_workersQuit = false;
    std::vector<std::thread> m_workers;
};

} // namespace kpd::sandbox
