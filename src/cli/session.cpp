#include "cli/session.h"

#include "cli/console.h"
#include "services/sign_in.h"

#include <cstdlib>
#include <iostream>

namespace kpd::cli {

api::ClientOptions ClientOptionsFor(const GlobalOptions& options) {
    api::ClientOptions client;
    client.base_url = options.platform;
    client.ca_file = options.ca_file;
    client.user_agent = "partnerctl/0.1.0";
    return client;
}

void SayPlatformWait(std::chrono::seconds wait) {
    if (wait.count() > 0) {
        // One write, so lines of two download threads never mix.
        std::cerr << ("the platform asks to wait " + std::to_string(wait.count()) + " s\n") << std::flush;
    }
}

std::optional<std::string> SignerPassword(const GlobalOptions& options, ExitCode& failure) {
    if (options.password_stdin) {
        auto line = ReadSecretLine();
        if (!line) {
            failure = UsageError("--password-stdin: stdin ended before a password line");
        }
        return line;
    }
    if (const char* env = std::getenv("PARTNERCTL_PASSWORD"); env != nullptr) {
        return std::string(env);
    }
    failure = UsageError("no password: use --password-stdin or set PARTNERCTL_PASSWORD");
    return std::nullopt;
}

std::optional<CliSession> OpenSession(const GlobalOptions& options, const std::string& password,
                                      ExitCode& failure) {
    if (options.user.empty()) {
        failure = UsageError("no user: give --user LOGIN (or set PARTNERCTL_USER)");
        return std::nullopt;
    }
    auto workspace = OpenWorkspace(options.workspace, failure);
    if (!workspace) {
        return std::nullopt;
    }
    CliSession session{std::move(workspace), api::PlatformClient(ClientOptionsFor(options))};
    session.client.SetWaitListener(SayPlatformWait);
    auto signedIn = services::SignIn(session.client, *session.workspace, options.user, password);
    if (!signedIn.Ok()) {
        failure = signedIn.error ? Fail(*signedIn.error) : ProblemsError("cannot sign in:", signedIn.problems);
        return std::nullopt;
    }
    return session;
}

std::optional<CliSession> OpenSession(const GlobalOptions& options, ExitCode& failure) {
    if (options.user.empty()) {
        failure = UsageError("no user: give --user LOGIN (or set PARTNERCTL_USER)");
        return std::nullopt;
    }
    auto password = SignerPassword(options, failure);
    if (!password) {
        return std::nullopt;
    }
    return OpenSession(options, *password, failure);
}

} // namespace kpd::cli
