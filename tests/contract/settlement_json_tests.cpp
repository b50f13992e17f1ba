#include "contract/settlement_json.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(settlement_json)

BOOST_AUTO_TEST_CASE(a_register_round_trips_with_its_approvals) {
    domain::SettlementRegister r;
    r.id = 42;
    r.business_date = "2026-11-20";
    r.status = domain::RegisterStatus::PendingReview;
    r.count = 2300;
    r.turnover_kop = 1'850'000'00;
    r.refunds_kop = 12'000'00;
    r.payout_kop = r.turnover_kop - r.refunds_kop;
    r.payout_date = "2026-11-23";
    r.needs_second_approval = true;
    r.approvals = {{10, "finance", "2026-11-21T10:00:00+03:00", "сверено с кассой"}};
    r.version = 2;
    const auto back = contract::RegisterFromJson(json::parse(contract::ToJson(r).dump()));
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->payout_kop == r.payout_kop);
    BOOST_TEST(back.value->approvals.at(0).comment == "сверено с кассой");
    BOOST_TEST(back.value->needs_second_approval);
    BOOST_TEST(contract::ToJson(r)["status"] == "pending_review");
}

BOOST_AUTO_TEST_CASE(a_transaction_carries_the_buyers_schedule_in_moscow_dates) {
    domain::SettlementTransaction t{"PLK-00000001", "store-03", 1'795'467'540, 1'000'001, 250'001, "committed", 0, {}};
    const auto j = contract::ToJson(t); // 2026-11-23 23:59 Moscow
    BOOST_TEST(j["purchased_at"] == "2026-11-23T23:59:00+03:00");
    BOOST_TEST(j["payment_schedule"].size() == 4u);
    BOOST_TEST(j["payment_schedule"][0]["due_date"] == "2026-11-23");
    BOOST_TEST(j["payment_schedule"][0]["amount_kop"] == 250'001);
    BOOST_TEST(j["payment_schedule"][3]["due_date"] == "2027-01-04");
    BOOST_TEST(j["refund_status"].is_null());
    domain::Problems problems;
    const auto back = contract::TransactionFromJson(j, problems);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->purchased_at == t.purchased_at);
}

BOOST_AUTO_TEST_CASE(disputes_need_a_reason_and_string_order_ids) {
    BOOST_TEST(contract::RegisterDisputeFromJson(json{{"reason", "двойной чек"}, {"order_ids", {"A"}}}).Ok());
    const auto empty = contract::RegisterDisputeFromJson(json{{"reason", ""}, {"order_ids", {"A", 5}}});
    BOOST_TEST_REQUIRE(empty.problems.size() == 2u);
    BOOST_TEST(empty.problems[0].field == "/reason");
    BOOST_TEST(empty.problems[1].field == "/order_ids/1");
    BOOST_TEST(contract::RegisterDisputeFromJson(json::object()).problems.at(0).field == "/reason");
}

BOOST_AUTO_TEST_CASE(an_invoice_round_trips) {
    domain::CommissionInvoice i{{2026, 10}, 100, 10, 90, 350, 3, 1, 4};
    const auto back = contract::CommissionInvoiceFromJson(contract::ToJson(i));
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST((back.value->month == domain::Month{2026, 10}));
    BOOST_TEST(back.value->total_kop == 4);
    BOOST_TEST(!contract::CommissionInvoiceFromJson(json{{"month", "10.2026"}}).Ok());
}

BOOST_AUTO_TEST_SUITE_END()

#include "contract/settlement_ndjson.h"

BOOST_AUTO_TEST_SUITE(settlement_ndjson)

// The hand-written line is the same JSON document as ToJson, and reads back
// through both the fast and the general reader.
BOOST_AUTO_TEST_CASE(the_fast_line_is_the_same_document_and_reads_back) {
    const std::vector<domain::SettlementTransaction> samples{
        {"PLK-00000001", "store-03", 1'795'467'540, 1'000'001, 250'001, "committed", 0, {}},
        {"A\"B\\C\tD", "магазин №1", 1'790'802'000, 70'000, 17'500, "completed", 35'000, std::string("processed")},
        {"X", "s", 0, 1, 1, "new", 0, std::string("pending")},
    };
    for (const auto& t : samples) {
        std::string line;
        contract::AppendTransactionLine(line, t);
        BOOST_TEST(line.back() == '\n');
        line.pop_back();
        BOOST_TEST(json::parse(line) == contract::ToJson(t), line);
        domain::Problems problems;
        const auto general = contract::TransactionFromJson(json::parse(line), problems);
        BOOST_TEST_REQUIRE(general.has_value());
        BOOST_TEST(general->purchased_at == t.purchased_at);
        const auto fast = contract::ReadTransactionLineFast(line);
        if (t.order_id.find('\\') == std::string::npos && t.order_id.find('"') == std::string::npos) {
            BOOST_TEST_REQUIRE(fast.has_value(), line);
            BOOST_TEST(fast->order_id == t.order_id);
            BOOST_TEST(fast->store_id == t.store_id);
            BOOST_TEST(fast->purchased_at == t.purchased_at);
            BOOST_TEST(fast->amount_kop == t.amount_kop);
            BOOST_TEST(fast->refunded_kop == t.refunded_kop);
            BOOST_TEST((fast->refund_status == t.refund_status));
        } else {
            BOOST_TEST(!fast.has_value()); // escapes: left to the general parser
        }
    }
}

BOOST_AUTO_TEST_CASE(lines_in_another_layout_are_left_to_the_general_parser) {
    BOOST_TEST(!contract::ReadTransactionLineFast(R"({"amount_kop":1,"order_id":"A"})").has_value());
    BOOST_TEST(!contract::ReadTransactionLineFast("").has_value());
    BOOST_TEST(!contract::ReadTransactionLineFast(R"({"order_id":"A","store_id":"s","purchased_at":"2026-02-30T10:00:00+03:00")").has_value());
}

// Found by fuzz_settlement_ndjson: the fast reader checked the digits of a
// time but not its separators, so it took a line the general decoder refuses.
BOOST_AUTO_TEST_CASE(a_time_with_a_wrong_separator_is_not_read_fast) {
    domain::SettlementTransaction t{"D-1", "msk-00", 1'795'467'540, 10'000, 2'500, "committed", 0, {}};
    std::string good;
    contract::AppendTransactionLine(good, t);
    good.pop_back();
    BOOST_TEST_REQUIRE(contract::ReadTransactionLineFast(good).has_value());
    const std::size_t time = good.find("\"purchased_at\":\"") + 16;
    for (std::size_t separator : {4u, 7u, 10u, 13u, 16u}) {
        std::string bad = good;
        bad[time + separator] = '&';
        BOOST_TEST(!contract::ReadTransactionLineFast(bad).has_value(), bad);
        domain::Problems problems;
        (void)contract::TransactionFromJson(json::parse(bad), problems);
        BOOST_TEST(!problems.empty(), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
