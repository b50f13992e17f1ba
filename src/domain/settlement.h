#pragma once
// Dolyami settlement registers as the platform keeps them — one per business
// day, paid out in full the next business day — and the four-eyes rule of
// their approval: above the partner's threshold a register needs a second
// approval by a different user holding finance_manager, and nobody approves
// the same register twice. The sandbox enforces this decision; the desk uses
// it to say in advance what an approval will do.
#include "domain/money.h"
#include "domain/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

enum class RegisterStatus { PendingReview, Approved, Disputed };
std::string_view ToString(RegisterStatus status); // "pending_review", "approved", "disputed"
std::optional<RegisterStatus> RegisterStatusFromString(std::string_view name);

struct RegisterApproval {
    std::int64_t user_id = 0;
    std::string login;
    std::string approved_at; // RFC 3339
    std::string comment;
};

struct SettlementRegister {
    std::int64_t id = 0;
    std::string business_date; // YYYY-MM-DD, Moscow
    RegisterStatus status = RegisterStatus::PendingReview;
    std::int64_t count = 0;
    Kopecks turnover_kop = 0;
    Kopecks refunds_kop = 0;
    Kopecks payout_kop = 0;      // turnover − refunds deducted from this payout
    std::string payout_date;     // YYYY-MM-DD, the next business day
    bool needs_second_approval = false; // payout above the partner's four-eyes threshold
    std::vector<RegisterApproval> approvals;
    std::int64_t version = 1;
};

// One purchase on a register (`GET /settlements/{id}/transactions`).
struct SettlementTransaction {
    std::string order_id;
    std::string store_id;
    std::int64_t purchased_at = 0; // Unix seconds
    Kopecks amount_kop = 0;
    Kopecks prepaid_kop = 0;       // the buyer's first payment (25 %)
    std::string status;            // Dolyami's order state, e.g. "committed"
    Kopecks refunded_kop = 0;
    std::optional<std::string> refund_status; // "pending" or "processed"; none without refunds
};

// A dispute of a register: why, and which orders.
struct RegisterDispute {
    std::string reason;
    std::vector<std::string> order_ids;
};

// Who may see and approve registers at all.
bool MaySeeSettlements(RoleSet roles);

enum class ApprovalOutcome {
    Approved,          // the register becomes approved
    FirstOfTwo,        // recorded; a second approval by a finance manager is still needed
    NotPending,        // refused: already approved or disputed
    AlreadyApprovedBy, // refused: the same user approved it before (four eyes means two people)
    NeedsManager,      // refused: the second approval must come from a finance_manager
    NotFinance,        // refused: the user holds no finance role
};

struct Approver {
    std::int64_t user_id = 0;
    RoleSet roles;
};

// What an approval by `approver` does to the register now.
ApprovalOutcome DecideApproval(const SettlementRegister& reg, const Approver& approver);

// Stable code and English words for a refusal (the API's problem code and detail).
std::string_view RefusalCode(ApprovalOutcome outcome);
std::string RefusalMessage(ApprovalOutcome outcome);

} // namespace kpd::domain
