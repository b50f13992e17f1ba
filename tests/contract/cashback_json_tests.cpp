#include "contract/cashback_json.h"
#include "domain/cashback_sample.h"

#include "support/problem_checks.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd;
using kpd::test::HasProblemAt;
using kpd::test::Dump;
using nlohmann::json;

namespace {
domain::CashbackFlight LiveFlight() {
    auto f = domain::SampleFlight();
    f.id = 17;
    f.version = 4;
    f.status = domain::FlightStatus::Finished;
    f.finish_reason = domain::FinishReason::BudgetSpent;
    f.offer.image_asset_id = "asset_9";
    f.targeting.loyalty_cards = {"polyanka"};
    f.submitted_on = domain::CivilDate{2026, 11, 23};
    f.accrued_kop = 100'000'00;
    f.created_at = "2026-11-20T10:00:00+03:00";
    f.updated_at = "2026-12-05T18:30:00+03:00";
    return f;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_json)

BOOST_AUTO_TEST_CASE(a_flight_round_trips_with_every_field) {
    const auto f = LiveFlight();
    const auto j = contract::ToJson(f);
    BOOST_TEST(j["status"] == "finished");
    BOOST_TEST(j["finish_reason"] == "budget_spent");
    BOOST_TEST(j["starts_on"] == "2026-12-01");
    BOOST_TEST(j["submitted_on"] == "2026-11-23");
    BOOST_TEST(j["cashback"] == json({{"percent_bp", 500}}));
    BOOST_TEST(j["offer"]["title"] == f.offer.title);
    const auto back = contract::FlightFromJson(json::parse(j.dump()));
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST((*back.value == f));
}

BOOST_AUTO_TEST_CASE(a_draft_writes_nulls_and_a_fixed_cashback_reads_back) {
    auto f = domain::SampleFlight();
    f.id = 3;
    f.version = 1;
    f.cashback = {std::nullopt, 50'00};
    const auto j = contract::ToJson(f);
    BOOST_TEST(j["submitted_on"].is_null());
    BOOST_TEST(j["finish_reason"].is_null());
    BOOST_TEST(j["offer"]["image_asset_id"].is_null());
    BOOST_TEST(j["cashback"] == json({{"fixed_kop", 5000}}));
    const auto back = contract::FlightFromJson(j);
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST((*back.value == f));
}

BOOST_AUTO_TEST_CASE(a_page_of_flights_reads_each_with_its_pointer) {
    contract::Page<domain::CashbackFlight> page{{LiveFlight(), domain::SampleFlight()}, std::string("c2")};
    auto j = contract::PageToJson(page, [](const domain::CashbackFlight& f) { return contract::ToJson(f); });
    const auto back = contract::FlightPageFromJson(j);
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST(back.value->items.size() == 2u);
    BOOST_TEST((back.value->items[0] == LiveFlight()));
    j["items"][1]["status"] = "running";
    j["items"][1]["ends_on"] = "2026-12-32";
    const auto bad = contract::FlightPageFromJson(j);
    BOOST_TEST(HasProblemAt(bad.problems, "/items/1/status", "unknown_value"), Dump(bad.problems));
    BOOST_TEST(HasProblemAt(bad.problems, "/items/1/ends_on", "invalid_date"), Dump(bad.problems));
}

BOOST_AUTO_TEST_CASE(the_new_flight_body_holds_only_what_the_partner_edits_and_round_trips) {
    const auto f = LiveFlight();
    const auto j = contract::ToNewFlightJson(f);
    for (const char* key : {"id", "version", "status", "accrued_kop", "submitted_on", "created_at"}) {
        BOOST_TEST(!j.contains(key), key);
    }
    const auto back = contract::NewFlightFromJson(json::parse(j.dump()));
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST((back.value->offer == f.offer));
    BOOST_TEST((back.value->match == f.match));
    BOOST_TEST((back.value->cashback == f.cashback));
    BOOST_TEST((back.value->targeting == f.targeting));
    BOOST_TEST(back.value->budget_kop == f.budget_kop);
    BOOST_TEST(back.value->cap_per_receipt_kop == f.cap_per_receipt_kop);
    BOOST_TEST((back.value->ends_on == f.ends_on));
    BOOST_TEST((back.value->status == domain::FlightStatus::Draft));
    BOOST_TEST(back.value->id == 0);
    // A whole flight read from GET can be sent back as the body: the platform's fields are ignored.
    BOOST_TEST(contract::NewFlightFromJson(contract::ToJson(f)).Ok());
}

BOOST_AUTO_TEST_CASE(a_minimal_new_flight_leaves_lists_and_targeting_empty) {
    const json j = json::parse(R"({
        "offer": {"brand": "Полянка", "title": "Кешбэк на кофе"},
        "match": {"keywords": ["кофе"]},
        "cashback": {"fixed_kop": 3000},
        "cap_per_receipt_kop": 9000, "budget_kop": 1000000,
        "starts_on": "2026-12-01", "ends_on": "2026-12-31"})");
    const auto parsed = contract::NewFlightFromJson(j);
    BOOST_TEST_REQUIRE(parsed.Ok(), Dump(parsed.problems));
    BOOST_TEST(parsed.value->match.skus.empty());
    BOOST_TEST(parsed.value->targeting.regions.empty());
    BOOST_TEST(parsed.value->offer.description.empty());
    BOOST_TEST(!parsed.value->offer.image_asset_id);
    BOOST_TEST(!parsed.value->cashback.percent_bp);
    BOOST_TEST(parsed.value->cashback.fixed_kop.value_or(0) == 3000);
}

BOOST_AUTO_TEST_CASE(every_mistake_in_a_new_flight_is_told_at_its_pointer) {
    const json j = json::parse(R"({
        "offer": {"brand": 5},
        "match": {"skus": ["1", 2], "keywords": "кофе"},
        "cashback": {"percent_bp": "5%"},
        "cap_per_receipt_kop": 90.5,
        "targeting": {"regions": [null]},
        "starts_on": "01.12.2026", "ends_on": "2026-02-30"})");
    const auto parsed = contract::NewFlightFromJson(j);
    BOOST_TEST(!parsed.Ok());
    const auto& p = parsed.problems;
    BOOST_TEST(HasProblemAt(p, "/offer/brand", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/offer/title", "required"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/match/skus/1", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/match/keywords", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/cashback/percent_bp", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/cap_per_receipt_kop", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/targeting/regions/0", "type"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/budget_kop", "required"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/starts_on", "invalid_date"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/ends_on", "invalid_date"), Dump(p));
    BOOST_TEST(p.size() == 10u, Dump(p));
    BOOST_TEST(contract::NewFlightFromJson(json::array()).problems.at(0).field == "");
}

BOOST_AUTO_TEST_CASE(a_report_round_trips_with_its_daily_series_and_forecast) {
    domain::FlightReport r;
    r.flight_id = 17;
    r.receipts_scanned = 4200;
    r.receipts_matched = 380;
    r.accrued_kop = 61'234'56;
    r.reversed_kop = 1'000'00;
    r.budget_kop = 100'000'00;
    r.budget_left_kop = r.budget_kop - r.accrued_kop;
    r.daily = {{{2026, 12, 1}, 300, 27, 4'000'00}, {{2026, 12, 2}, 310, 30, 4'500'00}};
    r.forecast_exhausted_on = domain::CivilDate{2026, 12, 20};
    const auto j = contract::ToJson(r);
    BOOST_TEST(j["daily"][1]["date"] == "2026-12-02");
    BOOST_TEST(j["forecast_exhausted_on"] == "2026-12-20");
    const auto back = contract::FlightReportFromJson(json::parse(j.dump()));
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST((*back.value == r));
    r.forecast_exhausted_on.reset();
    BOOST_TEST(contract::ToJson(r)["forecast_exhausted_on"].is_null());
    BOOST_TEST((*contract::FlightReportFromJson(contract::ToJson(r)).value == r));
    auto bad = contract::ToJson(r);
    bad["daily"][0]["accrued_kop"] = "много";
    BOOST_TEST(HasProblemAt(contract::FlightReportFromJson(bad).problems, "/daily/0/accrued_kop", "type"));
}

BOOST_AUTO_TEST_CASE(audience_estimate_request_and_answer) {
    domain::FlightTargeting t{{"polyanka", "berezka"}, {"RU-MOW"}};
    const auto back = contract::TargetingFromJson(json::parse(contract::ToJson(t).dump()));
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST((*back.value == t));
    BOOST_TEST(contract::TargetingFromJson(json::object()).Ok()); // everyone
    BOOST_TEST(HasProblemAt(contract::TargetingFromJson(json{{"regions", {1}}}).problems, "/regions/0", "type"));
    BOOST_TEST(contract::AudienceEstimateFromJson(contract::ToJson(contract::AudienceEstimate{1234})).value->users ==
               1234);
    BOOST_TEST(!contract::AudienceEstimateFromJson(json::object()).Ok());
}

BOOST_AUTO_TEST_CASE(a_scan_request_round_trips_and_its_lines_are_checked) {
    contract::ReceiptScanRequest request;
    request.user_id = 501;
    request.qr = "t=20261123T1530&s=1234.50&fn=9999078900004792&i=1201&fp=2837452921&n=2";
    request.items = {{"4607053470012", "Молоко 3,2% 1 л", "dairy", 89'90, 2}, {"", "Пакет", "", 10'00, 1}};
    request.original_document = 1200;
    const auto back = contract::ReceiptScanRequestFromJson(json::parse(contract::ToJson(request).dump()));
    BOOST_TEST_REQUIRE(back.Ok(), Dump(back.problems));
    BOOST_TEST(back.value->qr == request.qr);
    BOOST_TEST((back.value->items == request.items));
    BOOST_TEST(back.value->original_document.value_or(0) == 1200);
    request.original_document.reset();
    BOOST_TEST(!contract::ToJson(request).contains("original_document"));

    const json bad = json::parse(R"({"user_id": 1, "qr": "x", "items": [
        {"name": "ok", "price_kop": 100, "quantity": 1},
        {"price_kop": -1, "quantity": 0},
        {"name": "half", "price_kop": 100, "quantity": 0.5}]})");
    const auto parsed = contract::ReceiptScanRequestFromJson(bad);
    const auto& p = parsed.problems;
    BOOST_TEST(HasProblemAt(p, "/items/1/name", "required"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/items/1/price_kop", "out_of_range"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/items/1/quantity", "out_of_range"), Dump(p));
    BOOST_TEST(HasProblemAt(p, "/items/2/quantity", "type"), Dump(p));
    BOOST_TEST(p.size() == 4u, Dump(p));
    BOOST_TEST(HasProblemAt(contract::ReceiptScanRequestFromJson(json::object()).problems, "/qr", "required"));
}

BOOST_AUTO_TEST_CASE(a_scan_answer_and_generated_scans_round_trip) {
    contract::ReceiptScanAnswer answer{88, 2, {{17, -450}, {18, -100}}};
    const auto back = contract::ReceiptScanAnswerFromJson(json::parse(contract::ToJson(answer).dump()));
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->operation == 2);
    BOOST_TEST((back.value->accruals == answer.accruals));
    auto j = contract::ToJson(answer);
    j["operation"] = 5;
    BOOST_TEST(HasProblemAt(contract::ReceiptScanAnswerFromJson(j).problems, "/operation", "out_of_range"));

    BOOST_TEST(contract::GenerateReceiptsRequestFromJson(contract::ToJson(contract::GenerateReceiptsRequest{300}))
                   .value->count == 300);
    for (std::int64_t count : {0, -1, 100'001}) {
        BOOST_TEST(HasProblemAt(contract::GenerateReceiptsRequestFromJson(json{{"count", count}}).problems, "/count",
                                "out_of_range"),
                   count);
    }
    const auto generated =
        contract::GenerateReceiptsAnswerFromJson(contract::ToJson(contract::GenerateReceiptsAnswer{300, 41, 12'345}));
    BOOST_TEST_REQUIRE(generated.Ok());
    BOOST_TEST(generated.value->matched == 41);
    BOOST_TEST(generated.value->accrued_kop == 12'345);
}

BOOST_AUTO_TEST_CASE(a_wallet_and_a_withdrawal_round_trip) {
    const auto wallet = contract::WalletFromJson(contract::ToJson(contract::Wallet{612'00, 6'000'00, false}));
    BOOST_TEST_REQUIRE(wallet.Ok());
    BOOST_TEST(wallet.value->balance_kop == 612'00);
    BOOST_TEST(wallet.value->withdrawn_this_month_kop == 6'000'00);
    BOOST_TEST(!wallet.value->can_withdraw);
    BOOST_TEST(contract::WithdrawRequestFromJson(contract::ToJson(contract::WithdrawRequest{500'00})).value->amount_kop ==
               500'00);
    BOOST_TEST(HasProblemAt(contract::WithdrawRequestFromJson(json{{"amount_kop", 0}}).problems, "/amount_kop",
                            "out_of_range"));
    BOOST_TEST(HasProblemAt(contract::WithdrawRequestFromJson(json{{"amount_kop", "500"}}).problems, "/amount_kop",
                            "type"));
}

BOOST_AUTO_TEST_SUITE_END()
