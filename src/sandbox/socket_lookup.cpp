#include "sandbox/socket_lookup.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

namespace kpd::sandbox {

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

int MaxDescriptor() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536) {
        return static_cast<int>(limit.rlim_cur);
    }
    return 65536;
}

int LocalPort(int fd) {
    sockaddr_storage local{};
    socklen_t len = sizeof local;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0) {
        return -1;
    }
    return PortOf(local);
}
} // namespace

int FindConnection(int localPort, int remotePort) {
    for (int fd = 3, max = MaxDescriptor(); fd < max; ++fd) {
        if (LocalPort(fd) != localPort) {
            continue;
        }
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) == 0 &&
            PortOf(peer) == remotePort) {
            return fd;
        }
    }
    return -1;
}

} // namespace kpd::sandbox
