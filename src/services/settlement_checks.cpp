#include "services/settlement_checks.h"

#include <algorithm>
#include <optional>

namespace kpd::services {

namespace {
// Purchases in the desk's table as the engine keys them; the register's
// id is the "line" so a report row can name where the purchase came from.
// A purchase over the line cap (domain/money.h) is named instead: such a
// register is broken, and its sums could not be trusted.
std::optional<domain::Problem> AddPurchases(SaleTable& table,
                                            const std::vector<domain::SettlementTransaction>& txs,
                                            std::int64_t registerId) {
    for (const auto& t : txs) {
        if (!domain::WithinLineCap(t.amount_kop) || !domain::WithinLineCap(t.refunded_kop)) {
            return domain::Problem{
                "/registers/" + std::to_string(registerId), "over_cap",
                "register " + std::to_string(registerId) + ": the purchase " + t.order_id +
                    " has an amount over the limit of 100,000,000,000.00 RUB (10^13 kopecks)"};
        }
        table.Add(t.order_id, t.store_id, t.purchased_at, t.amount_kop, t.refunded_kop, registerId);
    }
    return std::nullopt;
}

domain::Problem LineProblemAsProblem(const LineProblem& p) {
    // "line 17 amount", and a sheet's cell after it: "line 17 amount D17".
    return {"line " + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column) +
                (p.cell.empty() ? "" : " " + p.cell),
            p.code.empty() ? "bad_line" : p.code, p.message};
}
} // namespace

Outcome<std::shared_ptr<ReconcileReport>> ReconcileWithPos(store::Workspace& workspace, const DeskContext& context,
                                                           const ReconcileRequest& request,
                                                           const domain::CancelToken* cancel,
                                                           domain::ProgressSink& progress) {
    auto report = std::make_shared<ReconcileReport>();
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    auto store = workspace.Settlements();
    if (request.register_ids.empty()) {
        for (const auto& reg : store.Registers(scope, request.from, request.to)) report->register_ids.push_back(reg.id);
        std::reverse(report->register_ids.begin(), report->register_ids.end()); // oldest first
    } else {
        report->register_ids = request.register_ids;
    }
    if (report->register_ids.empty()) {
        return Outcome<std::shared_ptr<ReconcileReport>>::Invalid(
            {{"/registers", "no_registers", "no synced register in the period: run a sync first"}});
    }
    progress.Report(0, 0, "platform");
    // Registers with no purchases are either empty days or not synced yet;
    // the register list tells which (read once, only when needed).
    std::optional<std::vector<domain::SettlementRegister>> known;
    for (auto id : report->register_ids) {
        auto txs = store.Transactions(scope, id);
        if (txs.empty()) {
            if (!known) known = store.Registers(scope);
            const bool emptyDay =
                std::any_of(known->begin(), known->end(), [&](const auto& r) { return r.id == id && r.count == 0; });
            if (!emptyDay) {
                return Outcome<std::shared_ptr<ReconcileReport>>::Invalid(
                    {{"/registers/" + std::to_string(id), "not_synced",
                      "register " + std::to_string(id) + " has not been synced to this workspace"}});
            }
        }
        if (auto overCap = AddPurchases(report->platform, txs, id)) {
            return Outcome<std::shared_ptr<ReconcileReport>>::Invalid({std::move(*overCap)});
        }
    }
    progress.Report(0, 0, "partner file");
    report->pos = ReadPosFile(request.pos_path, request.layout, cancel, &progress);
    if (!report->pos.fatal.empty()) {
        return Outcome<std::shared_ptr<ReconcileReport>>::Invalid({{"/pos", "unreadable", report->pos.fatal}});
    }
    if (report->pos.cancelled) {
        return Outcome<std::shared_ptr<ReconcileReport>>::Success(report);
    }
    if (report->pos.problem_lines > 0 && !request.skip_bad_lines) {
        domain::Problems problems;
        for (const auto& p : report->pos.problems) problems.push_back(LineProblemAsProblem(p));
        return Outcome<std::shared_ptr<ReconcileReport>>::Invalid(std::move(problems));
    }
    progress.Report(0, 0, "matching");
    report->result = Reconcile(report->platform, report->pos.table, request.options, cancel, &progress);
    if (report->result.totals_overflow) {
        return Outcome<std::shared_ptr<ReconcileReport>>::Invalid(
            {{"/totals", "totals_overflow",
              "the amounts of one class add up to more than 92,233,720,368,547,758.07 RUB; "
              "reconcile fewer registers "
              "at a time"}});
    }
    report->reconciled = !report->result.cancelled;
    return Outcome<std::shared_ptr<ReconcileReport>>::Success(report);
}

std::int64_t SaveReconciliation(store::Workspace& workspace, const DeskContext& context, const ReconcileReport& report) {
    store::ReconRun run;
    run.created_by = context.login;
    for (auto id : report.register_ids) run.registers += (run.registers.empty() ? "" : ",") + std::to_string(id);
    run.totals = report.result.totals;
    std::vector<store::StoredDiscrepancy> rows;
    for (const auto& row : report.result.rows) {
        if (row.cls == domain::ReconClass::Matched) continue;
        store::StoredDiscrepancy d;
        d.cls = row.cls;
        if (row.platform != kNoRow) {
            d.order_id = std::string(report.platform.OrderId(row.platform));
            d.store_id = std::string(report.platform.Store(row.platform));
            d.register_id = report.platform.SourceLine(row.platform);
            d.platform_kop = report.platform.Amount(row.platform);
        }
        if (row.partner != kNoRow) {
            if (d.order_id.empty()) d.order_id = std::string(report.pos.table.OrderId(row.partner));
            if (d.store_id.empty()) d.store_id = std::string(report.pos.table.Store(row.partner));
            d.pos_line = report.pos.table.SourceLine(row.partner);
            d.partner_kop = report.pos.table.Amount(row.partner);
        }
        rows.push_back(std::move(d));
    }
    return workspace.Reconciliations().SaveRun({context.platform_url, context.partner_id}, run, rows);
}

void SetReconciliationNote(store::Workspace& workspace, const DeskContext& context, const std::string& orderId,
                           const std::string& text) {
    store::NewAuditRecord audit{context.login, context.platform_url,
                                text.empty() ? "reconciliation.note_removed" : "reconciliation.note_set", "order",
                                orderId, text.empty() ? "note removed" : "note: " + text.substr(0, 200)};
    workspace.Reconciliations().SetNote({context.platform_url, context.partner_id}, orderId, text, audit);
}

Outcome<CommissionCheck> CheckCommission(api::PlatformClient& client, store::Workspace& workspace,
                                         const DeskContext& context, const domain::Month& month) {
    auto invoice = client.GetCommissionInvoice(month);
    if (!invoice.Ok()) {
        return Outcome<CommissionCheck>::Failure(invoice.Error());
    }
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    auto store = workspace.Settlements();
    // Purchases of the month sit on its registers and on the first of the next
    // (a purchase late on the last day is registered that day, Moscow time).
    std::vector<domain::SettlementRegister> registers;
    std::vector<domain::SettlementTransaction> transactions;
    for (const auto& reg : store.Registers(scope)) {
        registers.push_back(reg);
        const auto date = reg.business_date;
        const std::string m = ToString(month);
        const domain::Month next = month.month == 12 ? domain::Month{month.year + 1, 1} : domain::Month{month.year, month.month + 1};
        const std::string n = ToString(next);
        const std::string prev = ToString(month.month == 1 ? domain::Month{month.year - 1, 12} : domain::Month{month.year, month.month - 1});
        if (date.compare(0, 7, m) == 0 || date == n + "-01" || date == n + "-02" || date.compare(0, 7, prev) == 0) {
            auto txs = store.Transactions(scope, reg.id);
            transactions.insert(transactions.end(), txs.begin(), txs.end());
        }
    }
    CommissionCheck check;
    check.invoiced = invoice.Value();
    check.computed = domain::ComputeCommissionFromRegisters(month, check.invoiced.rate_bp, registers, transactions);
    check.differences = domain::CompareInvoices(check.invoiced, check.computed);
    if (check.invoiced.turnover_kop != check.computed.turnover_kop) {
        check.edge_purchases = domain::PurchasesNearMonthEdges(month, transactions);
    }
    return Outcome<CommissionCheck>::Success(std::move(check));
}

} // namespace kpd::services
