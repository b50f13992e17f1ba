#pragma once
// The one function that words an ApiError for people at the terminal
// (HOUSE-STYLE 7), e.g. "Wrong login or password (401)" followed by one line
// per field problem ("  /login: …"). Any thread.
#include "api/api_error.h"

#include <string>

namespace kpd::cli {

std::string DescribeError(const api::ApiError& error);

} // namespace kpd::cli
