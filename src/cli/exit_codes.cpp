#include "cli/exit_codes.h"

namespace kpd::cli {

ExitCode ExitCodeFor(const api::ApiError& error) {
    switch (error.kind) {
    case api::ApiErrorKind::BadRequest:
    case api::ApiErrorKind::Unauthorized:
    case api::ApiErrorKind::Forbidden:
    case api::ApiErrorKind::NotFound:
    case api::ApiErrorKind::Conflict:
    case api::ApiErrorKind::PreconditionFailed:
    case api::ApiErrorKind::TooLarge:
    case api::ApiErrorKind::Validation:
        return ExitCode::UserError;
    case api::ApiErrorKind::Network:
    case api::ApiErrorKind::Timeout:
    case api::ApiErrorKind::Cancelled:
    case api::ApiErrorKind::Tls:
    case api::ApiErrorKind::RateLimited:
    case api::ApiErrorKind::Server:
    case api::ApiErrorKind::BadResponse:
        return ExitCode::PlatformError;
    }
    return ExitCode::PlatformError;
}

} // namespace kpd::cli
