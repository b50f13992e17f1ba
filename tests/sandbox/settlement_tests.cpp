// /settlements and /commission-invoices: the demo chain's registers, their
// purchases as pages and as gzip NDJSON, finance roles only, the four-eyes
// approval (nobody twice, a manager for the second), two racing approvals,
// a replayed approval, disputes with unknown orders at their pointers, and
// commission invoices accepted once.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <sstream>
#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
nlohmann::json AllRegisters(const std::string& token, const std::string& query = "") {
    nlohmann::json all = nlohmann::json::array();
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
        std::string path = "/v1/settlements?limit=40" + query + (cursor.empty() ? "" : "&cursor=" + cursor);
        auto r = Api().Get(path, token);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        for (const auto& item : r.json.at("items")) all.push_back(item);
        if (r.json.at("next_cursor").is_null()) break;
        cursor = r.json.at("next_cursor").get<std::string>();
    }
    return all;
}

// The first pending register whose four-eyes flag is `needsTwo`, not yet used by a case.
nlohmann::json PendingRegister(const std::string& token, bool needsTwo) {
    for (const auto& r : AllRegisters(token)) {
        if (r.at("status") == "pending_review" && r.at("needs_second_approval") == needsTwo &&
            r.at("approvals").empty()) {
            return r;
        }
    }
    BOOST_FAIL("no pending register with needs_second_approval=" << needsTwo << " left");
    return {};
}

Reply Approve(const std::string& token, std::int64_t id, const std::string& comment = "сверено", Headers headers = {}) {
    return Api().Json("POST", "/v1/settlements/" + std::to_string(id) + "/approve", {{"comment", comment}}, token,
                      std::move(headers));
}
} // namespace

BOOST_AUTO_TEST_SUITE(settlements, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(finance_users_see_three_months_of_registers_others_do_not) {
    const auto token = Api().SignIn("finance");
    const auto registers = AllRegisters(token);
    BOOST_TEST(registers.size() == 92u);
    BOOST_TEST(registers.front().at("business_date") == "2026-12-24"); // newest first: yesterday on the suite's clock
    std::int64_t count = 0;
    for (const auto& r : registers) {
        count += r.at("count").get<std::int64_t>();
        BOOST_TEST(r.at("payout_kop").get<std::int64_t>() ==
                   r.at("turnover_kop").get<std::int64_t>() - r.at("refunds_kop").get<std::int64_t>());
    }
    BOOST_TEST(count == 3000); // the tests' seed volume

    const auto december = AllRegisters(token, "&from=2026-12-01&to=2026-12-10");
    BOOST_TEST(december.size() == 10u);
    // Breaks the document on purpose: straight to the sandbox.
    BOOST_TEST(Direct().Get("/v1/settlements?from=1.12.2026", token).status == 400);

    for (const char* login : {"viewer", "marketing", "admin", "loyalty"}) {
        const auto r = Api().Get("/v1/settlements", Api().SignIn(login));
        BOOST_TEST(r.status == 403, login);
        BOOST_TEST(r.Code() == "forbidden", login);
    }
    BOOST_TEST(Api().Get("/v1/settlements/999999", token).status == 404);
}

BOOST_AUTO_TEST_CASE(a_registers_purchases_add_up_in_pages_and_in_gzip_ndjson) {
    const auto token = Api().SignIn("finance.manager");
    const auto reg = AllRegisters(token).at(3);
    const std::string base = "/v1/settlements/" + std::to_string(reg.at("id").get<std::int64_t>()) + "/transactions";
    std::int64_t rows = 0, turnover = 0;
    std::string cursor;
    for (int page = 0; page < 50; ++page) {
        auto r = Api().Get(base + "?limit=7" + (cursor.empty() ? "" : "&cursor=" + cursor), token);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        for (const auto& t : r.json.at("items")) {
            ++rows;
            turnover += t.at("amount_kop").get<std::int64_t>();
            BOOST_TEST(t.at("payment_schedule").size() == 4u);
        }
        if (r.json.at("next_cursor").is_null()) break;
        cursor = r.json.at("next_cursor").get<std::string>();
    }
    BOOST_TEST(rows == reg.at("count").get<std::int64_t>());
    BOOST_TEST(turnover == reg.at("turnover_kop").get<std::int64_t>());

    // The bulk form: every row, one JSON object per line, compressed on the wire.
    httplib::Client raw(Sandbox().DirectUrl());
    raw.set_decompress(false);
    auto zipped = raw.Get(base, {{"Authorization", "Bearer " + token}, {"Accept", "application/x-ndjson"},
                                 {"Accept-Encoding", "gzip"}});
    BOOST_REQUIRE(zipped);
    BOOST_TEST(zipped->status == 200);
    BOOST_TEST(zipped->get_header_value("Content-Encoding") == "gzip");
    const auto lines = Direct().Send("GET", base, "", {{"Authorization", "Bearer " + token},
                                                         {"Accept", "application/x-ndjson"}});
    BOOST_TEST(lines.Header("Content-Type").find("application/x-ndjson") == 0u);
    std::istringstream in(lines.body);
    std::string line;
    std::int64_t ndjsonRows = 0, ndjsonTurnover = 0;
    while (std::getline(in, line)) {
        ++ndjsonRows;
        ndjsonTurnover += nlohmann::json::parse(line).at("amount_kop").get<std::int64_t>();
    }
    BOOST_TEST(ndjsonRows == rows);
    BOOST_TEST(ndjsonTurnover == turnover);
    BOOST_TEST(zipped->body.size() < lines.body.size() / 2);
}

BOOST_AUTO_TEST_CASE(below_the_threshold_one_approval_settles_a_register_once) {
    const auto token = Api().SignIn("finance");
    const auto reg = PendingRegister(token, false);
    const auto id = reg.at("id").get<std::int64_t>();
    const auto approved = Approve(token, id, "сверено с кассой");
    BOOST_REQUIRE_EQUAL(approved.status, 200);
    BOOST_TEST(approved.json.at("status") == "approved");
    BOOST_TEST(approved.json.at("approvals").size() == 1u);
    BOOST_TEST(approved.json.at("approvals").at(0).at("login") == "finance");
    BOOST_TEST(approved.json.at("approvals").at(0).at("comment") == "сверено с кассой");
    const auto again = Approve(Api().SignIn("finance.manager"), id);
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.Code() == "register_not_pending");
}

BOOST_AUTO_TEST_CASE(above_the_threshold_a_different_finance_manager_gives_the_second_approval) {
    const auto finance = Api().SignIn("finance");
    const auto reg = PendingRegister(finance, true);
    const auto id = reg.at("id").get<std::int64_t>();

    const auto first = Approve(finance, id);
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_TEST(first.json.at("status") == "pending_review");
    BOOST_TEST(first.json.at("approvals").size() == 1u);

    const auto twice = Approve(finance, id);
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.Code() == "already_approved_by_you");

    const std::string clerk = FreshLogin("clerk");
    CreateUser(clerk, {"finance"});
    const auto notManager = Approve(Api().SignIn(clerk, "pass1234"), id);
    BOOST_TEST(notManager.status == 409);
    BOOST_TEST(notManager.Code() == "second_approval_needs_manager");

    const auto second = Approve(Api().SignIn("finance.manager"), id);
    BOOST_REQUIRE_EQUAL(second.status, 200);
    BOOST_TEST(second.json.at("status") == "approved");
    BOOST_TEST(second.json.at("approvals").size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_first_approver_cannot_give_the_second_approval_even_as_a_manager) {
    const auto manager = Api().SignIn("finance.manager");
    const auto id = PendingRegister(manager, true).at("id").get<std::int64_t>();
    BOOST_REQUIRE_EQUAL(Approve(manager, id).status, 200);
    const auto twice = Approve(manager, id);
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.Code() == "already_approved_by_you");
}

BOOST_AUTO_TEST_CASE(two_finance_users_approving_at_once_make_one_change) {
    const auto finance = Api().SignIn("finance");
    const auto manager = Api().SignIn("finance.manager");
    const auto id = PendingRegister(finance, false).at("id").get<std::int64_t>();
    Reply a, b;
    std::thread ta([&] { a = Approve(finance, id); });
    std::thread tb([&] { b = Approve(manager, id); });
    ta.join();
    tb.join();
    BOOST_TEST(((a.status == 200) != (b.status == 200)), "statuses " << a.status << " and " << b.status);
    const auto& loser = a.status == 200 ? b : a;
    BOOST_TEST(loser.status == 409);
    BOOST_TEST((loser.Code() == "register_not_pending" || loser.Code() == "register_changed"), loser.Code());
    const auto now = Api().Get("/v1/settlements/" + std::to_string(id), finance);
    BOOST_TEST(now.json.at("status") == "approved");
    BOOST_TEST(now.json.at("approvals").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_retried_approval_with_the_same_key_is_applied_once) {
    const auto finance = Api().SignIn("finance");
    const auto reg = PendingRegister(finance, true);
    const auto id = reg.at("id").get<std::int64_t>();
    const Headers key{{"Idempotency-Key", "approve-" + std::to_string(id)}};
    const auto first = Approve(finance, id, "первое", key);
    BOOST_REQUIRE_EQUAL(first.status, 200);
    const auto replay = Approve(finance, id, "первое", key); // the desk never saw the first answer
    BOOST_TEST(replay.status == 200);
    BOOST_TEST(replay.Header("Idempotent-Replayed") == "true");
    const auto now = Api().Get("/v1/settlements/" + std::to_string(id), finance);
    BOOST_TEST(now.json.at("approvals").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_dispute_names_orders_on_the_register_and_gives_a_reason) {
    const auto finance = Api().SignIn("finance");
    const auto id = PendingRegister(finance, false).at("id").get<std::int64_t>();
    const std::string path = "/v1/settlements/" + std::to_string(id);
    const auto first = Api().Get(path + "/transactions?limit=1", finance).json.at("items").at(0).at("order_id");
    const auto unknown = Api().Json("POST", path + "/dispute", {{"reason", "нет в кассе"}, {"order_ids", {first, "NOPE-1"}}},
                                    finance);
    BOOST_TEST(unknown.status == 422);
    BOOST_TEST(unknown.json.at("errors").size() == 1u);
    BOOST_TEST(unknown.json.at("errors").at(0).at("field") == "/order_ids/1");
    BOOST_TEST(Api().Get(path, finance).json.at("status") == "pending_review"); // nothing changed

    const auto noReason = Direct().Json("POST", path + "/dispute", {{"reason", ""}, {"order_ids", {first}}}, finance);
    BOOST_TEST(noReason.status == 422);

    const auto disputed = Api().Json("POST", path + "/dispute", {{"reason", "двойной чек"}, {"order_ids", {first}}}, finance);
    BOOST_REQUIRE_EQUAL(disputed.status, 200);
    BOOST_TEST(disputed.json.at("status") == "disputed");
    BOOST_TEST(Approve(finance, id).Code() == "register_not_pending");
}

BOOST_AUTO_TEST_CASE(commission_invoices_for_ended_months_accepted_once) {
    const auto finance = Api().SignIn("finance");
    const auto november = Api().Get("/v1/commission-invoices?month=2026-11", finance);
    BOOST_REQUIRE_EQUAL(november.status, 200);
    const auto& inv = november.json;
    BOOST_TEST(inv.at("base_kop").get<std::int64_t>() ==
               inv.at("turnover_kop").get<std::int64_t>() - inv.at("refunds_kop").get<std::int64_t>());
    BOOST_TEST(inv.at("total_kop").get<std::int64_t>() ==
               inv.at("commission_kop").get<std::int64_t>() + inv.at("vat_kop").get<std::int64_t>());
    BOOST_TEST(inv.at("status") == "issued");
    BOOST_TEST(Api().Get("/v1/commission-invoices?month=2026-12", finance).status == 404); // not ended yet
    BOOST_TEST(Api().Get("/v1/commission-invoices?month=2026-13", finance).status == 400);

    const auto accepted = Api().Json("POST", "/v1/commission-invoices/2026-11/accept", nlohmann::json::object(), finance);
    BOOST_REQUIRE_EQUAL(accepted.status, 200);
    BOOST_TEST(accepted.json.at("status") == "accepted");
    const auto again = Api().Json("POST", "/v1/commission-invoices/2026-11/dispute", {{"reason", "поздно"}}, finance);
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.Code() == "invoice_not_issued");
    BOOST_TEST(Api().Get("/v1/commission-invoices?month=2026-11", Api().SignIn("marketing")).status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
