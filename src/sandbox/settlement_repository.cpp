#include "sandbox/settlement_repository.h"

#include "sandbox/bulk_insert.h"
#include "store/database.h"
#include "store/soci_optional.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <unordered_map>

namespace kpd::sandbox {

namespace {
constexpr std::size_t kBatchRows = 500;

const char* kRegisterColumns = "register_id, business_date, status, tx_count, turnover_kop, refunds_kop, payout_kop, "
                               "payout_date, needs_second_approval, version";

struct RegisterRow {
    std::int64_t id = 0, count = 0, turnover = 0, refunds = 0, payout = 0, version = 0;
    std::string date, status, payoutDate;
    int needsSecond = 0;

    domain::SettlementRegister ToRegister() const {
        domain::SettlementRegister r;
        r.id = id;
        r.business_date = date;
        r.status = domain::RegisterStatusFromString(status).value_or(domain::RegisterStatus::PendingReview);
        r.count = count;
        r.turnover_kop = turnover;
        r.refunds_kop = refunds;
        r.payout_kop = payout;
        r.payout_date = payoutDate;
        r.needs_second_approval = needsSecond != 0;
        r.version = version;
        return r;
    }
};

void FillApprovals(soci::session& db, std::int64_t partnerId, domain::SettlementRegister& reg) {
    domain::RegisterApproval a;
    soci::statement st = (db.prepare << "SELECT user_id, login, approved_at, comment FROM register_approvals "
                                        "WHERE partner_id = :p AND register_id = :r ORDER BY approved_at, user_id",
                          soci::into(a.user_id), soci::into(a.login), soci::into(a.approved_at), soci::into(a.comment),
                          soci::use(partnerId, "p"), soci::use(reg.id, "r"));
    st.execute();
    while (st.fetch()) {
        reg.approvals.push_back(a);
    }
}
} // namespace

std::optional<FinanceSettings> LoadFinanceSettings(soci::session& db, std::int64_t partnerId) {
    FinanceSettings s;
    db << "SELECT four_eyes_threshold_kop, commission_rate_bp FROM finance_settings WHERE partner_id = :p",
        soci::into(s.four_eyes_threshold_kop), soci::into(s.commission_rate_bp), soci::use(partnerId, "p");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return s;
}

void SaveFinanceSettings(soci::session& db, std::int64_t partnerId, const FinanceSettings& s) {
    db << "INSERT INTO finance_settings (partner_id, four_eyes_threshold_kop, commission_rate_bp) "
          "VALUES (:p, :t, :r) ON CONFLICT (partner_id) DO UPDATE SET "
          "four_eyes_threshold_kop = excluded.four_eyes_threshold_kop, commission_rate_bp = excluded.commission_rate_bp",
        soci::use(partnerId, "p"), soci::use(s.four_eyes_threshold_kop, "t"), soci::use(s.commission_rate_bp, "r");
}

std::vector<domain::SettlementRegister> ListRegisters(soci::session& db, std::int64_t partnerId,
                                                      const std::string& from, const std::string& to,
                                                      std::int64_t beforeId, int limit) {
    // Dates sort as text; the cursor is the last id shown, and ids grow with dates.
    const std::string lo = from.empty() ? "0000-00-00" : from;
    const std::string hi = to.empty() ? "9999-99-99" : to;
    const std::int64_t before = beforeId > 0 ? beforeId : std::numeric_limits<std::int64_t>::max();
    std::vector<domain::SettlementRegister> out;
    RegisterRow r;
    soci::statement st =
        (db.prepare << "SELECT " << kRegisterColumns
                    << " FROM settlement_registers WHERE partner_id = :p AND business_date >= :lo AND "
                       "business_date <= :hi AND register_id < :before ORDER BY register_id DESC LIMIT :limit",
         soci::into(r.id), soci::into(r.date), soci::into(r.status), soci::into(r.count), soci::into(r.turnover),
         soci::into(r.refunds), soci::into(r.payout), soci::into(r.payoutDate), soci::into(r.needsSecond),
         soci::into(r.version), soci::use(partnerId, "p"), soci::use(lo, "lo"), soci::use(hi, "hi"),
         soci::use(before, "before"), soci::use(limit, "limit"));
    st.execute();
    while (st.fetch()) {
        out.push_back(r.ToRegister());
    }
    if (out.empty()) {
        return out;
    }
    // One query for the whole page's approvals, not one per register (a page
    // of 50 cost 51 statements: 435 lists a second on SQLite, 70 on PostgreSQL).
    std::unordered_map<std::int64_t, domain::SettlementRegister*> byId;
    for (auto& reg : out) {
        byId.emplace(reg.id, &reg);
    }
    const std::int64_t lowId = out.back().id, highId = out.front().id;
    std::int64_t registerId = 0;
    domain::RegisterApproval a;
    soci::statement approvals =
        (db.prepare << "SELECT register_id, user_id, login, approved_at, comment FROM register_approvals "
                       "WHERE partner_id = :p AND register_id >= :low AND register_id <= :high "
                       "ORDER BY register_id, approved_at, user_id",
         soci::into(registerId), soci::into(a.user_id), soci::into(a.login), soci::into(a.approved_at),
         soci::into(a.comment), soci::use(partnerId, "p"), soci::use(lowId, "low"), soci::use(highId, "high"));
    approvals.execute();
    while (approvals.fetch()) {
        if (auto it = byId.find(registerId); it != byId.end()) {
            it->second->approvals.push_back(a);
        }
    }
    return out;
}

std::optional<domain::SettlementRegister> FindRegister(soci::session& db, std::int64_t partnerId,
                                                       std::int64_t registerId) {
    RegisterRow r;
    db << "SELECT " << kRegisterColumns << " FROM settlement_registers WHERE partner_id = :p AND register_id = :r",
        soci::into(r.id), soci::into(r.date), soci::into(r.status), soci::into(r.count), soci::into(r.turnover),
        soci::into(r.refunds), soci::into(r.payout), soci::into(r.payoutDate), soci::into(r.needsSecond),
        soci::into(r.version), soci::use(partnerId, "p"), soci::use(registerId, "r");
    if (!db.got_data()) {
        return std::nullopt;
    }
    auto reg = r.ToRegister();
    FillApprovals(db, partnerId, reg);
    return reg;
}

std::int64_t InsertRegister(soci::session& db, std::int64_t partnerId, const domain::SettlementRegister& reg) {
    std::int64_t id = 0;
    db << "SELECT COALESCE(MAX(register_id), 0) + 1 FROM settlement_registers", soci::into(id);
    const std::string status(ToString(reg.status));
    const int needsSecond = reg.needs_second_approval ? 1 : 0;
    db << "INSERT INTO settlement_registers (partner_id, " << kRegisterColumns
       << ") VALUES (:p, :id, :date, :status, :count, :turnover, :refunds, :payout, :payout_date, :second, 1)",
        soci::use(partnerId, "p"), soci::use(id, "id"), soci::use(reg.business_date, "date"),
        soci::use(status, "status"), soci::use(reg.count, "count"), soci::use(reg.turnover_kop, "turnover"),
        soci::use(reg.refunds_kop, "refunds"), soci::use(reg.payout_kop, "payout"),
        soci::use(reg.payout_date, "payout_date"), soci::use(needsSecond, "second");
    return id;
}

void InsertTransactions(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t firstSeq,
                        const std::vector<domain::SettlementTransaction>& transactions) {
    BatchInsert insert(db,
                       "INSERT INTO settlement_transactions (partner_id, register_id, seq, order_id, store_id, "
                       "purchased_at, amount_kop, prepaid_kop, status, refunded_kop, refund_status) VALUES ",
                       kBatchRows);
    for (std::size_t i = 0; i < transactions.size(); ++i) {
        const auto& t = transactions[i];
        insert.Add(std::to_string(partnerId) + "," + std::to_string(registerId) + "," +
                   std::to_string(firstSeq + static_cast<std::int64_t>(i)) + "," + Quoted(t.order_id) + "," +
                   Quoted(t.store_id) + "," + std::to_string(t.purchased_at) + "," + std::to_string(t.amount_kop) +
                   "," + std::to_string(t.prepaid_kop) + "," + Quoted(t.status) + "," +
                   std::to_string(t.refunded_kop) + "," +
                   (t.refund_status ? Quoted(*t.refund_status) : std::string("NULL")));
    }
    insert.Flush();
}

std::vector<domain::SettlementTransaction> ListTransactions(soci::session& db, std::int64_t partnerId,
                                                            std::int64_t registerId, std::int64_t afterSeq,
                                                            int limit, std::vector<std::int64_t>& seqs) {
    std::vector<domain::SettlementTransaction> out;
    domain::SettlementTransaction t;
    std::int64_t seq = 0;
    std::optional<std::string> refundStatus;
    soci::statement st =
        (db.prepare << "SELECT seq, order_id, store_id, purchased_at, amount_kop, prepaid_kop, status, refunded_kop, "
                       "refund_status FROM settlement_transactions WHERE partner_id = :p AND register_id = :r AND "
                       "seq > :after ORDER BY seq LIMIT :limit",
         soci::into(seq), soci::into(t.order_id), soci::into(t.store_id), soci::into(t.purchased_at),
         soci::into(t.amount_kop), soci::into(t.prepaid_kop), soci::into(t.status), soci::into(t.refunded_kop),
         soci::into(refundStatus), soci::use(partnerId, "p"), soci::use(registerId, "r"), soci::use(afterSeq, "after"),
         soci::use(limit, "limit"));
    st.execute();
    while (st.fetch()) {
        t.refund_status = refundStatus;
        out.push_back(t);
        seqs.push_back(seq);
    }
    return out;
}

void ForEachTransaction(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                        const std::function<void(const domain::SettlementTransaction&)>& visit) {
    constexpr std::size_t kBatch = 1000;
    std::vector<std::string> orders(kBatch), stores(kBatch), statuses(kBatch), refundStatuses(kBatch);
    std::vector<long long> ats(kBatch), amounts(kBatch), prepaids(kBatch), refundeds(kBatch);
    std::vector<soci::indicator> refundIndicators(kBatch);
    long long partner = partnerId, reg = registerId;
    soci::statement st =
        (db.prepare << "SELECT order_id, store_id, purchased_at, amount_kop, prepaid_kop, status, refunded_kop, "
                       "refund_status FROM settlement_transactions WHERE partner_id = :p AND register_id = :r "
                       "ORDER BY seq",
         soci::into(orders), soci::into(stores), soci::into(ats), soci::into(amounts), soci::into(prepaids),
         soci::into(statuses), soci::into(refundeds), soci::into(refundStatuses, refundIndicators),
         soci::use(partner, "p"), soci::use(reg, "r"));
    st.execute();
    domain::SettlementTransaction t;
    while (st.fetch()) {
        for (std::size_t i = 0; i < orders.size(); ++i) {
            t.order_id.swap(orders[i]);
            t.store_id.swap(stores[i]);
            t.purchased_at = ats[i];
            t.amount_kop = amounts[i];
            t.prepaid_kop = prepaids[i];
            t.status.swap(statuses[i]);
            t.refunded_kop = refundeds[i];
            if (refundIndicators[i] == soci::i_ok) {
                t.refund_status = refundStatuses[i];
            } else {
                t.refund_status.reset();
            }
            visit(t);
        }
        // SOCI shrinks the vectors to the rows a fetch returned; give them room for a full batch again.
        for (auto* v : {&orders, &stores, &statuses, &refundStatuses}) v->resize(kBatch);
        for (auto* v : {&ats, &amounts, &prepaids, &refundeds}) v->resize(kBatch);
        refundIndicators.resize(kBatch);
    }
}

std::vector<std::string> OrdersNotOnRegister(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                                             const std::vector<std::string>& orderIds) {
    std::vector<std::string> missing;
    for (const auto& id : orderIds) {
        int n = 0;
        db << "SELECT COUNT(*) FROM settlement_transactions WHERE partner_id = :p AND register_id = :r AND "
              "order_id = :o",
            soci::into(n), soci::use(partnerId, "p"), soci::use(registerId, "r"), soci::use(id, "o");
        if (n == 0) missing.push_back(id);
    }
    return missing;
}

bool AddApproval(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                 const domain::RegisterApproval& a) {
    // ON CONFLICT DO NOTHING keeps the transaction usable on PostgreSQL, where
    // a failed INSERT would abort everything after it.
    std::int64_t inserted = 0;
    db << "INSERT INTO register_approvals (partner_id, register_id, user_id, login, approved_at, comment) "
          "VALUES (:p, :r, :u, :login, :at, :comment) ON CONFLICT (partner_id, register_id, user_id) DO NOTHING "
          "RETURNING user_id",
        soci::into(inserted), soci::use(partnerId, "p"), soci::use(registerId, "r"), soci::use(a.user_id, "u"),
        soci::use(a.login, "login"), soci::use(a.approved_at, "at"), soci::use(a.comment, "comment");
    return db.got_data();
}

bool SetRegisterStatus(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                       std::int64_t expectedVersion, domain::RegisterStatus status) {
    const std::string text(ToString(status));
    soci::statement st = (db.prepare << "UPDATE settlement_registers SET status = :s, version = version + 1 "
                                        "WHERE partner_id = :p AND register_id = :r AND version = :v",
                          soci::use(text, "s"), soci::use(partnerId, "p"), soci::use(registerId, "r"),
                          soci::use(expectedVersion, "v"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool TouchRegister(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t expectedVersion) {
    soci::statement st = (db.prepare << "UPDATE settlement_registers SET version = version + 1 "
                                        "WHERE partner_id = :p AND register_id = :r AND version = :v",
                          soci::use(partnerId, "p"), soci::use(registerId, "r"), soci::use(expectedVersion, "v"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void AddDispute(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t userId,
                const domain::RegisterDispute& dispute, const std::string& now) {
    const std::string ids = nlohmann::json(dispute.order_ids).dump();
    db << "INSERT INTO register_disputes (partner_id, register_id, user_id, reason, order_ids, created_at) "
          "VALUES (:p, :r, :u, :reason, :ids, :now)",
        soci::use(partnerId, "p"), soci::use(registerId, "r"), soci::use(userId, "u"),
        soci::use(dispute.reason, "reason"), soci::use(ids, "ids"), soci::use(now, "now");
}

void SaveInvoice(soci::session& db, std::int64_t partnerId, const StoredInvoice& s) {
    const auto& i = s.invoice;
    const std::string month = ToString(i.month);
    db << "INSERT INTO commission_invoices (partner_id, month, turnover_kop, refunds_kop, base_kop, rate_bp, "
          "commission_kop, vat_kop, total_kop, status) VALUES (:p, :m, :t, :r, :b, :rate, :c, :v, :total, :s)",
        soci::use(partnerId, "p"), soci::use(month, "m"), soci::use(i.turnover_kop, "t"),
        soci::use(i.refunds_kop, "r"), soci::use(i.base_kop, "b"), soci::use(i.rate_bp, "rate"),
        soci::use(i.commission_kop, "c"), soci::use(i.vat_kop, "v"), soci::use(i.total_kop, "total"),
        soci::use(s.status, "s");
}

std::optional<StoredInvoice> FindInvoice(soci::session& db, std::int64_t partnerId, const domain::Month& month) {
    StoredInvoice s;
    s.invoice.month = month;
    const std::string m = ToString(month);
    auto& i = s.invoice;
    db << "SELECT turnover_kop, refunds_kop, base_kop, rate_bp, commission_kop, vat_kop, total_kop, status "
          "FROM commission_invoices WHERE partner_id = :p AND month = :m",
        soci::into(i.turnover_kop), soci::into(i.refunds_kop), soci::into(i.base_kop), soci::into(i.rate_bp),
        soci::into(i.commission_kop), soci::into(i.vat_kop), soci::into(i.total_kop), soci::into(s.status),
        soci::use(partnerId, "p"), soci::use(m, "m");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return s;
}

bool SettleInvoice(soci::session& db, std::int64_t partnerId, const domain::Month& month, const std::string& status) {
    const std::string m = ToString(month);
    soci::statement st = (db.prepare << "UPDATE commission_invoices SET status = :s WHERE partner_id = :p AND "
                                        "month = :m AND status = 'issued'",
                          soci::use(status, "s"), soci::use(partnerId, "p"), soci::use(m, "m"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

} // namespace kpd::sandbox
