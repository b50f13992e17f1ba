#include "cli/error_words.h"

namespace kpd::cli {

namespace {

using api::ApiErrorKind;

// "(401)" after a sentence when an HTTP answer came; nothing otherwise.
std::string Status(const api::ApiError& e) {
    return e.http_status != 0 ? " (" + std::to_string(e.http_status) + ")" : "";
}

// The platform's own detail, when it adds something to our sentence.
std::string Detail(const api::ApiError& e) {
    return e.message.empty() ? "" : ": " + e.message;
}

std::string Headline(const api::ApiError& e) {
    switch (e.kind) {
    case ApiErrorKind::Unauthorized:
        if (e.code == "invalid_credentials") return "Wrong login or password" + Status(e);
        if (e.code == "user_disabled") return "This user is disabled" + Status(e);
        if (e.code == "token_expired") return "The session has expired; sign in again" + Status(e);
        return "Not signed in" + Status(e) + Detail(e);
    case ApiErrorKind::Forbidden: return "Your roles do not allow this" + Status(e) + Detail(e);
    case ApiErrorKind::NotFound: return "Not found" + Status(e) + Detail(e);
    case ApiErrorKind::Conflict:
        if (e.code == "login_taken") return "That login is already taken" + Status(e);
        if (e.code == "cannot_disable_self") return "You cannot disable yourself" + Status(e);
        return "Conflict with the current state" + Status(e) + Detail(e);
    case ApiErrorKind::PreconditionFailed:
        return "Someone else changed it meanwhile; look again and retry" + Status(e);
    case ApiErrorKind::TooLarge: return "The request is too large for the platform" + Status(e);
    case ApiErrorKind::Validation:
        if (e.code == "idempotency_key_reuse") return "The request was replayed with different data" + Status(e);
        return "The platform refused the data" + Status(e) + Detail(e);
    case ApiErrorKind::BadRequest: return "The platform could not accept the request" + Status(e) + Detail(e);
    case ApiErrorKind::RateLimited: return "The platform is busy; try again later" + Status(e);
    case ApiErrorKind::Server: return "The platform failed" + Status(e) + Detail(e);
    // The transport's own words already name the URL and the cause.
    case ApiErrorKind::Network: return e.message.empty() ? "Cannot reach the platform" : e.message;
    case ApiErrorKind::Timeout: return e.message.empty() ? "The platform did not answer in time" : e.message;
    case ApiErrorKind::Tls:
        return (e.message.empty() ? "The secure connection failed" : e.message) +
               " (a private CA can be trusted with --ca-file)";
    case ApiErrorKind::BadResponse: return "The platform answered something unexpected" + Detail(e);
    case ApiErrorKind::Cancelled: return "Cancelled";
    }
    return "Error" + Status(e) + Detail(e);
}

} // namespace

std::string DescribeError(const api::ApiError& error) {
    std::string text = Headline(error);
    for (const auto& problem : error.problems) {
        text += "\n  " + (problem.field.empty() ? std::string("(request)") : problem.field) + ": " + problem.message;
    }
    return text;
}

} // namespace kpd::cli
