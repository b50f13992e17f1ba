#include "sandbox/faults.h"

#include "sandbox/http_util.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

namespace kpd::sandbox {

void FaultInjector::Arm(const std::string& path, Fault fault) {
    std::lock_guard lock(m_mutex);
    if (fault.remaining <= 0) {
        m_faults.erase(path);
    } else {
        m_faults[path] = fault;
    }
}

void FaultInjector::Clear() {
    std::lock_guard lock(m_mutex);
    m_faults.clear();
}

std::optional<Fault> FaultInjector::Take(const std::string& path) {
    std::lock_guard lock(m_mutex);
    auto it = m_faults.find(path);
    if (it == m_faults.end()) {
        return std::nullopt;
    }
    Fault fault = it->second;
    if (--it->second.remaining <= 0) {
        m_faults.erase(it);
    }
    return fault;
}

namespace {
int PortOf(const sockaddr_storage& addr) {
    if (addr.ss_family == AF_INET) {
        sockaddr_in in{};
        std::memcpy(&in, &addr, sizeof in);
        return ntohs(in.sin_port);
    }
    if (addr.ss_family == AF_INET6) {
        sockaddr_in6 in6{};
        std::memcpy(&in6, &addr, sizeof in6);
        return ntohs(in6.sin6_port);
    }
    return -1;
}

// httplib hands handlers no socket, so find it: the one connected socket of
// this process whose local port is the server's and whose peer port is the
// client's. shutdown() (not close()) leaves the descriptor to httplib, which
// closes it when its write fails, so no descriptor is ever closed twice.
bool ShutdownConnection(int localPort, int remotePort) {
    rlimit limit{};
    int maxFd = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536 ? static_cast<int>(limit.rlim_cur)
                                                                                   : 65536;
    for (int fd = 3; fd < maxFd; ++fd) {
        sockaddr_storage local{}, peer{};
        socklen_t localLen = sizeof local, peerLen = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLen) != 0 ||
            ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerLen) != 0) {
            continue;
        }
        if (PortOf(local) == localPort && PortOf(peer) == remotePort) {
            ::shutdown(fd, SHUT_RDWR);
            return true;
        }
    }
    return false;
}
} // namespace

bool ApplyFault(const Fault& fault, const httplib::Request& req, httplib::Response& res) {
    if (fault.kind == FaultKind::Drop && ShutdownConnection(req.local_port, req.remote_port)) {
        res.status = 503; // never sent: the socket is shut; keeps the request log honest
        return true;
    }
    res.set_header("Retry-After", "0");
    SendProblem(res, fault.kind == FaultKind::Status ? fault.status : 503, "injected_fault",
                "a fault armed through /v1/sandbox/faults");
    return fault.kind == FaultKind::Status;
}

} // namespace kpd::sandbox
