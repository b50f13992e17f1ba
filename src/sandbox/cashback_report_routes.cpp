// GET /v1/cashback-flights/{id}/report: how a flight is doing — receipts
// scanned by users it reaches, receipts matched, cashback accrued net of
// returns and what returns took back, budget left, the daily series (every
// day from the start to today or the end, days without scans as zeros, so a
// chart shows the gaps) and the day the budget is forecast to run out
// (domain::ForecastBudget; none when the budget outlasts the flight). Read by marketing, partner_admin and viewer.
#include "contract/cashback_json.h"
#include "sandbox/cashback_flight_http.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

#include <algorithm>
#include <map>

namespace kpd::sandbox {

namespace {
domain::FlightReport ReportOf(const RequestContext& ctx, const StoredFlight& stored) {
    const auto flight = ShownFlight(ctx, stored);
    const auto today = TodayInMoscow(ctx);
    domain::FlightReport report;
    report.flight_id = stored.id;
    report.budget_kop = stored.budget_kop;
    report.accrued_kop = stored.accrued_kop;
    report.budget_left_kop = stored.budget_kop - stored.accrued_kop;

    std::map<std::int64_t, domain::FlightDay> days; // by day number
    for (const auto& row : ListDaily(ctx.db, stored.partner_id, stored.id)) {
        const auto date = domain::ParseIsoDate(row.day);
        if (!date) continue;
        auto& day = days[domain::DaysFromCivil(*date)];
        day.date = *date;
        day.scanned = row.counts.scanned;
        day.matched = row.counts.matched;
        day.accrued_kop = row.counts.accrued_kop - row.counts.reversed_kop;
        report.receipts_scanned += row.counts.scanned;
        report.receipts_matched += row.counts.matched;
        report.reversed_kop += row.counts.reversed_kop;
    }
    // A flight that has run fills its days up to today (or its end) with zeros.
    const bool ran = flight.submitted_on.has_value() && flight.starts_on <= today;
    if (ran) {
        const auto last = std::min(domain::DaysFromCivil(today), domain::DaysFromCivil(flight.ends_on));
        for (auto d = domain::DaysFromCivil(flight.starts_on); d <= last; ++d) {
            if (!days.count(d)) days[d].date = domain::CivilFromDays(d);
        }
    }
    for (auto& [number, day] : days) report.daily.push_back(day);
    if (flight.status == domain::FlightStatus::Live) {
        // A budget that outlasts the flight's end never runs out: the day stays null.
        report.forecast_exhausted_on =
            domain::ForecastBudget(report.daily, report.budget_left_kop, today, flight.ends_on).runs_out_on;
    }
    return report;
}

void GetReport(RequestContext& ctx) {
    if (auto stored = FlightOrNotFound(ctx)) {
        SendJson(ctx.res, 200, contract::ToJson(ReportOf(ctx, *stored)));
    }
}
} // namespace

void AddCashbackReportRoutes(Router& router) {
    router.Add({"GET", std::string(kFlightPath) + "/report", Access::MarketingReader, Body::None, false, false,
                GetReport});
}

} // namespace kpd::sandbox
