// partnerctl login: checks the credentials and says who the platform knows.
// The token is neither printed nor kept: it is a secret and partnerctl has no
// safe place for it, so every command signs in anew.
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/auth.h"

#include <iostream>

namespace kpd::cli {

ExitCode RunLogin(const GlobalOptions& options) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    const auto session = *cli->client.CurrentSession();
    if (options.format == OutputFormat::Json) {
        PrintJson({{"platform", options.platform},
                   {"user",
                    {{"id", session.user.id},
                     {"login", session.user.login},
                     {"name", session.user.name},
                     {"roles", contract::RolesToJson(session.user.roles)}}},
                   {"partner", {{"id", session.partner.id}, {"name", session.partner.name}}},
                   {"expires_at", session.expires_at}});
        return ExitCode::Ok;
    }
    TextTable table({"FIELD", "VALUE"});
    table.AddRow({"platform", options.platform});
    table.AddRow({"user", session.user.login + " (" + session.user.name + ")"});
    table.AddRow({"roles", domain::JoinRoles(session.user.roles)});
    table.AddRow({"partner", session.partner.name + " (id " + std::to_string(session.partner.id) + ")"});
    table.AddRow({"token expires", session.expires_at});
    table.Print(std::cout);
    return ExitCode::Ok;
}

} // namespace kpd::cli
