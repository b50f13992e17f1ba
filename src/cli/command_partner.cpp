// partnerctl partner show: the partner profile of the signed-in user
// (services::LoadPartnerProfile, as the desk's profile page).
#include "cli/cached_notice.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/partner_json.h"
#include "services/partner_profile.h"

#include <iostream>

namespace kpd::cli {

ExitCode RunPartnerShow(const GlobalOptions& options) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) {
        return failure;
    }
    auto partner = services::LoadPartnerProfile(cli->client, *cli->workspace);
    if (!partner.Ok()) {
        return Fail(partner.Error());
    }
    NoteIfCached(partner.Value());
    const auto& p = partner.Value().value;
    if (options.format == OutputFormat::Json) {
        PrintJson(contract::ToJson(p));
        return ExitCode::Ok;
    }
    const auto& card = p.card_number_format;
    TextTable table({"FIELD", "VALUE"});
    table.AddRow({"id", std::to_string(p.id)});
    table.AddRow({"name", p.name});
    table.AddRow({"INN", p.inn});
    table.AddRow({"brand colour", p.brand_color});
    table.AddRow({"accent colour", p.accent_color});
    table.AddRow({"logo asset", p.logo_asset_id.value_or("-")});
    table.AddRow({"program", std::string(domain::ToString(p.program_kind))});
    table.AddRow({"card numbers", std::to_string(card.length) + " digits, prefix \"" + card.prefix + "\"" +
                                      (card.luhn ? ", Luhn check" : "")});
    table.Print(std::cout);
    return ExitCode::Ok;
}

} // namespace kpd::cli
