#include "sandbox/seed.h"

#include "domain/partner.h"
#include "sandbox/audit_log.h"
#include "sandbox/card_screen_seed.h"
#include "sandbox/cashback_seed.h"
#include "sandbox/settlement_seed.h"
#include "sandbox/crypto.h"
#include "sandbox/partner_repository.h"
#include "sandbox/session_pool.h"
#include "sandbox/user_repository.h"

#include <stdexcept>
#include <vector>

namespace kpd::sandbox {

namespace {
using domain::Role;

struct DemoUser {
    const char* login;
    const char* name;
    domain::RoleSet roles;
};

struct DemoPartner {
    domain::Partner partner;
    std::vector<DemoUser> users;
};

std::vector<DemoPartner> DemoPartners() {
    domain::Partner grocery;
    grocery.id = 1;
    grocery.name = "Продуктовая сеть «Полянка»";
    grocery.inn = "7704123450";
    grocery.brand_color = "#2E7D32";
    grocery.accent_color = "#FFC107";
    grocery.program_kind = domain::ProgramKind::Bonus;
    grocery.card_number_format = {13, "2770", true};

    domain::Partner sports;
    sports.id = 2;
    sports.name = "Спорттовары «Вершина»";
    sports.inn = "7810567898";
    sports.brand_color = "#0D47A1";
    sports.accent_color = "#FF5722";
    sports.program_kind = domain::ProgramKind::Discount;
    sports.card_number_format = {16, "6390", false};

    return {
        {grocery,
         {{"admin", "Ирина Сергеевна Соколова", {Role::PartnerAdmin}},
          {"marketing", "Алексей Викторович Морозов", {Role::Marketing}},
          {"loyalty", "Екатерина Андреевна Волкова", {Role::LoyaltyAdmin}},
          {"finance", "Дмитрий Олегович Кузнецов", {Role::Finance}},
          {"finance.manager", "Наталья Петровна Лебедева", {Role::Finance, Role::FinanceManager}},
          {"viewer", "Павел Игоревич Новиков", {Role::Viewer}}}},
        {sports,
         {{"other.admin", "Сергей Николаевич Орлов", {Role::PartnerAdmin}},
          {"other.marketing", "Ольга Дмитриевна Васильева", {Role::Marketing}}}},
    };
}
} // namespace

bool SeedDemo(soci::session& db, domain::Instant now, const domain::BusinessCalendar& calendar,
              std::int64_t demoTransactions) {
    WriteTransaction tx(db);
    if (!ListPartnerIds(db).empty()) {
        return false;
    }
    // One hash for every demo user: they share the password, and hashing eight
    // times would only slow the start.
    const std::string hash = HashPassword(kDemoPassword);
    // The history starts a week back so the audit page reads like real use.
    auto at = now - std::chrono::hours(24 * 7);
    for (const auto& demo : DemoPartners()) {
        if (!domain::IsValidInn(demo.partner.inn)) {
            throw std::logic_error("demo partner " + demo.partner.name + " has an invalid INN");
        }
        InsertPartner(db, demo.partner);
        domain::AuditEntry e;
        e.client = "platform-sandbox/seed";
        e.object_type = "user";
        for (const auto& u : demo.users) {
            domain::NewUser nu{u.login, u.name, kDemoPassword, u.roles};
            auto id = InsertUser(db, demo.partner.id, nu, hash, domain::FormatRfc3339(at));
            if (e.actor_user_id == 0) {
                e.actor_user_id = id; // the first user is the partner's administrator
                e.actor_login = u.login;
            }
            at += std::chrono::minutes(37);
            e.at = domain::FormatRfc3339(at);
            e.action = "user.create";
            e.object_id = std::to_string(id);
            e.detail =
                std::string("created ") + u.login + " with roles " + domain::JoinRoles(u.roles);
            AppendAudit(db, demo.partner.id, e);
        }
        at += std::chrono::hours(20);
        e.at = domain::FormatRfc3339(at);
        e.action = "auth.login";
        e.object_id = std::to_string(e.actor_user_id);
        e.detail = "signed in";
        AppendAudit(db, demo.partner.id, e);
    }
    // The first partner's marketing manager has designed and published its
    // card screen twice over the last days and is working on a third.
    SeedDemoCardScreen(db, DemoPartners().front().partner.id, "marketing", at);
    // The same manager runs its cashback flights: live, scheduled, draft, finished.
    SeedDemoCashback(db, DemoPartners().front().partner.id, "marketing", now);
    if (demoTransactions > 0) {
        SeedDemoSettlements(db, {DemoPartners().front().partner.id, demoTransactions, 92, now, &calendar});
    }
    tx.Commit();
    return true;
}

} // namespace kpd::sandbox
