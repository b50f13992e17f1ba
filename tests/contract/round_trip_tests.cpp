// Every DTO written by ToJson reads back equal through its FromJson: the
// client and the sandbox share these functions, so a drift breaks here first.
#include "contract/audit_json.h"
#include "contract/auth.h"
#include "contract/partner_json.h"
#include "contract/problem_details.h"
#include "contract/user_json.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;
using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(round_trips)

BOOST_AUTO_TEST_CASE(partner) {
    Partner p;
    p.id = 7;
    p.name = "Гастроном «Берёзка»";
    p.inn = "7707083893";
    p.brand_color = "#0A7B3E";
    p.accent_color = "#F5C400";
    p.logo_asset_id = "asset_1";
    p.program_kind = ProgramKind::Discount;
    p.card_number_format = {16, "7789", true};
    auto back = contract::PartnerFromJson(nlohmann::json::parse(contract::ToJson(p).dump()));
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->name == p.name);
    BOOST_TEST(back.value->inn == p.inn);
    BOOST_TEST(back.value->logo_asset_id.value_or("") == "asset_1");
    BOOST_TEST((back.value->program_kind == ProgramKind::Discount));
    BOOST_TEST(back.value->card_number_format.length == 16);
    BOOST_TEST(back.value->card_number_format.prefix == "7789");
    BOOST_TEST(back.value->card_number_format.luhn);
}

BOOST_AUTO_TEST_CASE(partner_without_logo_writes_null) {
    Partner p;
    p.name = "x";
    auto json = contract::ToJson(p);
    BOOST_TEST(json["logo_asset_id"].is_null());
    auto back = contract::PartnerFromJson(json);
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(!back.value->logo_asset_id.has_value());
}

BOOST_AUTO_TEST_CASE(user_and_user_page) {
    User u{42, "finance.manager", "Ольга Смирнова", RoleSet{Role::Finance, Role::FinanceManager}, true, 3};
    contract::Page<User> page{{u, u}, std::string("abc")};
    auto json = contract::PageToJson(page, [](const User& x) { return contract::ToJson(x); });
    auto back = contract::UserPageFromJson(nlohmann::json::parse(json.dump()));
    BOOST_REQUIRE(back.Ok());
    BOOST_REQUIRE_EQUAL(back.value->items.size(), 2u);
    const auto& b = back.value->items[1];
    BOOST_TEST(b.id == 42);
    BOOST_TEST(b.login == u.login);
    BOOST_TEST(b.name == u.name);
    BOOST_TEST((b.roles == u.roles));
    BOOST_TEST(b.disabled);
    BOOST_TEST(b.version == 3);
    BOOST_TEST(back.value->next_cursor.value_or("") == "abc");
}

BOOST_AUTO_TEST_CASE(last_page_has_null_cursor) {
    contract::Page<User> page;
    auto json = contract::PageToJson(page, [](const User& x) { return contract::ToJson(x); });
    BOOST_TEST(json["next_cursor"].is_null());
    auto back = contract::UserPageFromJson(json);
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(!back.value->next_cursor.has_value());
}

BOOST_AUTO_TEST_CASE(token_response) {
    contract::TokenResponse r{"tok", "2026-11-23T20:00:00+03:00", {5, "admin", "Иван", RoleSet{Role::PartnerAdmin}},
                              {1, "Берёзка"}};
    auto back = contract::TokenResponseFromJson(contract::ToJson(r));
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->access_token == "tok");
    BOOST_TEST(back.value->user.login == "admin");
    BOOST_TEST(back.value->user.roles.Has(Role::PartnerAdmin));
    BOOST_TEST(back.value->partner.name == "Берёзка");
}

BOOST_AUTO_TEST_CASE(audit_entry) {
    AuditEntry e{9, "2026-11-23T19:00:00+03:00", 5, "admin", "partnerctl/0.1.0", "user.create", "user", "12",
                 "created login new.user"};
    contract::Page<AuditEntry> page{{e}, std::nullopt};
    auto back = contract::AuditPageFromJson(
        contract::PageToJson(page, [](const AuditEntry& x) { return contract::ToJson(x); }));
    BOOST_REQUIRE(back.Ok());
    const auto& b = back.value->items.at(0);
    BOOST_TEST(b.actor_login == "admin");
    BOOST_TEST(b.actor_user_id == 5);
    BOOST_TEST(b.action == "user.create");
    BOOST_TEST(b.detail == e.detail);
}

BOOST_AUTO_TEST_CASE(problem_details) {
    auto p = contract::MakeProblem(422, "validation_failed", "2 problems",
                                   {{"/login", "required", "login is required"}, {"/roles/1", "unknown_role", "x"}});
    auto json = contract::ToJson(p);
    BOOST_TEST(json["title"] == "Unprocessable Content");
    auto back = contract::ProblemDetailsFromJson(json);
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->status == 422);
    BOOST_TEST(back.value->code == "validation_failed");
    BOOST_REQUIRE_EQUAL(back.value->errors.size(), 2u);
    BOOST_TEST(back.value->errors[1].field == "/roles/1");
}

BOOST_AUTO_TEST_CASE(new_user_and_roles_change) {
    NewUser u{"new.user", "Анна", "secret", RoleSet{Role::Viewer, Role::Marketing}};
    auto back = contract::NewUserFromJson(contract::ToJson(u));
    BOOST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->password == "secret");
    BOOST_TEST((back.value->roles == u.roles));
    auto change = contract::RolesChangeFromJson(contract::ToJson(contract::RolesChange{RoleSet{Role::Finance}}));
    BOOST_REQUIRE(change.Ok());
    BOOST_TEST(change.value->roles.Has(Role::Finance));
}

BOOST_AUTO_TEST_SUITE_END()
