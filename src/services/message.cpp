#include "services/message.h"

#include <exception>

namespace kpd::services {

namespace {

Message Make(std::string code, std::string english,
             std::map<std::string, std::string> params = {}) {
    return Message{std::move(code), std::move(params), std::move(english)};
}

// Where the platform sent a specific code we know, it says more than the status.
Message DescribePlatformCode(const api::ApiError& e) {
    const std::string& c = e.code;
    if (c == "invalid_credentials") {
        return Make("auth.invalid_credentials", "Wrong login or password.");
    }
    if (c == "user_disabled") {
        return Make("auth.user_disabled", "This user is disabled on the platform.");
    }
    if (c == "token_expired") {
        return Make("auth.token_expired", "The session has expired; please sign in again.");
    }
    if (c == "not_signed_in" || c == "unauthenticated") {
        return Make("auth.not_signed_in", "Not signed in to the platform.");
    }
    if (c == "login_taken") {
        return Make("user.login_taken", "A user with this login already exists.");
    }
    if (c == "cannot_disable_self") {
        return Make("user.cannot_disable_self", "You cannot disable your own user.");
    }
    if (c == "idempotency_key_reuse") {
        return Make("platform.idempotency_key_reuse",
                    "The platform refused a repeated operation whose content changed.");
    }
    if (c == "if_match_required") {
        return Make("platform.if_match_required",
                    "The platform needs the version this change starts from.");
    }
    return Make("", "");
}

} // namespace

Message Describe(const api::ApiError& e, const std::string& platform_url) {
    if (Message known = DescribePlatformCode(e); !known.code.empty()) {
        return known;
    }
    using K = api::ApiErrorKind;
    std::map<std::string, std::string> where;
    if (!platform_url.empty()) {
        where["url"] = platform_url;
    }
    std::string at = platform_url.empty() ? "the platform" : platform_url;
    switch (e.kind) {
    case K::Network:
        return Make("platform.unreachable",
                    "Cannot reach " + at + ": working offline with what the desk has.", where);
    case K::Timeout:
        return Make(
            "platform.timeout",
            at + " did not answer in time; the operation will be confirmed when it answers again.",
            where);
    case K::Cancelled:
        return Make("cancelled", "Cancelled.");
    case K::Tls:
        return Make("platform.tls", "The secure connection to " + at + " could not be verified.",
                    where);
    case K::BadRequest:
        return Make("platform.bad_request", "The platform did not understand the request.");
    case K::Unauthorized:
        return Make("auth.not_signed_in", "Not signed in to the platform.");
    case K::Forbidden:
        return Make("forbidden", "Your role does not allow this.");
    case K::NotFound:
        return Make("not_found", "It no longer exists, or belongs to another partner.");
    case K::Conflict:
        return Make("conflict", "The platform refused the change: " + e.message);
    case K::PreconditionFailed:
        return Make("version_mismatch",
                    "Someone changed it meanwhile; review the current version and try again.");
    case K::TooLarge:
        return Make("platform.too_large", "The request is too large for the platform.");
    case K::Validation: {
        std::string count = std::to_string(e.problems.size());
        return Make("validation_failed", "The platform found " + count + " problem(s) to fix.",
                    {{"count", count}});
    }
    case K::RateLimited:
        return Make("platform.rate_limited", "The platform asks to slow down; try again shortly.");
    case K::Server: {
        std::string status = std::to_string(e.http_status);
        return Make("platform.server_error",
                    "The platform failed (HTTP " + status + "); try again later.",
                    {{"status", status}});
    }
    case K::BadResponse:
        return Make("platform.bad_response",
                    "The platform answered something the desk does not understand.");
    }
    return Make("platform.error", e.message);
}

Message Describe(const store::StoreError& e) {
    using K = store::StoreErrorKind;
    std::map<std::string, std::string> p{{"operation", e.Operation()}, {"detail", e.Detail()}};
    switch (e.Kind()) {
    case K::Unavailable:
        return Make("workspace.unavailable",
                    "The workspace database cannot be opened: " + e.Detail(), p);
    case K::Duplicate:
        return Make("workspace.duplicate", "This is already recorded in the workspace.", p);
    case K::AppendOnly:
        return Make("workspace.append_only", "The audit log cannot be changed.", p);
    case K::Constraint:
        return Make("workspace.constraint", "The workspace refused inconsistent data.", p);
    case K::Busy:
        return Make("workspace.busy",
                    "The workspace is busy with another desk; try again in a moment.", p);
    case K::NotFound:
        return Make("workspace.not_found", "It is no longer in the workspace.", p);
    case K::Other:
        break;
    }
    return Make("workspace.error", "The workspace database failed: " + e.Detail(), p);
}

Message Describe(const domain::Problem& problem) {
    return Make("problem." + problem.code, problem.message, {{"field", problem.field}});
}

Message DescribeCurrentException() {
    try {
        throw;
    } catch (const store::StoreError& e) {
        return Describe(e);
    } catch (const std::exception& e) {
        return Make("internal_error", std::string("Internal error: ") + e.what(),
                    {{"detail", e.what()}});
    } catch (...) {
        return Make("internal_error", "Internal error.", {{"detail", ""}});
    }
}

} // namespace kpd::services
