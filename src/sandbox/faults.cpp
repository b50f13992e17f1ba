#include "sandbox/faults.h"

#include "sandbox/http_util.h"
#include "sandbox/socket_lookup.h"

#include <stdexcept>
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

std::optional<Fault> FaultInjector::Take(const std::string& path, bool afterHandler) {
    std::lock_guard lock(m_mutex);
    auto it = m_faults.find(path);
    if (it == m_faults.end() || (it->second.kind == FaultKind::DropAnswer) != afterHandler) {
        return std::nullopt;
    }
    Fault fault = it->second;
    if (--it->second.remaining <= 0) {
        m_faults.erase(it);
    }
    return fault;
}

namespace {
// shutdown() (not close()) leaves the descriptor to httplib, which closes it
// when its write fails, so no descriptor is ever closed twice.
bool ShutdownConnection(int localPort, int remotePort) {
    int fd = FindConnection(localPort, remotePort);
    return fd >= 0 && ::shutdown(fd, SHUT_RDWR) == 0;
}
} // namespace

bool ApplyFault(const Fault& fault, const httplib::Request& req, httplib::Response& res) {
    if (fault.kind == FaultKind::Exception) {
        throw std::runtime_error("an exception armed through /v1/sandbox/faults");
    }
    if ((fault.kind == FaultKind::Drop || fault.kind == FaultKind::DropAnswer) &&
        ShutdownConnection(req.local_port, req.remote_port)) {
        res.status = 503; // never sent: the socket is shut; keeps the request log honest
        return true;
    }
    res.set_header("Retry-After", "0");
    SendProblem(res, fault.kind == FaultKind::Status ? fault.status : 503, "injected_fault",
                "a fault armed through /v1/sandbox/faults");
    return fault.kind == FaultKind::Status;
}

} // namespace kpd::sandbox
