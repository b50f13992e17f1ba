#pragma once
// httplib's Request does not carry its socket; a fault that drops a
// request's connection finds it by scanning this process's descriptors for
// the socket with the request's ports. Thread-safe (read-only system calls).
namespace kpd::sandbox {

// The descriptor of the connection from `remotePort` to `localPort`, or -1.
int FindConnection(int localPort, int remotePort);

} // namespace kpd::sandbox
