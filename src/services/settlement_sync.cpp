#include "services/settlement_sync.h"

namespace kpd::services {

Outcome<SyncReport> SyncSettlements(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const std::string& from, const std::string& to,
                                    const domain::CancelToken* cancel, domain::ProgressSink& progress) {
    SyncReport report;
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    auto settlements = workspace.Settlements();
    const auto cancelled = [&] { return cancel && cancel->IsCancelled(); };

    progress.Report(0, 0, "registers");
    std::string cursor;
    do {
        auto page = client.ListSettlements(from, to, contract::kMaxPageLimit, cursor);
        if (!page.Ok()) {
            return Outcome<SyncReport>::Failure(page.Error());
        }
        settlements.SaveRegisters(scope, page.Value().items);
        report.registers_listed += static_cast<std::int64_t>(page.Value().items.size());
        cursor = page.Value().next_cursor.value_or("");
        if (cancelled()) {
            report.cancelled = true;
            return Outcome<SyncReport>::Success(report);
        }
    } while (!cursor.empty());

    const auto pending = settlements.RegistersToSync(scope);
    std::int64_t total = 0;
    for (const auto& r : pending) total += r.count;
    for (const auto& r : pending) {
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        auto load = settlements.BeginLoad(scope, r.id);
        auto streamed = client.StreamSettlementTransactions(r.id, [&](domain::SettlementTransaction&& tx) { load.Add(tx); });
        if (!streamed.Ok()) {
            return Outcome<SyncReport>::Failure(streamed.Error()); // the load rolls back: the register stays as it was
        }
        if (cancelled()) { // stop before committing half of what the user asked to stop
            report.cancelled = true;
            break;
        }
        load.Commit(r.version);
        ++report.registers_loaded;
        report.transactions_loaded += load.Added();
        progress.Report(report.transactions_loaded, total, "purchases");
    }
    return Outcome<SyncReport>::Success(report);
}

} // namespace kpd::services
