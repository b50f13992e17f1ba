#pragma once
// Errors of the platform API as values (HOUSE-STYLE 7). The mapping from
// HTTP status to kind lives in KindForStatus and nowhere else.
#include "domain/problem.h"

#include <string>

namespace kpd::api {

enum class ApiErrorKind {
    Network,            // could not connect, connection reset, DNS
    Timeout,            // no answer in time: the outcome of a POST is unknown
    Cancelled,          // the caller's CancelToken fired
    Tls,                // certificate not trusted or handshake failed
    BadRequest,         // 400 malformed request
    Unauthorized,       // 401 wrong credentials or expired token
    Forbidden,          // 403 role does not allow it
    NotFound,           // 404 (also another partner's object)
    Conflict,           // 409 state conflict
    PreconditionFailed, // 412 stale version (If-Match)
    TooLarge,           // 413
    Validation,         // 422 a business rule is broken; see `problems`
    RateLimited,        // 429
    Server,             // 5xx
    BadResponse,        // the platform answered something that does not follow the contract
};

struct ApiError {
    ApiErrorKind kind = ApiErrorKind::Network;
    int http_status = 0;        // 0 when no HTTP answer arrived
    std::string code;           // problem+json `code`, or a local code such as "curl_7"
    std::string message;        // problem+json `detail` or the transport's words
    domain::Problems problems;  // problem+json `errors`
    std::string body;           // raw answer body (problem+json), e.g. the current version on 412

    // True when the platform never saw or never answered the request, so an
    // offline fallback to cached data is right.
    bool IsOffline() const {
        return kind == ApiErrorKind::Network || kind == ApiErrorKind::Timeout || kind == ApiErrorKind::Tls;
    }
};

ApiErrorKind KindForStatus(int status);
const char* ToString(ApiErrorKind kind); // "network", "forbidden", … for logs and JSON output

} // namespace kpd::api
