// partnerctl audit list: the newest entries of the partner's audit log on the
// platform (services::ListAudit, as the desk's audit page).
#include "cli/cached_notice.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/audit_json.h"
#include "services/audit.h"

#include <iostream>

namespace kpd::cli {

ExitCode RunAuditList(const GlobalOptions& options, int limit) {
    if (limit <= 0) {
        return UsageError("--limit must be a positive number");
    }
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto audit = services::ListAudit(cli->client, *cli->workspace, limit);
    if (!audit.Ok()) {
        return Fail(audit.Error());
    }
    NoteIfCached(audit.Value());
    const auto& entries = audit.Value().value;
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : entries) {
            out.push_back(contract::ToJson(e));
        }
        PrintJson(out);
        return ExitCode::Ok;
    }
    TextTable table({"ID", "AT", "ACTOR", "ACTION", "OBJECT", "CLIENT", "DETAIL"});
    for (const auto& e : entries) {
        table.AddRow({std::to_string(e.id), e.at, e.actor_login, e.action, e.object_type + " " + e.object_id,
                      e.client, e.detail});
    }
    table.Print(std::cout);
    return ExitCode::Ok;
}

} // namespace kpd::cli
