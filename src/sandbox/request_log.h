#pragma once
// One line per request on stderr: method, path (never the query: it may carry
// secrets), status, milliseconds, and partner and login when known. Never an
// Authorization header, a body, a password or a token.
// httplib serves a connection on one pool thread from routing to logging, so
// what a request learns about its caller is kept thread-locally between the
// two: BeginRequest() on the pre-routing hook, NoteCaller() from the router,
// LogRequest() from httplib's logger.
#include <httplib.h>

#include <cstdint>
#include <string>

namespace kpd::sandbox {

void BeginRequest();
void NoteCaller(std::int64_t partnerId, const std::string& login);
void LogRequest(const httplib::Request& req, const httplib::Response& res);

// Plain operational messages (start-up, shutdown, errors) on stderr.
void LogInfo(const std::string& message);
void LogError(const std::string& message);

} // namespace kpd::sandbox
