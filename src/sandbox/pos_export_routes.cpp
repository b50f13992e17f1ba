// GET /v1/sandbox/pos-export/{register}: a rehearsal file for finance staff
// (sandbox only) — the register's purchases as a Russian till would export
// them (UTF-8 with a BOM, semicolons, decimal commas, Moscow times), with one
// discrepancy of every kind planted at fixed places, so a reconciliation in
// the desk has something real to find:
//   1st purchase left out (missing at the partner), 2nd +50,00 ₽ (amount),
//   3rd twice (duplicate), 4th two hours late (date outside tolerance),
//   5th without its order id (matched by store, amount and time), 6th with
//   10,00 ₽ more refunded (refund), and one sale the platform never saw.
// Finance roles, like the register itself.
#include "domain/timestamp.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"
#include "sandbox/settlement_repository.h"

#include <chrono>

namespace kpd::sandbox {

namespace {
std::string Roubles(domain::Kopecks kop) {
    const domain::Kopecks m = kop < 0 ? -kop : kop;
    const std::string cents = std::to_string(m % 100);
    return (kop < 0 ? "-" : "") + std::to_string(m / 100) + "," + (cents.size() < 2 ? "0" : "") + cents;
}

// "20.11.2026 15:30:00", Moscow time.
std::string TillTime(std::int64_t unix) {
    const std::string iso = domain::FormatRfc3339(domain::Instant{std::chrono::seconds{unix}});
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4) + " " + iso.substr(11, 8);
}

void SendPosExport(RequestContext& ctx) {
    const auto reg = FindRegister(ctx.db, ctx.caller->partner_id, ctx.PathId());
    if (!reg) {
        SendProblem(ctx.res, 404, "not_found", "no such register");
        return;
    }
    std::vector<std::int64_t> seqs;
    const auto rows = ListTransactions(ctx.db, ctx.caller->partner_id, reg->id, 0, 1'000'000, seqs);
    if (rows.size() < 6) {
        SendProblem(ctx.res, 409, "register_too_small", "a rehearsal file needs a register of at least 6 purchases");
        return;
    }
    std::string csv = "\xEF\xBB\xBFНомер заказа;Магазин;Дата продажи;Сумма, руб.;Возврат, руб.\r\n";
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& t = rows[i];
        std::string id = t.order_id;
        std::int64_t at = t.purchased_at;
        domain::Kopecks amount = t.amount_kop, refunded = t.refunded_kop;
        if (i == 1) amount += 5000;
        if (i == 3) at += 2 * 3600;
        if (i == 4) id.clear();
        if (i == 5) refunded += 1000;
        const std::string line = id + ";" + t.store_id + ";" + TillTime(at) + ";" + Roubles(amount) + ";" +
                                 (refunded > 0 ? Roubles(refunded) : "") + "\r\n";
        csv += line;
        if (i == 2) csv += line;
    }
    csv += "POS-" + std::to_string(reg->id) + "-EXTRA;" + rows.front().store_id + ";" +
           TillTime(rows.front().purchased_at) + ";990,00;\r\n";
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition",
                       "attachment; filename=\"kassa-" + reg->business_date + ".csv\"");
    ctx.res.set_content(csv, "text/csv; charset=utf-8");
}
} // namespace

void AddPosExportRoutes(Router& router) {
    router.Add({"GET", R"(/v1/sandbox/pos-export/(\d{1,18}))", Access::Finance, Body::None, false, false,
                SendPosExport});
}

} // namespace kpd::sandbox
