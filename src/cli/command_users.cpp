// partnerctl users list|add|set-roles|disable (partner_admin on the platform),
// through the same services as the desk's users page: adding and disabling go
// through the workspace outbox with a fresh Idempotency-Key each, so a retry
// never doubles them; set-roles reads the user first and sends its version
// as If-Match.
#include "cli/cached_notice.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/error_words.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/user_json.h"
#include "services/user_commands.h"
#include "services/users.h"

#include <cstdlib>
#include <iostream>

namespace kpd::cli {

namespace {

void PrintUsers(const GlobalOptions& options, const std::vector<domain::User>& users) {
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& u : users) {
            out.push_back(contract::ToJson(u));
        }
        PrintJson(out);
        return;
    }
    TextTable table({"ID", "LOGIN", "NAME", "ROLES", "STATUS", "VERSION"});
    for (const auto& u : users) {
        table.AddRow({std::to_string(u.id), u.login, u.name, domain::JoinRoles(u.roles),
                      u.disabled ? "disabled" : "active", std::to_string(u.version)});
    }
    table.Print(std::cout);
}

void PrintUser(const GlobalOptions& options, const domain::User& user) {
    if (options.format == OutputFormat::Json) {
        PrintJson(contract::ToJson(user));
        return;
    }
    PrintUsers(options, {user});
}

// The answer of an outbox command: the user, local problems, a refusal, or
// "queued" when the platform's answer is unknown (the desk resends it later
// with the same key, so it is applied at most once).
ExitCode Report(const GlobalOptions& options, const services::OutboxOutcome<domain::User>& outcome,
                const std::string& done) {
    if (outcome.Ok()) {
        Say(done + " " + outcome.value->login + " (id " + std::to_string(outcome.value->id) + ")");
        PrintUser(options, *outcome.value);
        return ExitCode::Ok;
    }
    if (!outcome.error) {
        return ProblemsError("the request has problems:", outcome.problems);
    }
    if (outcome.queued) {
        Say("partnerctl: " + DescribeError(*outcome.error));
        Say("partnerctl: the change waits in the workspace outbox (entry " + std::to_string(outcome.outbox_id) +
            ") and will be sent again with the same idempotency key");
        return ExitCode::PlatformError;
    }
    return Fail(*outcome.error);
}

std::optional<std::string> NewUserPassword(const AddUserArgs& args) {
    if (args.new_password_stdin) {
        return ReadSecretLine();
    }
    if (const char* env = std::getenv("PARTNERCTL_NEW_PASSWORD"); env != nullptr) {
        return std::string(env);
    }
    return std::nullopt;
}

} // namespace

std::optional<domain::RoleSet> ParseRoles(const std::vector<std::string>& names) {
    domain::RoleSet roles;
    for (const auto& name : names) {
        auto role = domain::RoleFromString(name);
        if (!role) {
            UsageError("unknown role \"" + name +
                       "\"; roles are viewer, marketing, loyalty_admin, finance, finance_manager, partner_admin");
            return std::nullopt;
        }
        roles.Add(*role);
    }
    return roles;
}

ExitCode RunUsersList(const GlobalOptions& options) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto users = services::ListUsers(cli->client, *cli->workspace);
    if (!users.Ok()) {
        return Fail(users.Error());
    }
    NoteIfCached(users.Value());
    PrintUsers(options, users.Value().value);
    return ExitCode::Ok;
}

ExitCode RunUsersAdd(const GlobalOptions& options, const AddUserArgs& args) {
    auto roles = ParseRoles(args.roles);
    if (!roles) {
        return ExitCode::UserError;
    }
    // Both secrets are read before any network call, in stdin's order: the
    // signer's password first, then the new user's.
    ExitCode failure = ExitCode::Ok;
    auto signerPassword = SignerPassword(options, failure);
    if (!signerPassword) {
        return failure;
    }
    auto password = NewUserPassword(args);
    if (!password) {
        return UsageError("no password for the new user: use --new-password-stdin or set PARTNERCTL_NEW_PASSWORD");
    }
    domain::NewUser user{args.login, args.name, *password, *roles};
    // The service checks the same rules; checking before signing in spares a
    // round trip and names every problem at once.
    if (auto problems = domain::ValidateNewUser(user); !problems.empty()) {
        return ProblemsError("the new user has problems:", problems);
    }
    auto cli = OpenSession(options, *signerPassword, failure);
    if (!cli) {
        return failure;
    }
    return Report(options, services::CreateUser(cli->client, *cli->workspace, user), "Added user");
}

ExitCode RunUsersSetRoles(const GlobalOptions& options, const SetRolesArgs& args) {
    auto roles = ParseRoles(args.roles);
    if (!roles) {
        return ExitCode::UserError;
    }
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    // The change starts from the version the platform has now (no service
    // reads a single user yet, so the client is asked directly).
    auto current = cli->client.GetUser(args.id);
    if (!current.Ok()) {
        return Fail(current.Error());
    }
    auto changed = services::SetUserRoles(cli->client, *cli->workspace, args.id, *roles, current.Value().version);
    if (!changed.Ok()) {
        if (!changed.error) {
            return ProblemsError("the roles have problems:", changed.problems);
        }
        ExitCode code = Fail(*changed.error);
        if (changed.Conflict()) {
            Say("partnerctl: the user now has version " + std::to_string(changed.current->version) + " and roles " +
                domain::JoinRoles(changed.current->roles));
        }
        return code;
    }
    Say("Roles of " + changed.value->login + " are now " + domain::JoinRoles(changed.value->roles));
    PrintUser(options, *changed.value);
    return ExitCode::Ok;
}

ExitCode RunUsersDisable(const GlobalOptions& options, std::int64_t id) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    return Report(options, services::DisableUser(cli->client, *cli->workspace, id), "Disabled user");
}

} // namespace kpd::cli
