#pragma once
// /settlements: daily Dolyami registers, their transactions (JSON pages and
// NDJSON lines alike), approvals and disputes; /commission-invoices.
// Times are RFC 3339 in Moscow time; money is integer kopecks.
#include "contract/page.h"
#include "contract/parsed.h"
#include "domain/dolyami.h"
#include "domain/settlement.h"

#include <nlohmann/json.hpp>

namespace kpd::contract {

nlohmann::json ToJson(const domain::SettlementRegister& reg);
std::optional<domain::SettlementRegister> RegisterFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                           const std::string& pointer = "");
Parsed<domain::SettlementRegister> RegisterFromJson(const nlohmann::json& json);
Parsed<Page<domain::SettlementRegister>> RegisterPageFromJson(const nlohmann::json& json);

// With the buyer's payment schedule ([{due_date, amount_kop}] × 4) derived from the purchase.
nlohmann::json ToJson(const domain::SettlementTransaction& tx);
std::optional<domain::SettlementTransaction> TransactionFromJson(const nlohmann::json& json,
                                                                 domain::Problems& problems,
                                                                 const std::string& pointer = "");
Parsed<Page<domain::SettlementTransaction>> TransactionPageFromJson(const nlohmann::json& json);

// POST /settlements/{id}/approve {comment}.
struct ApproveRequest {
    std::string comment;
};
nlohmann::json ToJson(const ApproveRequest& request);
Parsed<ApproveRequest> ApproveRequestFromJson(const nlohmann::json& json);

// POST /settlements/{id}/dispute {reason, order_ids}: a reason is required.
nlohmann::json ToJson(const domain::RegisterDispute& dispute);
Parsed<domain::RegisterDispute> RegisterDisputeFromJson(const nlohmann::json& json);

nlohmann::json ToJson(const domain::CommissionInvoice& invoice);
Parsed<domain::CommissionInvoice> CommissionInvoiceFromJson(const nlohmann::json& json);

} // namespace kpd::contract
