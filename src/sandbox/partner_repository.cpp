#include "sandbox/partner_repository.h"

namespace kpd::sandbox {

std::optional<domain::Partner> FindPartner(soci::session& db, std::int64_t partnerId) {
    domain::Partner p;
    std::string kind;
    std::string logo;
    soci::indicator logoInd = soci::i_null;
    int luhn = 0;
    db << "SELECT partner_id, name, inn, brand_color, accent_color, logo_asset_id, program_kind, "
          "card_length, "
          "card_prefix, card_luhn FROM partners WHERE partner_id = :partner_id",
        soci::into(p.id), soci::into(p.name), soci::into(p.inn), soci::into(p.brand_color),
        soci::into(p.accent_color), soci::into(logo, logoInd), soci::into(kind),
        soci::into(p.card_number_format.length), soci::into(p.card_number_format.prefix),
        soci::into(luhn), soci::use(partnerId, "partner_id");
    if (!db.got_data()) {
        return std::nullopt;
    }
    if (logoInd == soci::i_ok) {
        p.logo_asset_id = logo;
    }
    p.program_kind = domain::ProgramKindFromString(kind).value_or(domain::ProgramKind::Bonus);
    p.card_number_format.luhn = luhn != 0;
    return p;
}

std::vector<std::int64_t> ListPartnerIds(soci::session& db) {
    std::vector<std::int64_t> ids;
    std::int64_t id = 0;
    soci::statement st =
        (db.prepare << "SELECT partner_id FROM partners ORDER BY partner_id", soci::into(id));
    st.execute();
    while (st.fetch()) {
        ids.push_back(id);
    }
    return ids;
}

void InsertPartner(soci::session& db, const domain::Partner& p) {
    std::int64_t id = p.id;
    std::string name = p.name, inn = p.inn, brand = p.brand_color, accent = p.accent_color;
    std::string kind(domain::ToString(p.program_kind));
    std::string logo = p.logo_asset_id.value_or("");
    soci::indicator logoInd = p.logo_asset_id ? soci::i_ok : soci::i_null;
    int length = p.card_number_format.length;
    std::string prefix = p.card_number_format.prefix;
    int luhn = p.card_number_format.luhn ? 1 : 0;
    db << "INSERT INTO partners (partner_id, name, inn, brand_color, accent_color, logo_asset_id, "
          "program_kind, "
          "card_length, card_prefix, card_luhn) VALUES (:id, :name, :inn, :brand, :accent, :logo, "
          ":kind, :length, "
          ":prefix, :luhn)",
        soci::use(id, "id"), soci::use(name, "name"), soci::use(inn, "inn"),
        soci::use(brand, "brand"), soci::use(accent, "accent"), soci::use(logo, logoInd, "logo"),
        soci::use(kind, "kind"), soci::use(length, "length"), soci::use(prefix, "prefix"),
        soci::use(luhn, "luhn");
}

} // namespace kpd::sandbox
