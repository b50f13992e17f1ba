#pragma once
// partnerctl's exit codes, in one place (HOUSE-STYLE 12): scripts branch on
// them, so they never change meaning. Any thread.
#include "api/api_error.h"

namespace kpd::cli {

enum class ExitCode : int {
    Ok = 0,
    UserError = 1,     // bad arguments, or the platform refused the request (4xx)
    PlatformError = 2, // the platform failed or could not be reached (5xx, network, timeout, bad answer)
};

inline int ToInt(ExitCode code) { return static_cast<int>(code); }

// 4xx kinds are the user's to fix; everything else is the platform's or the network's.
ExitCode ExitCodeFor(const api::ApiError& error);

} // namespace kpd::cli
