#pragma once
// The one answer to a request the sandbox failed on (an exception from a
// handler, from the router or from httplib's own hooks): 500 problem+json
// `internal_error` carrying a fresh random `error_id`, and one log line with
// that id and what went wrong. The client sees the id only — never the
// exception's text, which may name SQL, files or values — so a partner can
// quote the id and the sandbox's operator find the line. Thread-safe.
#include <httplib.h>

#include <string>

namespace kpd::sandbox {

// 16 lower-case hex digits (64 random bits).
std::string NewErrorId();

// Replaces whatever `res` holds with the 500 answer and logs
// "error <id>: <method> <path> failed: <what>". Returns the id.
std::string AnswerInternalError(const httplib::Request& req, httplib::Response& res,
                                const std::string& what);

} // namespace kpd::sandbox
