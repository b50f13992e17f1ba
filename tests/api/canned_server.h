#pragma once
// A tiny HTTP/1.1 server on a loopback port for client tests: it answers each
// connection with the next canned reply (the last one repeats), records what
// it was sent, and can also drop connections or stay silent. One request per
// connection ("Connection: close"), so the number of requests is the number
// of attempts the client made.
//
// Thread affinity: construct and read from the test thread; it serves on its own.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kpd::test {

struct CannedReply {
    enum class Mode { Answer, Drop, Silent };
    Mode mode = Mode::Answer;
    int status = 200;
    std::string body = "{}";
    std::vector<std::string> headers; // "Name: value"

    static CannedReply Json(int status, std::string body, std::vector<std::string> headers = {});
    static CannedReply Drop();   // close the connection without answering
    static CannedReply Silent(); // read the request and never answer
};

struct RecordedRequest {
    std::string head; // request line and headers
    std::string body;
    std::string Header(const std::string& name) const; // case-insensitive, "" when absent
};

class CannedServer {
  public:
    explicit CannedServer(std::vector<CannedReply> replies);
    ~CannedServer();
    CannedServer(const CannedServer&) = delete;
    CannedServer& operator=(const CannedServer&) = delete;

    std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::vector<RecordedRequest> Requests() const;

  private:
    void Serve();

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::vector<CannedReply> m_replies;
    mutable std::mutex m_mutex;
    std::vector<RecordedRequest> m_requests;
    std::vector<int> m_silentSockets;
    std::thread m_thread;
};

// A TCP port on 127.0.0.1 that nobody listens on (bound, then closed).
int UnusedLoopbackPort();

} // namespace kpd::test
