// Dolyami days passing on the sandbox clock: each Moscow day that ends gets
// its register (pending review, purchases with fresh order ids, paid out on
// the next business day of the production calendar), a month that ends gets
// its invoice computed from what the sandbox holds, and moving the clock
// again over the same days adds nothing.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
nlohmann::json Registers(const std::string& token, const std::string& from, const std::string& to) {
    const auto r = Api().Get("/v1/settlements?limit=100&from=" + from + "&to=" + to, token);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_REQUIRE(r.json.at("next_cursor").is_null());
    return r.json.at("items");
}

nlohmann::json Purchases(const std::string& token, std::int64_t registerId) {
    nlohmann::json all = nlohmann::json::array();
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
        const auto r = Api().Get("/v1/settlements/" + std::to_string(registerId) + "/transactions?limit=500" +
                                     (cursor.empty() ? "" : "&cursor=" + cursor),
                                 token);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        for (const auto& t : r.json.at("items")) all.push_back(t);
        if (r.json.at("next_cursor").is_null()) break;
        cursor = r.json.at("next_cursor").get<std::string>();
    }
    return all;
}

void AdvanceDays(int days) {
    const auto r = Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", days * 86400}});
    BOOST_REQUIRE_EQUAL(r.status, 200);
}
} // namespace

BOOST_AUTO_TEST_SUITE(settlement_days, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(days_that_end_bring_registers_and_an_ended_month_its_invoice) {
    auto token = Api().SignIn("finance");
    // The suite's clock stands on 2026-12-25; the seed's newest register is the 24th's.
    BOOST_TEST(Registers(token, "2026-12-25", "2027-12-31").empty());
    BOOST_TEST(Api().Get("/v1/commission-invoices?month=2026-12", token).status == 404);
    std::set<std::string> seenOrders;
    for (const auto& reg : Registers(token, "2026-12-20", "2026-12-24")) {
        for (const auto& t : Purchases(token, reg.at("id").get<std::int64_t>())) seenOrders.insert(t.at("order_id"));
    }

    AdvanceDays(8); // to 2027-01-02: 25 December … 1 January have ended
    token = Api().SignIn("finance"); // the old token expired on the way
    const auto added = Registers(token, "2026-12-25", "2027-12-31");
    BOOST_REQUIRE_EQUAL(added.size(), 8u);
    BOOST_TEST(added.front().at("business_date") == "2027-01-01"); // newest first
    BOOST_TEST(added.back().at("business_date") == "2026-12-25");
    for (const auto& reg : added) {
        const std::string date = reg.at("business_date");
        BOOST_TEST(reg.at("status") == "pending_review", date);
        BOOST_TEST(reg.at("payout_kop").get<std::int64_t>() ==
                       reg.at("turnover_kop").get<std::int64_t>() - reg.at("refunds_kop").get<std::int64_t>(),
                   date);
        const auto purchases = Purchases(token, reg.at("id").get<std::int64_t>());
        BOOST_TEST(purchases.size() == reg.at("count").get<std::size_t>(), date);
        BOOST_TEST(!purchases.empty(), date);
        std::int64_t turnover = 0;
        for (const auto& t : purchases) {
            turnover += t.at("amount_kop").get<std::int64_t>();
            BOOST_TEST(t.at("purchased_at").get<std::string>().substr(0, 10) == date);
            BOOST_TEST(seenOrders.insert(t.at("order_id").get<std::string>()).second, "a fresh order id");
        }
        BOOST_TEST(turnover == reg.at("turnover_kop").get<std::int64_t>(), date);
    }
    // 31 December 2026 is a day off by the decree, 1–8 January are holidays and
    // 9–10 January a weekend: the 30th's register pays out on Monday 11 January.
    for (const auto& reg : added) {
        if (reg.at("business_date") == "2026-12-30") BOOST_TEST(reg.at("payout_date") == "2027-01-11");
        if (reg.at("business_date") == "2026-12-29") BOOST_TEST(reg.at("payout_date") == "2026-12-30");
    }

    // December has ended: its invoice is computed from December's counted
    // purchases (Moscow time) and the refunds of December's registers.
    const auto invoice = Api().Get("/v1/commission-invoices?month=2026-12", token);
    BOOST_REQUIRE_EQUAL(invoice.status, 200);
    std::int64_t turnover = 0, refunds = 0;
    for (const auto& reg : Registers(token, "2026-12-01", "2026-12-31")) {
        refunds += reg.at("refunds_kop").get<std::int64_t>();
        for (const auto& t : Purchases(token, reg.at("id").get<std::int64_t>())) {
            const std::string status = t.at("status");
            if (status == "committed" || status == "completed") turnover += t.at("amount_kop").get<std::int64_t>();
        }
    }
    BOOST_TEST(invoice.json.at("turnover_kop").get<std::int64_t>() == turnover);
    BOOST_TEST(invoice.json.at("refunds_kop").get<std::int64_t>() == refunds);
    BOOST_TEST(invoice.json.at("status") == "issued");
    BOOST_TEST(invoice.json.at("vat_kop").get<std::int64_t>() ==
               (invoice.json.at("commission_kop").get<std::int64_t>() * 2200 + 5000) / 10000);

    // Moving the clock within the day, or back, adds nothing; the next day adds one.
    const auto back = Api().Json("POST", "/v1/sandbox/clock", {{"now", "2026-12-28T12:00:00+03:00"}});
    BOOST_REQUIRE_EQUAL(back.status, 200);
    BOOST_TEST(Registers(token, "2026-12-25", "2027-12-31").size() == 8u);
    const auto forth = Api().Json("POST", "/v1/sandbox/clock", {{"now", "2027-01-03T00:30:00+03:00"}});
    BOOST_REQUIRE_EQUAL(forth.status, 200);
    token = Api().SignIn("finance");
    const auto later = Registers(token, "2026-12-25", "2027-12-31");
    BOOST_REQUIRE_EQUAL(later.size(), 9u);
    BOOST_TEST(later.front().at("business_date") == "2027-01-02");
}

BOOST_AUTO_TEST_SUITE_END()
