// /v1/sandbox/wallets/{user_id}: the cashback wallet of a simulated app user
// (cashback_app_users.h) and its withdrawals, so a partner can rehearse what
// its customers see: possible from 500 ₽ accumulated, at most 6,000 ₽ per
// calendar month (Moscow time). Sandbox only; no token needed.
#include "contract/cashback_json.h"
#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"
#include "sandbox/wallet_repository.h"

namespace kpd::sandbox {

namespace {
const char* kWalletPath = R"(/v1/sandbox/wallets/(\d{1,18}))";

std::string ThisMonth(const RequestContext& ctx) {
    return MoscowMonth(ctx.state.clock.Now());
}

nlohmann::json WalletJson(const Wallet& w) {
    contract::Wallet out;
    out.balance_kop = w.balance_kop;
    out.withdrawn_this_month_kop = w.withdrawn_this_month_kop;
    out.can_withdraw = w.can_withdraw;
    return contract::ToJson(out);
}

bool KnownUser(RequestContext& ctx) {
    if (IsAppUser(ctx.PathId())) {
        return true;
    }
    SendProblem(ctx.res, 404, "not_found",
                "no simulated app user " + ctx.match[1].str() + "; they are 1 to " + std::to_string(kAppUsers));
    return false;
}

void GetWallet(RequestContext& ctx) {
    if (KnownUser(ctx)) {
        SendJson(ctx.res, 200, WalletJson(LoadWallet(ctx.db, ctx.PathId(), ThisMonth(ctx))));
    }
}

void WithdrawRoute(RequestContext& ctx) {
    if (!KnownUser(ctx)) {
        return;
    }
    const auto request = contract::WithdrawRequestFromJson(ctx.body);
    if (!request.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the withdrawal has mistakes", request.problems);
        return;
    }
    const std::string month = ThisMonth(ctx);
    switch (Withdraw(ctx.db, ctx.PathId(), request.value->amount_kop, month, ctx.NowText())) {
    case WithdrawOutcome::Done:
        SendJson(ctx.res, 200, WalletJson(LoadWallet(ctx.db, ctx.PathId(), month)));
        return;
    case WithdrawOutcome::BelowMinimum:
        SendProblem(ctx.res, 422, "below_minimum",
                    "cashback can be withdrawn once 500 RUB (50000 kop) has accumulated",
                    {{"/amount_kop", "below_minimum", "the balance is under 50000 kop"}});
        return;
    case WithdrawOutcome::MonthlyLimit:
        SendProblem(ctx.res, 422, "monthly_limit",
                    "at most 6000 RUB (600000 kop) can be withdrawn in a calendar month; " + month + " has " +
                        std::to_string(LoadWallet(ctx.db, ctx.PathId(), month).withdrawn_this_month_kop) +
                        " kop withdrawn",
                    {{"/amount_kop", "monthly_limit", "over the month's 600000 kop"}});
        return;
    case WithdrawOutcome::InsufficientBalance:
        SendProblem(ctx.res, 422, "insufficient_balance", "the amount is more than the wallet's balance",
                    {{"/amount_kop", "insufficient_balance", "more than the balance"}});
        return;
    }
}
} // namespace

void AddWalletRoutes(Router& router) {
    router.Add({"GET", kWalletPath, Access::Anyone, Body::None, false, false, GetWallet});
    router.Add({"POST", std::string(kWalletPath) + "/withdraw", Access::Anyone, Body::Json, true, true,
                WithdrawRoute, ReadsWith(contract::WithdrawRequestFromJson)});
}

} // namespace kpd::sandbox
