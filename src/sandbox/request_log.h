#pragma once
// One line per request on stderr: method, path (never the query: it may carry
// secrets), status, milliseconds, and partner and login when known. Never an
// Authorization header, a body, a password or a token.
// httplib serves a connection on one pool thread from routing to logging, so
// what a request learns about its caller is kept thread-locally between the
// two: BeginRequest() on the pre-routing hook, NoteCaller() from the router,
// LogRequest() from httplib's logger. The connection layer names the
// connection a request came on (NoteConnection, " conn=N" at the line's end,
// N counting connections from 1) so that a test can tell reuse from reconnects.
#include <httplib.h>

#include <cstdint>
#include <string>

namespace kpd::sandbox {

void BeginRequest();
// The serial number of the connection this thread serves now (0: none).
void NoteConnection(std::uint64_t serial);
void NoteCaller(std::int64_t partnerId, const std::string& login);
void LogRequest(const httplib::Request& req, const httplib::Response& res);

// Plain operational messages (start-up, shutdown, errors) on stderr.
void LogInfo(const std::string& message);
void LogError(const std::string& message);

} // namespace kpd::sandbox
