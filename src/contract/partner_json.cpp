#include "contract/partner_json.h"

#include "contract/json_reader.h"

namespace kpd::contract {

nlohmann::json ToJson(const domain::Partner& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"inn", p.inn},
            {"brand_color", p.brand_color},
            {"accent_color", p.accent_color},
            {"logo_asset_id", p.logo_asset_id ? nlohmann::json(*p.logo_asset_id) : nlohmann::json()},
            {"program_kind", std::string(domain::ToString(p.program_kind))},
            {"card_number_format",
             {{"length", p.card_number_format.length},
              {"prefix", p.card_number_format.prefix},
              {"luhn", p.card_number_format.luhn}}}};
}

Parsed<domain::Partner> PartnerFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    domain::Partner p;
    p.id = r.Int("id").value_or(0);
    p.name = r.String("name").value_or("");
    p.inn = r.String("inn").value_or("");
    p.brand_color = r.String("brand_color").value_or("");
    p.accent_color = r.String("accent_color").value_or("");
    p.logo_asset_id = r.String("logo_asset_id", false);
    if (auto kind = r.String("program_kind")) {
        if (auto k = domain::ProgramKindFromString(*kind)) {
            p.program_kind = *k;
        } else {
            r.Fail("/program_kind", "enum", "program_kind must be bonus or discount");
        }
    }
    if (const auto* fmt = r.Object("card_number_format")) {
        JsonReader f(*fmt, problems, "/card_number_format");
        p.card_number_format.length = static_cast<int>(f.Int("length").value_or(0));
        p.card_number_format.prefix = f.String("prefix").value_or("");
        p.card_number_format.luhn = f.Bool("luhn").value_or(false);
    }
    if (!problems.empty()) {
        return Parsed<domain::Partner>::Failure(std::move(problems));
    }
    return Parsed<domain::Partner>::Success(std::move(p));
}

} // namespace kpd::contract
