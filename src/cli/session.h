#pragma once
// Opens what one partnerctl command works with: the workspace (the desk's own
// database: cache, outbox, local audit, shared with the desk by default) and
// a platform client signed in through services::SignIn, as the desk does.
// The password comes from stdin (--password-stdin) or PARTNERCTL_PASSWORD,
// never from an argument (other users can read a process's arguments).
// Nothing but the workspace outlives the process: each command signs in anew.
// Main thread only.
#include "api/platform_client.h"
#include "cli/commands.h"
#include "store/workspace.h"

#include <chrono>
#include <memory>
#include <optional>

namespace kpd::cli {

struct CliSession {
    std::unique_ptr<store::Workspace> workspace;
    api::PlatformClient client;
};

// The signer's password (a line of stdin, or the environment), or nullopt
// after the reason was said on stderr and `failure` set.
std::optional<std::string> SignerPassword(const GlobalOptions& options, ExitCode& failure);

// A workspace and a signed-in client, or nullopt after the reason was said on
// stderr and `failure` set to the exit code.
std::optional<CliSession> OpenSession(const GlobalOptions& options, const std::string& password,
                                      ExitCode& failure);
// SignerPassword, then OpenSession.
std::optional<CliSession> OpenSession(const GlobalOptions& options, ExitCode& failure);

// Says on stderr that the platform asked to wait (a 429 or 503 with
// Retry-After) before the client sends again; silent for 0 (the wait is over).
// Any thread.
void SayPlatformWait(std::chrono::seconds wait);

// The client's options for the platform in `options` (CA file, User-Agent).
api::ClientOptions ClientOptionsFor(const GlobalOptions& options);

} // namespace kpd::cli
