#pragma once
// /cashback-flights and the sandbox's receipts and wallets: the JSON of a
// flight (dates "YYYY-MM-DD", money in kopecks, cashback as {"percent_bp":500}
// or {"fixed_kop":5000}), the body of a new or edited flight, the report, the
// audience estimate, a scanned receipt and its accruals, generated scans, a
// wallet. Readers collect every problem at its JSON pointer; the flight's
// rules (lengths, ranges, dates) are domain::ValidateFlight's, not the parser's.
#include "contract/page.h"
#include "contract/parsed.h"
#include "domain/cashback_flight.h"
#include "domain/cashback_receipt.h"
#include "domain/cashback_report.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::contract {

// ---- Flights --------------------------------------------------------------------

// The whole flight as the platform answers it (with id, status, dates set by the platform).
nlohmann::json ToJson(const domain::CashbackFlight& flight);
std::optional<domain::CashbackFlight> FlightFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                     const std::string& pointer = "");
Parsed<domain::CashbackFlight> FlightFromJson(const nlohmann::json& json);
Parsed<Page<domain::CashbackFlight>> FlightPageFromJson(const nlohmann::json& json);

// The body of POST /cashback-flights and PUT /cashback-flights/{id}: only what
// the partner edits (offer, match, cashback, cap_per_receipt_kop, targeting,
// budget_kop, starts_on, ends_on). Reading ignores the fields the platform
// sets, so a flight read from GET can be sent back as it is. `targeting` and
// its lists, the match lists and the description may be left out (empty).
nlohmann::json ToNewFlightJson(const domain::CashbackFlight& flight);
Parsed<domain::CashbackFlight> NewFlightFromJson(const nlohmann::json& json);

// ---- Report ---------------------------------------------------------------------

nlohmann::json ToJson(const domain::FlightReport& report);
Parsed<domain::FlightReport> FlightReportFromJson(const nlohmann::json& json);

// ---- Audience estimate: POST /cashback-flights/audience-estimate {loyalty_cards, regions} → {users}

nlohmann::json ToJson(const domain::FlightTargeting& targeting);
Parsed<domain::FlightTargeting> TargetingFromJson(const nlohmann::json& json);

struct AudienceEstimate {
    std::int64_t users = 0;
};
nlohmann::json ToJson(const AudienceEstimate& estimate);
Parsed<AudienceEstimate> AudienceEstimateFromJson(const nlohmann::json& json);

// ---- Sandbox receipts -----------------------------------------------------------

// POST /sandbox/receipts: a simulated app user scans a receipt's QR; the
// lines are what the receipt lists. A return receipt (QR operation 2)
// carries the returned sale's document number `i` on the same fiscal drive.
// Lines: name required, sku and category may be left out (empty),
// price_kop 0..kMaxReceiptLinePriceKop, quantity 1..kMaxReceiptLineQuantity.
struct ReceiptScanRequest {
    std::int64_t user_id = 0;
    std::string qr;
    std::vector<domain::ReceiptLine> items;
    std::optional<std::int64_t> original_document;
};
nlohmann::json ToJson(const ReceiptScanRequest& request);
Parsed<ReceiptScanRequest> ReceiptScanRequestFromJson(const nlohmann::json& json);

// 201 {receipt_id, operation, accruals:[{flight_id, cashback_kop}]}; operation is
// the QR's n (1 sale, 2 sale return, 3 expense, 4 expense return); a return's
// accruals are negative (what was taken back).
struct ReceiptScanAnswer {
    std::int64_t receipt_id = 0;
    int operation = 1;
    std::vector<domain::FlightAccrual> accruals;
};
nlohmann::json ToJson(const ReceiptScanAnswer& answer);
Parsed<ReceiptScanAnswer> ReceiptScanAnswerFromJson(const nlohmann::json& json);

// POST /sandbox/receipts/generate {count} (1..kMaxGeneratedReceipts) → {generated, matched, accrued_kop}.
inline constexpr std::int64_t kMaxGeneratedReceipts = 100'000;
struct GenerateReceiptsRequest {
    std::int64_t count = 0;
};
nlohmann::json ToJson(const GenerateReceiptsRequest& request);
Parsed<GenerateReceiptsRequest> GenerateReceiptsRequestFromJson(const nlohmann::json& json);

struct GenerateReceiptsAnswer {
    std::int64_t generated = 0;
    std::int64_t matched = 0;
    domain::Kopecks accrued_kop = 0;
};
nlohmann::json ToJson(const GenerateReceiptsAnswer& answer);
Parsed<GenerateReceiptsAnswer> GenerateReceiptsAnswerFromJson(const nlohmann::json& json);

// ---- Sandbox wallets: GET /sandbox/wallets/{user_id}, POST …/withdraw {amount_kop}

struct Wallet {
    domain::Kopecks balance_kop = 0;
    domain::Kopecks withdrawn_this_month_kop = 0;
    bool can_withdraw = false;
};
nlohmann::json ToJson(const Wallet& wallet);
Parsed<Wallet> WalletFromJson(const nlohmann::json& json);

// amount_kop above zero.
struct WithdrawRequest {
    domain::Kopecks amount_kop = 0;
};
nlohmann::json ToJson(const WithdrawRequest& request);
Parsed<WithdrawRequest> WithdrawRequestFromJson(const nlohmann::json& json);

} // namespace kpd::contract
