#include "canned_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace kpd::test {

namespace {

int ListenOnLoopback(int& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error("socket failed");
    }
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 16) != 0) {
        ::close(fd);
        throw std::runtime_error("bind/listen failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Reads the head and a Content-Length body; gives up after 5 s of silence.
RecordedRequest ReadRequest(int fd) {
    RecordedRequest request;
    std::string data;
    char buf[4096];
    std::size_t headEnd = std::string::npos;
    std::size_t want = 0;
    while (true) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) {
            break;
        }
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        data.append(buf, static_cast<std::size_t>(n));
        if (headEnd == std::string::npos) {
            headEnd = data.find("\r\n\r\n");
            if (headEnd != std::string::npos) {
                request.head = data.substr(0, headEnd);
                auto length = request.Header("content-length");
                want = length.empty() ? 0 : std::stoul(length);
            }
        }
        if (headEnd != std::string::npos && data.size() >= headEnd + 4 + want) {
            break;
        }
    }
    if (headEnd != std::string::npos) {
        request.body = data.substr(headEnd + 4);
    }
    return request;
}

void SendAll(int fd, const std::string& text) {
    std::size_t sent = 0;
    while (sent < text.size()) {
        ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return;
        }
        sent += static_cast<std::size_t>(n);
    }
}

} // namespace

CannedReply CannedReply::Json(int status, std::string body, std::vector<std::string> headers) {
    CannedReply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

CannedReply CannedReply::Drop() {
    CannedReply r;
    r.mode = Mode::Drop;
    return r;
}

CannedReply CannedReply::Silent() {
    CannedReply r;
    r.mode = Mode::Silent;
    return r;
}

std::string RecordedRequest::Header(const std::string& name) const {
    std::string lowerHead = Lower(head);
    std::string key = "\r\n" + Lower(name) + ":";
    auto at = lowerHead.find(key);
    if (at == std::string::npos) {
        return "";
    }
    auto start = at + key.size();
    auto end = head.find("\r\n", start);
    std::string value = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

CannedServer::CannedServer(std::vector<CannedReply> replies) : m_replies(std::move(replies)) {
    m_listen = ListenOnLoopback(m_port);
    m_thread = std::thread([this] { Serve(); });
}

CannedServer::~CannedServer() {
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
    for (int fd : m_silentSockets) {
        ::close(fd);
    }
}

std::vector<RecordedRequest> CannedServer::Requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void CannedServer::Serve() {
    std::size_t next = 0;
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) {
            continue;
        }
        int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0) {
            continue;
        }
        RecordedRequest request = ReadRequest(fd);
        const CannedReply& reply = m_replies[std::min(next, m_replies.size() - 1)];
        ++next;
        {
            std::lock_guard lock(m_mutex);
            m_requests.push_back(request);
        }
        if (reply.mode == CannedReply::Mode::Silent) {
            m_silentSockets.push_back(fd); // closed by the destructor
            continue;
        }
        if (reply.mode == CannedReply::Mode::Answer) {
            std::string text = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\n";
            bool problem = reply.status >= 400;
            text += std::string("Content-Type: ") + (problem ? "application/problem+json" : "application/json") +
                    "\r\nContent-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n";
            for (const auto& h : reply.headers) {
                text += h + "\r\n";
            }
            text += "\r\n" + reply.body;
            SendAll(fd, text);
        }
        ::close(fd);
    }
}

int UnusedLoopbackPort() {
    int port = 0;
    int fd = ListenOnLoopback(port);
    ::close(fd);
    return port;
}

} // namespace kpd::test
