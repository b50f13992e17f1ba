#include "domain/settlement.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

namespace {
SettlementRegister Pending(bool aboveThreshold) {
    SettlementRegister r;
    r.id = 1;
    r.business_date = "2026-11-20";
    r.payout_kop = aboveThreshold ? 500'000'000 : 100'000;
    r.needs_second_approval = aboveThreshold;
    return r;
}
const Approver kFinance{10, RoleSet{Role::Finance}};
const Approver kManager{11, RoleSet{Role::FinanceManager}};
const Approver kOtherFinance{12, RoleSet{Role::Finance}};
} // namespace

BOOST_AUTO_TEST_SUITE(settlement_approval)

BOOST_AUTO_TEST_CASE(below_the_threshold_one_finance_user_approves) {
    BOOST_TEST((DecideApproval(Pending(false), kFinance) == ApprovalOutcome::Approved));
}

BOOST_AUTO_TEST_CASE(above_the_threshold_a_different_manager_gives_the_second_approval) {
    auto r = Pending(true);
    BOOST_TEST((DecideApproval(r, kFinance) == ApprovalOutcome::FirstOfTwo));
    r.approvals.push_back({kFinance.user_id, "finance", "2026-11-21T10:00:00+03:00", "checked"});
    BOOST_TEST((DecideApproval(r, kFinance) == ApprovalOutcome::AlreadyApprovedBy));
    BOOST_TEST((DecideApproval(r, kOtherFinance) == ApprovalOutcome::NeedsManager));
    BOOST_TEST((DecideApproval(r, kManager) == ApprovalOutcome::Approved));
}

BOOST_AUTO_TEST_CASE(a_manager_who_approved_first_cannot_approve_again) {
    auto r = Pending(true);
    r.approvals.push_back({kManager.user_id, "finance.manager", "2026-11-21T10:00:00+03:00", ""});
    BOOST_TEST((DecideApproval(r, kManager) == ApprovalOutcome::AlreadyApprovedBy));
    BOOST_TEST(RefusalCode(ApprovalOutcome::AlreadyApprovedBy) == "already_approved_by_you");
}

BOOST_AUTO_TEST_CASE(only_pending_registers_and_finance_users) {
    auto r = Pending(false);
    r.status = RegisterStatus::Disputed;
    BOOST_TEST((DecideApproval(r, kFinance) == ApprovalOutcome::NotPending));
    BOOST_TEST((DecideApproval(Pending(false), Approver{13, RoleSet{Role::PartnerAdmin}}) == ApprovalOutcome::NotFinance));
    BOOST_TEST(!MaySeeSettlements(RoleSet{Role::PartnerAdmin, Role::Viewer}));
    BOOST_TEST(MaySeeSettlements(RoleSet{Role::FinanceManager}));
    BOOST_TEST((RegisterStatusFromString("pending_review") == RegisterStatus::PendingReview));
    BOOST_TEST(!RegisterStatusFromString("open"));
}

BOOST_AUTO_TEST_SUITE_END()
