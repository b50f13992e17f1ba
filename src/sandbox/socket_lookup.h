#pragma once
// httplib 0.11 keeps its sockets to itself; the sandbox needs two of them:
// the listening socket (to widen httplib's fixed backlog of 5, which drops
// SYNs and costs clients a one-second retransmit when a test opens eight
// connections at once) and a request's connection (to drop it for a fault).
// Both are found by scanning this process's descriptors for the socket
// with the given ports. Thread-safe (read-only system calls).
namespace kpd::sandbox {

// The descriptor of the socket listening on `localPort`, or -1.
int FindListeningSocket(int localPort);
// The descriptor of the connection from `remotePort` to `localPort`, or -1.
int FindConnection(int localPort, int remotePort);

} // namespace kpd::sandbox
