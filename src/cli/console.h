#pragma once
// Where partnerctl writes: results on stdout (JSON alone when --format json),
// every message on stderr, secrets read from stdin line by line; and the
// edges where core errors (ApiError, StoreError, problems) become words and
// exit codes. Main thread only.
#include "api/api_error.h"
#include "cli/exit_codes.h"
#include "domain/problem.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kpd::cli {

void PrintJson(const nlohmann::json& json);     // stdout, pretty, one document
void Say(const std::string& message);            // stderr, one line
ExitCode Fail(const api::ApiError& error);       // worded on stderr; the matching exit code
ExitCode UsageError(const std::string& message); // stderr; ExitCode::UserError
// "headline" and one "  /field: message" line per problem; ExitCode::UserError.
ExitCode ProblemsError(const std::string& headline, const domain::Problems& problems);

// The next line of stdin without its line ending; nullopt at end of input.
// Lines are handed out in order, so the first is the signer's password and
// the second the new user's when both come from stdin.
std::optional<std::string> ReadSecretLine();

// Opens the workspace at `url`; nullopt after saying why (exit 1: the address
// or the disk is the user's to fix; 2 when another desk holds it busy).
std::unique_ptr<store::Workspace> OpenWorkspace(const std::string& url, ExitCode& failure);

// Runs a command; a workspace failure or any other exception escaping it is
// worded on stderr (services::DescribeCurrentException) and exits 2.
ExitCode Guarded(const std::function<ExitCode()>& command);

} // namespace kpd::cli
