#pragma once
// Messages for people, as codes with parameters (HOUSE-STYLE 13): the core
// never words errors for a UI; the GUI and the CLI translate `code` with
// `params`, and `english` is there for logs and the CLI's English output.
// Describe() is the one place any error of the core becomes a Message
// (HOUSE-STYLE 7).
//
// Thread affinity: pure functions; any thread.
#include "api/api_error.h"
#include "domain/problem.h"
#include "store/store_error.h"

#include <map>
#include <string>

namespace kpd::services {

struct Message {
    // Stable, dot-separated, e.g. "platform.unreachable", "auth.invalid_credentials",
    // "workspace.unavailable". The full list is in message.cpp.
    std::string code;
    // Named values a translation may use, e.g. {"url": "http://…"}, {"status": "503"}.
    std::map<std::string, std::string> params;
    // The same in English, parameters filled in.
    std::string english;
};

// An error of the platform API. `platform_url`, when known, is named in
// messages about reaching it.
Message Describe(const api::ApiError& error, const std::string& platform_url = "");

// An error of the workspace database.
Message Describe(const store::StoreError& error);

// One validation problem: code "problem.<problem code>" with {"field": pointer}.
Message Describe(const domain::Problem& problem);

// For a catch (...) at an edge: whatever is in flight (StoreError, another
// std::exception, or anything else) as a Message. Call only inside a catch.
Message DescribeCurrentException();

} // namespace kpd::services
