// /sandbox/receipts, /sandbox/receipts/generate and /sandbox/wallets on a
// sandbox of its own (no simulated scans when the clock moves): two flights
// are submitted on Friday 25 December 2026 and the clock is moved to their
// first day, 12 January 2027. Each bad part of a QR is a 422 at /qr; a sale
// accrues within the cap and credits the wallet; the same receipt twice is
// refused; returns take back what the returned lines earned (nothing when
// the cap still holds); 1,000 concurrent scans against a nearly spent budget
// never pass it by a kopeck; the generator's scans show in the report; the
// wallet's 500 ₽ minimum and 6,000 ₽ a Moscow calendar month; a paused or
// stopped flight accrues nothing.
#include "cashback_helper.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
std::int64_t g_widgets = 0; // 10 % on widgets for holders of the polyanka card, capped at 300 ₽
std::int64_t g_budget = 0;  // 1 ₽ per item of the "budget" category, for everyone, 43.45 ₽ of budget

kpd::test::SandboxOptions ReceiptSandbox() {
    kpd::test::SandboxOptions options;
    options.clock = kClock;
    options.extra_args = {"--scans-per-day", "0"};
    return options;
}

struct ReceiptSuite : SuiteSandbox {
    ReceiptSuite() : SuiteSandbox(ReceiptSandbox()) {
        const auto token = Api().SignIn("marketing");
        g_widgets = CreateFlight(token, FlightBody("widgets", "2027-01-12", "2027-03-31", {"polyanka"})).at("id");
        auto budget = FlightBody("budget", "2027-01-12", "2027-03-31");
        budget["match"]["keywords"] = nlohmann::json::array();
        budget["cashback"] = {{"fixed_kop", 100}};
        budget["cap_per_receipt_kop"] = 100'000;
        budget["budget_kop"] = 4345;
        g_budget = CreateFlight(token, budget).at("id");
        for (auto id : {g_widgets, g_budget}) {
            const auto r = SubmitFlight(token, id);
            if (r.status != 200) throw std::runtime_error("submitting the suite's flight failed: " + r.body);
        }
        SetClock("2027-01-12T12:00:00+03:00");
    }
};

const char* kToday = "20270112T1130";

nlohmann::json Widgets(std::int64_t count, std::int64_t priceKop = 1000'00) {
    return nlohmann::json::array({Line("Виджет синий", "widgets", priceKop, count, "W-1"),
                                  Line("Батон нарезной 350 г", "bakery", 44'90)});
}

// A sale of `lines` on a fresh fiscal drive; the 201 answer.
Reply Sale(std::int64_t user, const nlohmann::json& lines, const std::string& fn, std::int64_t i = 1) {
    return Scan(user, Qr(kToday, SumOf(lines), fn, i, "10" + std::to_string(1000000 + i)), lines);
}

std::int64_t AccruedOn(const Reply& r, std::int64_t flight) {
    std::int64_t sum = 0;
    for (const auto& a : r.json.at("accruals")) {
        if (a.at("flight_id") == flight) sum += a.at("cashback_kop").get<std::int64_t>();
    }
    return sum;
}

bool HasProblemAt(const Reply& r, const std::string& field, const std::string& code = "") {
    for (const auto& e : r.json.at("errors")) {
        if (e.at("field") == field && (code.empty() || e.at("code") == code) &&
            !e.at("message").get<std::string>().empty()) {
            return true;
        }
    }
    return false;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_receipts, *utf::fixture<ReceiptSuite>())

BOOST_AUTO_TEST_CASE(each_bad_part_of_a_qr_is_a_422_at_qr_and_lines_must_add_up) {
    const auto user = AppUserHolding("polyanka");
    const auto lines = Widgets(1);
    const auto sum = SumOf(lines);
    const std::string fn = FreshFn();
    struct Case {
        const char* what;
        std::string qr;
    };
    const Case cases[] = {
        {"no fn", "t=" + std::string(kToday) + "&s=1044.90&i=1&fp=1234567890&n=1"},
        {"letters in the sum", "t=" + std::string(kToday) + "&s=10a4.90&fn=" + fn + "&i=1&fp=1234567890&n=1"},
        {"30 February", "t=20270230T1130&s=1044.90&fn=" + fn + "&i=1&fp=1234567890&n=1"},
        {"an unknown operation", "t=" + std::string(kToday) + "&s=1044.90&fn=" + fn + "&i=1&fp=1234567890&n=9"},
    };
    for (const auto& c : cases) {
        const auto r = Scan(user, c.qr, lines);
        BOOST_TEST(r.status == 422, c.what);
        BOOST_TEST(r.Code() == "validation_failed", c.what);
        BOOST_TEST(HasProblemAt(r, "/qr"), c.what << ": " << r.body);
    }
    auto r = Scan(user, Qr(kToday, sum + 1, fn, 1, "1234567890"), lines);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(HasProblemAt(r, "/items", "sum_mismatch"));
    r = Scan(0, Qr(kToday, sum, fn, 1, "1234567890"), lines);
    BOOST_TEST(HasProblemAt(r, "/user_id"));
    r = Scan(user, Qr("20270113T1130", sum, fn, 1, "1234567890"), lines); // tomorrow
    BOOST_TEST(HasProblemAt(r, "/qr", "in_future"));
    // None of them was kept: the same document scans fine now.
    BOOST_TEST(Scan(user, Qr(kToday, sum, fn, 1, "1234567890"), lines).status == 201);
}

BOOST_AUTO_TEST_CASE(a_sale_accrues_within_the_cap_credits_the_wallet_and_scans_once) {
    const auto token = Api().SignIn("viewer");
    const auto holder = AppUserHolding("polyanka", true, 10000);
    const auto other = AppUserHolding("polyanka", false, 10000);
    const auto before = ReportOf(token, g_widgets);
    const auto wallet = WalletOf(holder).at("balance_kop").get<std::int64_t>();

    const std::string fn = FreshFn();
    auto r = Sale(holder, Widgets(2, 1234'50), fn); // 2 × 1,234.50 ₽ at 10 % = 246.90 ₽
    BOOST_REQUIRE_EQUAL(r.status, 201);
    BOOST_TEST(r.json.at("operation") == 1);
    BOOST_TEST(AccruedOn(r, g_widgets) == 246'90);
    BOOST_TEST(AccruedOn(r, g_budget) == 0);
    r = Sale(holder, Widgets(4), FreshFn()); // 400 ₽ capped at 300 ₽
    BOOST_TEST(AccruedOn(r, g_widgets) == 300'00);
    BOOST_TEST(WalletOf(holder).at("balance_kop").get<std::int64_t>() == wallet + 546'90);

    r = Sale(other, Widgets(2), FreshFn()); // the flight does not reach users without the card
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.json.at("accruals").empty());

    r = Sale(holder, Widgets(2, 1234'50), fn); // the same fn, i and fp again
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.Code() == "receipt_already_scanned");

    const auto after = ReportOf(token, g_widgets);
    BOOST_TEST(after.at("accrued_kop").get<std::int64_t>() == before.at("accrued_kop").get<std::int64_t>() + 546'90);
    BOOST_TEST(after.at("receipts_matched").get<std::int64_t>() ==
               before.at("receipts_matched").get<std::int64_t>() + 2);
    BOOST_TEST(after.at("receipts_scanned").get<std::int64_t>() ==
               before.at("receipts_scanned").get<std::int64_t>() + 2); // the other user is not reached
    BOOST_TEST(after.at("daily").back().at("date") == "2027-01-12");
    BOOST_TEST(after.at("budget_left_kop").get<std::int64_t>() ==
               after.at("budget_kop").get<std::int64_t>() - after.at("accrued_kop").get<std::int64_t>());
    // 1 000 000 ₽ at a few hundred roubles a day lasts well past the flight's end (31 March): no day is named.
    BOOST_TEST(after.at("forecast_exhausted_on").is_null());
}

BOOST_AUTO_TEST_CASE(of_racing_scans_of_one_receipt_exactly_one_counts) {
    const auto user = AppUserHolding("polyanka", true, 14000);
    const auto balance = WalletOf(user).at("balance_kop").get<std::int64_t>();
    const auto lines = Widgets(1);
    const auto qr = Qr(kToday, SumOf(lines), FreshFn(), 1, "4000000001");
    std::atomic<int> created{0}, refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            const auto r = Scan(user, qr, lines);
            if (r.status == 201) ++created;
            if (r.status == 409 && r.Code() == "receipt_already_scanned") ++refused;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(created == 1);
    BOOST_TEST(refused == 7);
    BOOST_TEST(WalletOf(user).at("balance_kop").get<std::int64_t>() == balance + 100'00);
}

BOOST_AUTO_TEST_CASE(a_return_takes_back_what_the_returned_lines_earned) {
    const auto token = Api().SignIn("marketing");
    const auto user = AppUserHolding("polyanka", true, 11000);
    const std::string fn = FreshFn();
    BOOST_REQUIRE_EQUAL(AccruedOn(Sale(user, Widgets(2, 1234'50), fn, 1), g_widgets), 246'90);
    const auto before = ReportOf(token, g_widgets);
    const auto balance = WalletOf(user).at("balance_kop").get<std::int64_t>();

    const auto one = nlohmann::json::array({Line("Виджет синий", "widgets", 1234'50, 1, "W-1")});
    auto r = Scan(user, Qr(kToday, SumOf(one), fn, 2, "2000000002", 2), one, 1);
    BOOST_REQUIRE_EQUAL(r.status, 201);
    BOOST_TEST(r.json.at("operation") == 2);
    BOOST_TEST(AccruedOn(r, g_widgets) == -123'45);
    BOOST_TEST(WalletOf(user).at("balance_kop").get<std::int64_t>() == balance - 123'45);
    auto report = ReportOf(token, g_widgets);
    BOOST_TEST(report.at("reversed_kop").get<std::int64_t>() == before.at("reversed_kop").get<std::int64_t>() + 123'45);
    BOOST_TEST(report.at("accrued_kop").get<std::int64_t>() == before.at("accrued_kop").get<std::int64_t>() - 123'45);

    r = Scan(user, Qr(kToday, SumOf(one), fn, 3, "2000000003", 2), one, 1); // the second widget
    BOOST_TEST(AccruedOn(r, g_widgets) == -123'45);
    r = Scan(user, Qr(kToday, SumOf(one), fn, 4, "2000000004", 2), one, 1); // there is no third
    BOOST_TEST(r.status == 422);
    BOOST_TEST(HasProblemAt(r, "/items/0", "not_on_original"));
    r = Scan(user, Qr(kToday, SumOf(one), fn, 5, "2000000005", 2), one, 99); // no such sale
    BOOST_TEST(HasProblemAt(r, "/original_document", "original_not_found"));

    // Four widgets earn 400 ₽, capped at 300 ₽; returning one leaves 300 ₽ earned: nothing to take back.
    const std::string capped = FreshFn();
    BOOST_REQUIRE_EQUAL(AccruedOn(Sale(user, Widgets(4), capped, 1), g_widgets), 300'00);
    const auto widget = nlohmann::json::array({Line("Виджет синий", "widgets", 1000'00, 1, "W-1")});
    r = Scan(user, Qr(kToday, SumOf(widget), capped, 2, "2000000012", 2), widget, 1);
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.json.at("accruals").empty());
    // A second one leaves 200 ₽ of the 300 ₽: 100 ₽ back.
    r = Scan(user, Qr(kToday, SumOf(widget), capped, 3, "2000000013", 2), widget, 1);
    BOOST_TEST(AccruedOn(r, g_widgets) == -100'00);
}

BOOST_AUTO_TEST_CASE(a_thousand_concurrent_scans_never_pass_a_nearly_spent_budget) {
    const auto token = Api().SignIn("marketing");
    // 20 items take 20 ₽ of the 43.45 ₽: 23.45 ₽ is left for a thousand scans of 1 ₽ each.
    const auto twenty = nlohmann::json::array({Line("Товар бюджета", "budget", 10'00, 20)});
    BOOST_REQUIRE_EQUAL(AccruedOn(Sale(1, twenty, FreshFn()), g_budget), 20'00);

    const std::string fn = FreshFn();
    const auto one = nlohmann::json::array({Line("Товар бюджета", "budget", 10'00, 1)});
    std::atomic<int> next{0}, created{0};
    std::atomic<std::int64_t> granted{0}, grants{0};
    std::mutex failuresMutex;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&] {
            for (int i = next++; i < 1000; i = next++) {
                const auto r = Scan(1 + i % 5000, Qr(kToday, 10'00, fn, 1 + i, std::to_string(3000000000LL + i)), one);
                if (r.status != 201) {
                    std::lock_guard lock(failuresMutex);
                    failures.push_back(std::to_string(r.status) + " " + r.body);
                    continue;
                }
                ++created;
                const auto kop = AccruedOn(r, g_budget);
                granted += kop;
                grants += kop > 0 ? 1 : 0;
            }
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(failures.empty(), (failures.empty() ? "" : failures.front()));
    BOOST_TEST(created == 1000);
    BOOST_TEST(granted == 23'45); // every kopeck left, not one more
    BOOST_TEST(grants == 24);     // 23 scans of 1 ₽ and one of the last 45 kop
    const auto report = ReportOf(token, g_budget);
    BOOST_TEST(report.at("accrued_kop") == 43'45);
    BOOST_TEST(report.at("budget_left_kop") == 0);
    // Scans after the budget ran out no longer see the finished flight.
    BOOST_TEST(report.at("receipts_matched").get<std::int64_t>() >= 25);
    const auto flight = Api().Get("/v1/cashback-flights/" + std::to_string(g_budget), token).json;
    BOOST_TEST(flight.at("status") == "finished");
    BOOST_TEST(flight.at("finish_reason") == "budget_spent");
    BOOST_TEST(flight.at("accrued_kop") == flight.at("budget_kop"));
}

BOOST_AUTO_TEST_CASE(a_wallet_pays_out_from_500_roubles_and_at_most_6000_a_moscow_month) {
    const auto user = AppUserHolding("polyanka", true, 12000);
    const auto path = "/v1/sandbox/wallets/" + std::to_string(user) + "/withdraw";
    auto withdraw = [&](std::int64_t kop) { return Api().Json("POST", path, {{"amount_kop", kop}}); };
    BOOST_REQUIRE_EQUAL(AccruedOn(Sale(user, Widgets(4), FreshFn()), g_widgets), 300'00);
    auto wallet = WalletOf(user);
    BOOST_TEST(wallet.at("can_withdraw") == false);
    auto r = withdraw(100'00);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.Code() == "below_minimum");

    for (int i = 0; i < 22; ++i) { // 23 receipts of 300 ₽: 6,900 ₽
        BOOST_REQUIRE_EQUAL(AccruedOn(Sale(user, Widgets(4), FreshFn()), g_widgets), 300'00);
    }
    wallet = WalletOf(user);
    BOOST_TEST(wallet.at("balance_kop") == 6900'00);
    BOOST_TEST(wallet.at("can_withdraw") == true);
    BOOST_TEST(withdraw(7000'00).Code() == "monthly_limit");
    BOOST_TEST(withdraw(0).Code() == "validation_failed");
    r = withdraw(6000'00);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("balance_kop") == 900'00);
    BOOST_TEST(r.json.at("withdrawn_this_month_kop") == 6000'00);
    BOOST_TEST(r.json.at("can_withdraw") == false);
    BOOST_TEST(withdraw(1).Code() == "monthly_limit");

    SetClock("2027-01-31T23:59:00+03:00"); // still January in Moscow
    BOOST_TEST(withdraw(100'00).Code() == "monthly_limit");
    SetClock("2027-02-01T00:01:00+03:00"); // 21:01 UTC on 31 January, but February in Moscow
    BOOST_TEST(WalletOf(user).at("withdrawn_this_month_kop") == 0);
    r = withdraw(400'00);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("balance_kop") == 500'00);
    BOOST_TEST(r.json.at("withdrawn_this_month_kop") == 400'00);
    BOOST_TEST(withdraw(600'00).Code() == "insufficient_balance");
    BOOST_TEST(Direct().Get("/v1/sandbox/wallets/0").status == 404); // breaks the document: user ids start at 1
}

BOOST_AUTO_TEST_CASE(generated_scans_match_live_flights_and_show_in_the_report) {
    const auto token = Api().SignIn("marketing");
    const auto before = ReportOf(token, g_widgets);
    const auto r = Api().Json("POST", "/v1/sandbox/receipts/generate", {{"count", 400}});
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("generated") == 400);
    BOOST_TEST(r.json.at("matched").get<std::int64_t>() > 10);
    BOOST_TEST(r.json.at("accrued_kop").get<std::int64_t>() > 0);
    const auto after = ReportOf(token, g_widgets);
    const auto scanned = after.at("receipts_scanned").get<std::int64_t>() - before.at("receipts_scanned").get<std::int64_t>();
    BOOST_TEST(scanned > 60);   // about a third of the users hold the card
    BOOST_TEST(scanned < 250);
    const auto widgets = after.at("accrued_kop").get<std::int64_t>() - before.at("accrued_kop").get<std::int64_t>();
    BOOST_TEST(widgets > 0);
    BOOST_TEST(widgets <= r.json.at("accrued_kop").get<std::int64_t>()); // the demo's live flights took the rest
    BOOST_TEST(Api().Json("POST", "/v1/sandbox/receipts/generate", {{"count", 0}}).status == 422);
}

BOOST_AUTO_TEST_CASE(a_paused_flight_accrues_nothing_until_resumed) {
    const auto token = Api().SignIn("marketing");
    const auto user = AppUserHolding("polyanka", true, 13000);
    const auto path = "/v1/cashback-flights/" + std::to_string(g_widgets);
    auto act = [&](const char* action) {
        return Api().Send("POST", path + "/" + action, "", {{"Authorization", "Bearer " + token}});
    };
    const auto balance = WalletOf(user).at("balance_kop").get<std::int64_t>();
    BOOST_REQUIRE_EQUAL(act("pause").status, 200);
    auto r = Sale(user, Widgets(2), FreshFn());
    BOOST_TEST(r.status == 201);
    BOOST_TEST(AccruedOn(r, g_widgets) == 0);
    BOOST_REQUIRE_EQUAL(act("resume").status, 200);
    r = Sale(user, Widgets(2), FreshFn());
    BOOST_TEST(AccruedOn(r, g_widgets) == 200'00);
    BOOST_REQUIRE_EQUAL(act("stop").status, 200);
    r = Sale(user, Widgets(2), FreshFn());
    BOOST_TEST(AccruedOn(r, g_widgets) == 0);
    BOOST_TEST(WalletOf(user).at("balance_kop").get<std::int64_t>() == balance + 200'00);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cashback_clock)

// Moving the clock over whole Moscow days simulates the scans of each day.
BOOST_AUTO_TEST_CASE(moving_the_clock_over_two_days_adds_two_days_of_scans_to_the_live_flight) {
    kpd::test::SandboxOptions options;
    options.clock = kClock;
    options.extra_args = {"--scans-per-day", "80", "--demo-transactions", "0"};
    SuiteSandbox sandbox(options);
    const auto token = Api().SignIn("marketing");
    std::int64_t live = 0;
    const auto list = Api().Get("/v1/cashback-flights", token);
    for (const auto& f : list.json.at("items")) {
        if (f.at("status") == "live") live = f.at("id");
    }
    BOOST_REQUIRE_MESSAGE(live != 0, "no live flight among " << list.body);
    const auto before = ReportOf(token, live);
    Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 1800}}); // the same day: nothing
    BOOST_TEST(ReportOf(token, live).at("receipts_scanned") == before.at("receipts_scanned"));

    BOOST_REQUIRE_EQUAL(Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 2 * 86400}}).status, 200);
    const auto after = ReportOf(Api().SignIn("marketing"), live); // the old token expired meanwhile
    const auto& days = after.at("daily");
    BOOST_REQUIRE(days.size() >= 3u);
    BOOST_TEST(days.back().at("date") == "2026-12-27"); // today, not simulated yet
    for (const char* date : {"2026-12-25", "2026-12-26"}) {
        bool found = false;
        for (const auto& d : days) {
            if (d.at("date") == date) {
                found = true;
                BOOST_TEST(d.at("scanned").get<std::int64_t>() > 10, date);
                BOOST_TEST(d.at("matched").get<std::int64_t>() > 0, date);
                BOOST_TEST(d.at("accrued_kop").get<std::int64_t>() > 0, date);
            }
        }
        BOOST_TEST(found, date);
    }
    BOOST_TEST(after.at("accrued_kop").get<std::int64_t>() > before.at("accrued_kop").get<std::int64_t>());
}

BOOST_AUTO_TEST_SUITE_END()
