#include "domain/settlement.h"

#include <algorithm>
#include <array>

namespace kpd::domain {

namespace {
constexpr std::array<std::string_view, 3> kStatusNames{"pending_review", "approved", "disputed"};
} // namespace

std::string_view ToString(RegisterStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }

std::optional<RegisterStatus> RegisterStatusFromString(std::string_view name) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == name) return static_cast<RegisterStatus>(i);
    }
    return std::nullopt;
}

bool MaySeeSettlements(RoleSet roles) { return roles.HasAny(RoleSet{Role::Finance, Role::FinanceManager}); }

ApprovalOutcome DecideApproval(const SettlementRegister& reg, const Approver& approver) {
    if (!MaySeeSettlements(approver.roles)) {
        return ApprovalOutcome::NotFinance;
    }
    if (reg.status != RegisterStatus::PendingReview) {
        return ApprovalOutcome::NotPending;
    }
    const bool approvedBefore = std::any_of(reg.approvals.begin(), reg.approvals.end(),
                                            [&](const RegisterApproval& a) { return a.user_id == approver.user_id; });
    if (approvedBefore) {
        return ApprovalOutcome::AlreadyApprovedBy;
    }
    if (!reg.needs_second_approval) {
        return ApprovalOutcome::Approved;
    }
    if (reg.approvals.empty()) {
        return ApprovalOutcome::FirstOfTwo;
    }
    return approver.roles.Has(Role::FinanceManager) ? ApprovalOutcome::Approved : ApprovalOutcome::NeedsManager;
}

std::string_view RefusalCode(ApprovalOutcome outcome) {
    switch (outcome) {
    case ApprovalOutcome::NotPending: return "register_not_pending";
    case ApprovalOutcome::AlreadyApprovedBy: return "already_approved_by_you";
    case ApprovalOutcome::NeedsManager: return "second_approval_needs_manager";
    case ApprovalOutcome::NotFinance: return "forbidden";
    case ApprovalOutcome::Approved:
    case ApprovalOutcome::FirstOfTwo: break;
    }
    return {};
}

std::string RefusalMessage(ApprovalOutcome outcome) {
    switch (outcome) {
    case ApprovalOutcome::NotPending: return "the register is no longer pending review";
    case ApprovalOutcome::AlreadyApprovedBy:
        return "you approved this register already; the second approval must come from another user";
    case ApprovalOutcome::NeedsManager:
        return "the payout is above the four-eyes threshold: the second approval needs the finance_manager role";
    case ApprovalOutcome::NotFinance: return "settlements are for users with the finance or finance_manager role";
    case ApprovalOutcome::Approved:
    case ApprovalOutcome::FirstOfTwo: break;
    }
    return {};
}

} // namespace kpd::domain
