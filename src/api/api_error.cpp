#include "api/api_error.h"

namespace kpd::api {

// The only place where an HTTP status becomes a kind: everything else asks here.
ApiErrorKind KindForStatus(int status) {
    switch (status) {
    case 400: return ApiErrorKind::BadRequest;
    case 401: return ApiErrorKind::Unauthorized;
    case 403: return ApiErrorKind::Forbidden;
    case 404: return ApiErrorKind::NotFound;
    case 409: return ApiErrorKind::Conflict;
    case 412: return ApiErrorKind::PreconditionFailed;
    case 413: return ApiErrorKind::TooLarge;
    case 422: return ApiErrorKind::Validation;
    case 429: return ApiErrorKind::RateLimited;
    default: break;
    }
    if (status >= 500 && status <= 599) {
        return ApiErrorKind::Server;
    }
    // Other 4xx (405, 415, 428 If-Match missing…) mean the client sent something
    // the contract does not allow: a bug on our side, worded as a bad request.
    if (status >= 400 && status <= 499) {
        return ApiErrorKind::BadRequest;
    }
    // 1xx, 3xx or a success status where an error was expected: off contract.
    return ApiErrorKind::BadResponse;
}

const char* ToString(ApiErrorKind kind) {
    switch (kind) {
    case ApiErrorKind::Network: return "network";
    case ApiErrorKind::Timeout: return "timeout";
    case ApiErrorKind::Cancelled: return "cancelled";
    case ApiErrorKind::Tls: return "tls";
    case ApiErrorKind::BadRequest: return "bad_request";
    case ApiErrorKind::Unauthorized: return "unauthorized";
    case ApiErrorKind::Forbidden: return "forbidden";
    case ApiErrorKind::NotFound: return "not_found";
    case ApiErrorKind::Conflict: return "conflict";
    case ApiErrorKind::PreconditionFailed: return "precondition_failed";
    case ApiErrorKind::TooLarge: return "too_large";
    case ApiErrorKind::Validation: return "validation";
    case ApiErrorKind::RateLimited: return "rate_limited";
    case ApiErrorKind::Server: return "server";
    case ApiErrorKind::BadResponse: return "bad_response";
    }
    return "unknown";
}

} // namespace kpd::api
