#include "sandbox/wallet_repository.h"

#include "sandbox/cashback_repository.h"

namespace kpd::sandbox {

namespace {
void EnsureWallet(soci::session& db, std::int64_t userId) {
    db << "INSERT INTO wallets (user_id) VALUES (:u) ON CONFLICT (user_id) DO NOTHING", soci::use(userId, "u");
}
} // namespace

Wallet LoadWallet(soci::session& db, std::int64_t userId, const std::string& month) {
    Wallet w;
    w.user_id = userId;
    std::string withdrawnMonth;
    std::int64_t withdrawn = 0;
    db << "SELECT balance_kop, withdrawn_month, withdrawn_month_kop FROM wallets WHERE user_id = :u",
        soci::into(w.balance_kop), soci::into(withdrawnMonth), soci::into(withdrawn), soci::use(userId, "u");
    if (db.got_data() && withdrawnMonth == month) {
        w.withdrawn_this_month_kop = withdrawn;
    }
    w.can_withdraw = w.balance_kop >= kWithdrawMinimumKop && w.withdrawn_this_month_kop < kWithdrawMonthlyLimitKop;
    return w;
}

void CreditWallet(soci::session& db, std::int64_t userId, std::int64_t amount) {
    EnsureWallet(db, userId);
    db << "UPDATE wallets SET balance_kop = balance_kop + :a WHERE user_id = :u", soci::use(amount, "a"),
        soci::use(userId, "u");
}

void DebitWallet(soci::session& db, std::int64_t userId, std::int64_t amount) {
    EnsureWallet(db, userId);
    db << "UPDATE wallets SET balance_kop = CASE WHEN balance_kop >= :a THEN balance_kop - :a2 ELSE 0 END "
          "WHERE user_id = :u",
        soci::use(amount, "a"), soci::use(amount, "a2"), soci::use(userId, "u");
}

WithdrawOutcome Withdraw(soci::session& db, std::int64_t userId, std::int64_t amount, const std::string& month,
                         const std::string& now) {
    // Both limits in one guarded statement: the month's total restarts when
    // the stored month is not this one.
    soci::statement st =
        (db.prepare << "UPDATE wallets SET balance_kop = balance_kop - :a1, "
                       "withdrawn_month_kop = CASE WHEN withdrawn_month = :m1 THEN withdrawn_month_kop + :a2 "
                       "ELSE :a3 END, withdrawn_month = :m2 "
                       "WHERE user_id = :u AND balance_kop >= :min AND balance_kop >= :a4 AND "
                       "(CASE WHEN withdrawn_month = :m3 THEN withdrawn_month_kop ELSE 0 END) + :a5 <= :limit",
         soci::use(amount, "a1"), soci::use(month, "m1"), soci::use(amount, "a2"), soci::use(amount, "a3"),
         soci::use(month, "m2"), soci::use(userId, "u"), soci::use(kWithdrawMinimumKop, "min"),
         soci::use(amount, "a4"), soci::use(month, "m3"), soci::use(amount, "a5"),
         soci::use(kWithdrawMonthlyLimitKop, "limit"));
    st.execute(true);
    if (st.get_affected_rows() == 1) {
        const std::int64_t id = NextId(db, "withdrawal");
        db << "INSERT INTO wallet_withdrawals (user_id, withdrawal_id, month, amount_kop, at) "
              "VALUES (:u, :id, :m, :a, :at)",
            soci::use(userId, "u"), soci::use(id, "id"), soci::use(month, "m"), soci::use(amount, "a"),
            soci::use(now, "at");
        return WithdrawOutcome::Done;
    }
    // Why not, read after the refusal (the guard is what decided).
    const Wallet w = LoadWallet(db, userId, month);
    if (w.balance_kop < kWithdrawMinimumKop) {
        return WithdrawOutcome::BelowMinimum;
    }
    if (w.withdrawn_this_month_kop + amount > kWithdrawMonthlyLimitKop) {
        return WithdrawOutcome::MonthlyLimit;
    }
    return WithdrawOutcome::InsufficientBalance;
}

} // namespace kpd::sandbox
