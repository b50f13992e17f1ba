#include "store/settlement_store.h"

#include "contract/json_parse.h"
#include "contract/settlement_json.h"
#include "store/soci_optional.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>

namespace kpd::store {

namespace {
constexpr std::size_t kCopyChunkBytes = 1 << 20;   // bytes per PQputCopyData
// SQLite: rows per execution of the multi-row INSERT. One statement of 64
// rows runs the VDBE's per-statement work once for all of them; 64 × 9
// parameters stay well under SQLite's limit of 32,766.
constexpr std::size_t kRowsPerInsert = 64;

// The INSERT of `rows` rows: ?1…?3 (platform, partner, register) are the same
// on every row and bound once; each row has nine parameters of its own.
std::string InsertSql(std::size_t rows) {
    std::string sql = "INSERT INTO settlement_transactions (platform_url, partner_id, register_id, seq, order_id, "
                      "store_id, purchased_at, amount_kop, prepaid_kop, status, refunded_kop, refund_status) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(?1,?2,?3" : ",(?1,?2,?3";
        for (std::size_t c = 0; c < 9; ++c) sql += ",?" + std::to_string(4 + r * 9 + c);
        sql += ')';
    }
    return sql;
}

// A prepared SQLite statement on the session's own connection, finalized
// whichever way the load ends.
class SqliteInsert {
  public:
    SqliteInsert(sqlite_api::sqlite3* db, std::size_t rows) : m_db(db), m_rows(rows) {
        const std::string sql = InsertSql(rows);
        if (sqlite_api::sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                           SQLITE_PREPARE_PERSISTENT, &m_st, nullptr) !=
            SQLITE_OK) {
            throw StoreError(StoreErrorKind::Other, "settlements.load", sqlite_api::sqlite3_errmsg(db));
        }
    }
    ~SqliteInsert() { sqlite_api::sqlite3_finalize(m_st); }
    SqliteInsert(const SqliteInsert&) = delete;
    SqliteInsert& operator=(const SqliteInsert&) = delete;

    std::size_t Rows() const { return m_rows; }

    // Text is bound without a copy: it must stay put until Run.
    void Text(int index, const std::string& value) { Check(sqlite_api::sqlite3_bind_text(m_st, index, value.data(), static_cast<int>(value.size()), nullptr)); }
    void Int(int index, long long value) { Check(sqlite_api::sqlite3_bind_int64(m_st, index, value)); }
    void Null(int index) { Check(sqlite_api::sqlite3_bind_null(m_st, index)); }

    void Run() {
        const int rc = sqlite_api::sqlite3_step(m_st);
        sqlite_api::sqlite3_reset(m_st);
        if (rc != SQLITE_DONE) {
            throw StoreError(rc == SQLITE_CONSTRAINT ? StoreErrorKind::Constraint : StoreErrorKind::Other,
                             "settlements.load", sqlite_api::sqlite3_errmsg(m_db));
        }
    }

  private:
    void Check(int rc) {
        if (rc != SQLITE_OK) {
            throw StoreError(StoreErrorKind::Other, "settlements.load", sqlite_api::sqlite3_errmsg(m_db));
        }
    }

    sqlite_api::sqlite3* m_db;
    sqlite_api::sqlite3_stmt* m_st = nullptr;
    std::size_t m_rows;
};

// COPY's text format: backslash, tab and line breaks escaped.
void AppendCopyText(std::string& out, const std::string& value) {
    for (char c : value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

// One register row as selected by SettlementStore::Registers.
struct RegisterRow {
    long long id = 0, count = 0, turnover = 0, refunds = 0, payout = 0, version = 0;
    int needsSecond = 0;
    std::string date, status, payoutDate, approvals;

    domain::SettlementRegister ToRegister() const {
        domain::SettlementRegister reg;
        reg.id = id;
        reg.business_date = date;
        reg.status = domain::RegisterStatusFromString(status).value_or(domain::RegisterStatus::PendingReview);
        reg.count = count;
        reg.turnover_kop = turnover;
        reg.refunds_kop = refunds;
        reg.payout_kop = payout;
        reg.payout_date = payoutDate;
        reg.needs_second_approval = needsSecond != 0;
        reg.version = version;
        // The approvals are kept as the platform's JSON: the desk only shows them.
        nlohmann::json wrapper = contract::ToJson(reg);
        auto list = contract::ParseJsonOrDiscarded(approvals);
        wrapper["approvals"] = list.is_array() ? list : nlohmann::json::array();
        if (auto parsed = contract::RegisterFromJson(wrapper); parsed.Ok()) reg.approvals = parsed.value->approvals;
        return reg;
    }
};
} // namespace

struct RegisterLoad::Impl {
    soci::session sql;
    std::unique_ptr<soci::transaction> tr;
    Backend backend;
    std::string url;
    long long partner = 0, registerId = 0, nextSeq = 1;
    bool committed = false;
    // SQLite: the rows of the next multi-row INSERT (their strings keep
    // their capacity from one batch to the next), and the two statements.
    std::array<domain::SettlementTransaction, kRowsPerInsert> pending;
    std::array<long long, kRowsPerInsert> pendingSeq{};
    std::size_t pendingRows = 0;
    std::unique_ptr<SqliteInsert> many, one;
    // PostgreSQL: COPY lines.
    PGconn* conn = nullptr;
    bool copying = false;
    std::string copyBuffer;

    explicit Impl(soci::connection_pool& pool) : sql(pool), backend(BackendOf(sql)) {}

    void Flush() {
        if (backend == Backend::Postgresql) {
            if (!copyBuffer.empty() && PQputCopyData(conn, copyBuffer.data(), static_cast<int>(copyBuffer.size())) != 1) {
                throw StoreError(StoreErrorKind::Other, "settlements.load", PQerrorMessage(conn));
            }
            copyBuffer.clear();
            return;
        }
        if (pendingRows == kRowsPerInsert) {
            Insert(*many, 0, kRowsPerInsert);
        } else {
            for (std::size_t r = 0; r < pendingRows; ++r) Insert(*one, r, 1);
        }
        pendingRows = 0;
    }

    // Binds rows [first, first + n) of `pending` to `st` and runs it.
    void Insert(SqliteInsert& st, std::size_t first, std::size_t n) {
        for (std::size_t r = 0; r < n; ++r) {
            const auto& t = pending[first + r];
            const int at = 4 + static_cast<int>(r) * 9;
            st.Int(at, pendingSeq[first + r]);
            st.Text(at + 1, t.order_id);
            st.Text(at + 2, t.store_id);
            st.Int(at + 3, t.purchased_at);
            st.Int(at + 4, t.amount_kop);
            st.Int(at + 5, t.prepaid_kop);
            st.Text(at + 6, t.status);
            st.Int(at + 7, t.refunded_kop);
            if (t.refund_status) {
                st.Text(at + 8, *t.refund_status);
            } else {
                st.Null(at + 8);
            }
        }
        st.Run();
    }

    void EndCopy(const char* error) {
        if (!copying) return;
        copying = false;
        const bool sent = PQputCopyEnd(conn, error) == 1;
        bool ok = sent;
        while (PGresult* r = PQgetResult(conn)) {
            ok = ok && PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
        }
        if (!ok && error == nullptr) {
            throw StoreError(StoreErrorKind::Constraint, "settlements.load", PQerrorMessage(conn));
        }
    }
};

RegisterLoad::RegisterLoad(Workspace& workspace, SettlementScope scope, std::int64_t registerId) {
    Guarded("settlements.load", [&] {
        m_impl = std::make_unique<Impl>(workspace.Pool());
        auto& i = *m_impl;
        i.url = scope.platform_url;
        i.partner = scope.partner_id;
        i.registerId = registerId;
        i.tr = std::make_unique<soci::transaction>(i.sql);
        i.sql << "DELETE FROM settlement_transactions WHERE platform_url = :url AND partner_id = :p AND "
                 "register_id = :r",
            soci::use(i.url, "url"), soci::use(i.partner, "p"), soci::use(i.registerId, "r");
        if (i.backend == Backend::Postgresql) {
            i.conn = static_cast<soci::postgresql_session_backend*>(i.sql.get_backend())->conn_;
            PGresult* r = PQexec(i.conn, "COPY settlement_transactions (platform_url, partner_id, register_id, seq, "
                                         "order_id, store_id, purchased_at, amount_kop, prepaid_kop, status, "
                                         "refunded_kop, refund_status) FROM STDIN");
            const bool started = PQresultStatus(r) == PGRES_COPY_IN;
            PQclear(r);
            if (!started) throw StoreError(StoreErrorKind::Other, "settlements.load", PQerrorMessage(i.conn));
            i.copying = true;
        } else {
            auto* db = static_cast<soci::sqlite3_session_backend*>(i.sql.get_backend())->conn_;
            i.many = std::make_unique<SqliteInsert>(db, kRowsPerInsert);
            i.one = std::make_unique<SqliteInsert>(db, 1);
            for (SqliteInsert* st : {i.many.get(), i.one.get()}) {
                st->Text(1, i.url);
                st->Int(2, i.partner);
                st->Int(3, i.registerId);
            }
        }
    });
}

RegisterLoad::~RegisterLoad() {
    if (!m_impl || m_impl->committed) return;
    try {
        m_impl->EndCopy("the load was abandoned");
    } catch (...) {
        // The transaction's rollback below undoes everything anyway.
    }
}

void RegisterLoad::Add(const domain::SettlementTransaction& t) {
    auto& i = *m_impl;
    const long long seq = i.nextSeq++;
    ++m_added;
    if (i.backend == Backend::Postgresql) {
        auto& b = i.copyBuffer;
        AppendCopyText(b, i.url);
        b += '\t' + std::to_string(i.partner) + '\t' + std::to_string(i.registerId) + '\t' + std::to_string(seq) + '\t';
        AppendCopyText(b, t.order_id);
        b += '\t';
        AppendCopyText(b, t.store_id);
        b += '\t' + std::to_string(t.purchased_at) + '\t' + std::to_string(t.amount_kop) + '\t' +
             std::to_string(t.prepaid_kop) + '\t';
        AppendCopyText(b, t.status);
        b += '\t' + std::to_string(t.refunded_kop) + '\t';
        if (t.refund_status) {
            AppendCopyText(b, *t.refund_status);
        } else {
            b += "\\N";
        }
        b += '\n';
        if (b.size() >= kCopyChunkBytes) Guarded("settlements.load", [&] { i.Flush(); });
        return;
    }
    i.pending[i.pendingRows] = t;
    i.pendingSeq[i.pendingRows] = seq;
    if (++i.pendingRows == kRowsPerInsert) Guarded("settlements.load", [&] { i.Flush(); });
}

void RegisterLoad::Commit(std::int64_t version) {
    Guarded("settlements.load", [&] {
        auto& i = *m_impl;
        i.Flush();
        i.EndCopy(nullptr);
        long long v = version;
        i.sql << "UPDATE settlement_registers SET synced_version = :v WHERE platform_url = :url AND partner_id = :p "
                 "AND register_id = :r",
            soci::use(v, "v"), soci::use(i.url, "url"), soci::use(i.partner, "p"), soci::use(i.registerId, "r");
        i.tr->commit();
        i.committed = true;
    });
}

void SettlementStore::SaveRegisters(const SettlementScope& scope,
                                    const std::vector<domain::SettlementRegister>& registers) {
    Guarded("settlements.save_registers", [&] {
        soci::session sql(m_workspace.Pool());
        soci::transaction tr(sql);
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        for (const auto& reg : registers) {
            long long id = reg.id, count = reg.count, turnover = reg.turnover_kop, refunds = reg.refunds_kop,
                      payout = reg.payout_kop, version = reg.version;
            int second = reg.needs_second_approval ? 1 : 0;
            std::string status(ToString(reg.status));
            std::string approvals = contract::ToJson(reg).at("approvals").dump();
            sql << "INSERT INTO settlement_registers (platform_url, partner_id, register_id, business_date, status, "
                   "tx_count, turnover_kop, refunds_kop, payout_kop, payout_date, needs_second_approval, approvals_json, "
                   "version, synced_version) VALUES (:url, :p, :id, :date, :status, :count, :turnover, :refunds, "
                   ":payout, :pdate, :second, :approvals, :version, NULL) "
                   "ON CONFLICT (platform_url, partner_id, register_id) DO UPDATE SET status = excluded.status, "
                   "tx_count = excluded.tx_count, turnover_kop = excluded.turnover_kop, refunds_kop = "
                   "excluded.refunds_kop, payout_kop = excluded.payout_kop, payout_date = excluded.payout_date, "
                   "needs_second_approval = excluded.needs_second_approval, approvals_json = excluded.approvals_json, "
                   "version = excluded.version",
                soci::use(url, "url"), soci::use(partner, "p"), soci::use(id, "id"),
                soci::use(reg.business_date, "date"), soci::use(status, "status"), soci::use(count, "count"),
                soci::use(turnover, "turnover"), soci::use(refunds, "refunds"), soci::use(payout, "payout"),
                soci::use(reg.payout_date, "pdate"), soci::use(second, "second"), soci::use(approvals, "approvals"),
                soci::use(version, "version");
        }
        tr.commit();
    });
}

std::vector<domain::SettlementRegister> SettlementStore::Registers(const SettlementScope& scope,
                                                                   const std::string& from, const std::string& to) {
    return Guarded("settlements.registers", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        std::string lo = from.empty() ? "0000-00-00" : from, hi = to.empty() ? "9999-99-99" : to;
        RegisterRow r;
        soci::statement st =
            (sql.prepare << "SELECT register_id, business_date, status, tx_count, turnover_kop, refunds_kop, "
                            "payout_kop, payout_date, needs_second_approval, approvals_json, version FROM "
                            "settlement_registers WHERE platform_url = :url AND partner_id = :p AND business_date >= "
                            ":lo AND business_date <= :hi ORDER BY business_date DESC",
             soci::into(r.id), soci::into(r.date), soci::into(r.status), soci::into(r.count), soci::into(r.turnover),
             soci::into(r.refunds), soci::into(r.payout), soci::into(r.payoutDate), soci::into(r.needsSecond),
             soci::into(r.approvals), soci::into(r.version), soci::use(url, "url"), soci::use(partner, "p"),
             soci::use(lo, "lo"), soci::use(hi, "hi"));
        st.execute();
        std::vector<domain::SettlementRegister> out;
        while (st.fetch()) out.push_back(r.ToRegister());
        return out;
    });
}

std::vector<RegisterToSync> SettlementStore::RegistersToSync(const SettlementScope& scope) {
    return Guarded("settlements.to_sync", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        long long id = 0, version = 0, count = 0;
        soci::statement st = (sql.prepare << "SELECT register_id, version, tx_count FROM settlement_registers WHERE "
                                             "platform_url = :url AND partner_id = :p AND (synced_version IS NULL OR "
                                             "synced_version <> version) ORDER BY business_date",
                              soci::into(id), soci::into(version), soci::into(count), soci::use(url, "url"),
                              soci::use(partner, "p"));
        st.execute();
        std::vector<RegisterToSync> out;
        while (st.fetch()) out.push_back({id, version, count});
        return out;
    });
}

std::int64_t SettlementStore::TransactionCount(const SettlementScope& scope, std::int64_t registerId) {
    return Guarded("settlements.count", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id, reg = registerId, n = 0;
        sql << "SELECT COUNT(*) FROM settlement_transactions WHERE platform_url = :url AND partner_id = :p AND "
               "register_id = :r",
            soci::into(n), soci::use(url, "url"), soci::use(partner, "p"), soci::use(reg, "r");
        return static_cast<std::int64_t>(n);
    });
}

std::vector<domain::SettlementTransaction> SettlementStore::Transactions(const SettlementScope& scope,
                                                                         std::int64_t registerId) {
    return Guarded("settlements.transactions", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id, reg = registerId;
        domain::SettlementTransaction t;
        long long at = 0, amount = 0, prepaid = 0, refunded = 0;
        std::optional<std::string> refundStatus;
        soci::statement st = (sql.prepare << "SELECT order_id, store_id, purchased_at, amount_kop, prepaid_kop, status, "
                                             "refunded_kop, refund_status FROM settlement_transactions WHERE "
                                             "platform_url = :url AND partner_id = :p AND register_id = :r ORDER BY seq",
                              soci::into(t.order_id), soci::into(t.store_id), soci::into(at), soci::into(amount),
                              soci::into(prepaid), soci::into(t.status), soci::into(refunded), soci::into(refundStatus),
                              soci::use(url, "url"), soci::use(partner, "p"), soci::use(reg, "r"));
        st.execute();
        std::vector<domain::SettlementTransaction> out;
        while (st.fetch()) {
            t.purchased_at = at;
            t.amount_kop = amount;
            t.prepaid_kop = prepaid;
            t.refunded_kop = refunded;
            t.refund_status = refundStatus;
            out.push_back(t);
        }
        return out;
    });
}

} // namespace kpd::store
