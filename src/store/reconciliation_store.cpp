#include "store/reconciliation_store.h"

#include "contract/json_parse.h"
#include "contract/json_reader.h"
#include "store/soci_optional.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>
#include <soci/soci.h>

namespace kpd::store {

namespace {
std::string TotalsToJson(const domain::ReconTotals& totals) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        out[std::string(ToString(static_cast<domain::ReconClass>(c)))] = {
            totals[c].rows, totals[c].platform_kop, totals[c].partner_kop};
    }
    return out.dump();
}

domain::ReconTotals TotalsFromJson(const std::string& text) {
    domain::ReconTotals totals{};
    const auto json = contract::ParseJsonOrDiscarded(text);
    if (!json.is_object()) return totals;
    for (const auto& [name, value] : json.items()) {
        const auto cls = domain::ReconClassFromString(name);
        if (cls && value.is_array() && value.size() == 3) {
            // Written by TotalsToJson; a number that is not an int64 reads as 0, never wrapped.
            auto& t = totals[static_cast<std::size_t>(*cls)];
            t.rows = contract::ReadInt64(value[0]).value_or(0);
            t.platform_kop = contract::ReadInt64(value[1]).value_or(0);
            t.partner_kop = contract::ReadInt64(value[2]).value_or(0);
        }
    }
    return totals;
}
} // namespace

std::int64_t ReconciliationStore::SaveRun(const SettlementScope& scope, const ReconRun& run,
                                          const std::vector<StoredDiscrepancy>& discrepancies) {
    return Guarded("reconciliation.save_run", [&] {
        soci::session sql(m_workspace.Pool());
        soci::transaction tr(sql);
        std::string url = scope.platform_url, totals = TotalsToJson(run.totals), at = NowUtcText();
        long long partner = scope.partner_id, id = 0;
        sql << "INSERT INTO recon_runs (platform_url, partner_id, created_at, created_by, registers, pos_file, "
               "totals_json) VALUES (:url, :p, :at, :by, :regs, :pos, :totals) RETURNING run_id",
            soci::into(id), soci::use(url, "url"), soci::use(partner, "p"), soci::use(at, "at"),
            soci::use(run.created_by, "by"), soci::use(run.registers, "regs"), soci::use(run.pos_file, "pos"),
            soci::use(totals, "totals");
        // Discrepancies are a few per cent of a register: bound row by row in one prepared statement.
        long long rowNo = 0, reg = 0, line = 0, platformKop = 0, partnerKop = 0;
        std::string cls, order, store;
        soci::indicator regInd = soci::i_null, lineInd = soci::i_null, pInd = soci::i_null, qInd = soci::i_null;
        soci::statement st = (sql.prepare << "INSERT INTO recon_discrepancies (run_id, row_no, class, order_id, store_id, "
                                             "register_id, pos_line, platform_kop, partner_kop) VALUES (:run, :no, :cls, "
                                             ":ord, :store, :reg, :line, :pk, :qk)",
                              soci::use(id, "run"), soci::use(rowNo, "no"), soci::use(cls, "cls"),
                              soci::use(order, "ord"), soci::use(store, "store"), soci::use(reg, regInd, "reg"),
                              soci::use(line, lineInd, "line"), soci::use(platformKop, pInd, "pk"),
                              soci::use(partnerKop, qInd, "qk"));
        for (const auto& d : discrepancies) {
            ++rowNo;
            cls = std::string(ToString(d.cls));
            order = d.order_id;
            store = d.store_id;
            regInd = d.register_id ? soci::i_ok : soci::i_null;
            reg = d.register_id.value_or(0);
            lineInd = d.pos_line ? soci::i_ok : soci::i_null;
            line = d.pos_line.value_or(0);
            pInd = d.platform_kop ? soci::i_ok : soci::i_null;
            platformKop = d.platform_kop.value_or(0);
            qInd = d.partner_kop ? soci::i_ok : soci::i_null;
            partnerKop = d.partner_kop.value_or(0);
            st.execute(true);
        }
        tr.commit();
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ReconRun> ReconciliationStore::Runs(const SettlementScope& scope) {
    return Guarded("reconciliation.runs", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url, totals;
        long long partner = scope.partner_id, id = 0;
        ReconRun r;
        soci::statement st = (sql.prepare << "SELECT run_id, created_at, created_by, registers, pos_file, totals_json "
                                             "FROM recon_runs WHERE platform_url = :url AND partner_id = :p ORDER BY "
                                             "run_id DESC",
                              soci::into(id), soci::into(r.created_at), soci::into(r.created_by),
                              soci::into(r.registers), soci::into(r.pos_file), soci::into(totals),
                              soci::use(url, "url"), soci::use(partner, "p"));
        st.execute();
        std::vector<ReconRun> out;
        while (st.fetch()) {
            r.id = id;
            r.totals = TotalsFromJson(totals);
            out.push_back(r);
        }
        return out;
    });
}

std::vector<StoredDiscrepancy> ReconciliationStore::Discrepancies(std::int64_t runId) {
    return Guarded("reconciliation.discrepancies", [&] {
        soci::session sql(m_workspace.Pool());
        long long run = runId;
        std::string cls;
        StoredDiscrepancy d;
        std::optional<long long> reg, line, pk, qk;
        soci::statement st = (sql.prepare << "SELECT class, order_id, store_id, register_id, pos_line, platform_kop, "
                                             "partner_kop FROM recon_discrepancies WHERE run_id = :run ORDER BY row_no",
                              soci::into(cls), soci::into(d.order_id), soci::into(d.store_id), soci::into(reg),
                              soci::into(line), soci::into(pk), soci::into(qk), soci::use(run, "run"));
        st.execute();
        std::vector<StoredDiscrepancy> out;
        while (st.fetch()) {
            d.cls = domain::ReconClassFromString(cls).value_or(domain::ReconClass::Matched);
            d.register_id = reg ? std::optional<std::int64_t>(*reg) : std::nullopt;
            d.pos_line = line ? std::optional<std::int64_t>(*line) : std::nullopt;
            d.platform_kop = pk ? std::optional<domain::Kopecks>(*pk) : std::nullopt;
            d.partner_kop = qk ? std::optional<domain::Kopecks>(*qk) : std::nullopt;
            out.push_back(d);
        }
        return out;
    });
}

void ReconciliationStore::SetNote(const SettlementScope& scope, const std::string& orderId, const std::string& text,
                                  const NewAuditRecord& audit) {
    Guarded("reconciliation.set_note", [&] {
        soci::session sql(m_workspace.Pool());
        soci::transaction tr(sql);
        std::string url = scope.platform_url, order = orderId, note = text, at = NowUtcText(), by = audit.actor;
        long long partner = scope.partner_id;
        if (note.empty()) {
            sql << "DELETE FROM recon_notes WHERE platform_url = :url AND partner_id = :p AND order_id = :o",
                soci::use(url, "url"), soci::use(partner, "p"), soci::use(order, "o");
        } else {
            sql << "INSERT INTO recon_notes (platform_url, partner_id, order_id, note, updated_at, updated_by) "
                   "VALUES (:url, :p, :o, :note, :at, :by) ON CONFLICT (platform_url, partner_id, order_id) DO UPDATE "
                   "SET note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                soci::use(url, "url"), soci::use(partner, "p"), soci::use(order, "o"), soci::use(note, "note"),
                soci::use(at, "at"), soci::use(by, "by");
        }
        LocalAuditLog::AppendOn(sql, audit);
        tr.commit();
    });
}

std::map<std::string, std::string> ReconciliationStore::Notes(const SettlementScope& scope) {
    return Guarded("reconciliation.notes", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url, order, note;
        long long partner = scope.partner_id;
        soci::statement st = (sql.prepare << "SELECT order_id, note FROM recon_notes WHERE platform_url = :url AND "
                                             "partner_id = :p",
                              soci::into(order), soci::into(note), soci::use(url, "url"), soci::use(partner, "p"));
        st.execute();
        std::map<std::string, std::string> out;
        while (st.fetch()) out[order] = note;
        return out;
    });
}

} // namespace kpd::store
