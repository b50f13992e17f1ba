#pragma once
// The cashback wallets of the app's simulated users: accruals credit them,
// returns debit them, and withdrawals follow the platform's two rules —
// possible from 500 ₽ accumulated, at most 6,000 ₽ per calendar month
// (Moscow) — enforced by one guarded UPDATE of the wallet's row, so two
// concurrent withdrawals can never pass either limit. Functions take the
// caller's session inside the caller's transaction; any thread.
#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace kpd::sandbox {

inline constexpr std::int64_t kWithdrawMinimumKop = 50'000;      // 500 ₽
inline constexpr std::int64_t kWithdrawMonthlyLimitKop = 600'000; // 6,000 ₽

struct Wallet {
    std::int64_t user_id = 0;
    std::int64_t balance_kop = 0;
    std::int64_t withdrawn_this_month_kop = 0; // in `month`
    bool can_withdraw = false;                 // at the minimum and under the month's limit
};

// The wallet as of `month` (YYYY-MM, Moscow); an empty one for a user who
// never earned anything.
Wallet LoadWallet(soci::session& db, std::int64_t userId, const std::string& month);

// Adds to the balance (accruals).
void CreditWallet(soci::session& db, std::int64_t userId, std::int64_t amount);
// Takes from the balance (a return's reversal); a balance already withdrawn
// stops at zero — the platform does not chase a user for cashback paid out.
void DebitWallet(soci::session& db, std::int64_t userId, std::int64_t amount);

enum class WithdrawOutcome { Done, BelowMinimum, MonthlyLimit, InsufficientBalance };

// Withdraws `amount` (> 0) in `month` when the rules allow; records it with
// the next withdrawal id at `now`.
WithdrawOutcome Withdraw(soci::session& db, std::int64_t userId, std::int64_t amount, const std::string& month,
                         const std::string& now);

} // namespace kpd::sandbox
