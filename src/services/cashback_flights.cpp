#include "services/cashback_flights.h"

#include "contract/cashback_json.h"
#include "services/cached_fetch.h"
#include "services/calendar_file.h"
#include "services/cashback_outbox.h"

#include <algorithm>
#include <set>

namespace kpd::services {

namespace {

const char* kFlightsCacheKind = "cashback_flights";

template <class T> T WithoutContext() {
    T out;
    out.error = detail::NotSignedIn();
    return out;
}

FlightOutcome FromOutbox(OutboxOutcome<domain::CashbackFlight>&& sent) {
    FlightOutcome out;
    static_cast<OutboxOutcome<domain::CashbackFlight>&>(out) = std::move(sent);
    if (out.error)
        out.earliest_starts_on = api::EarliestStartOf(*out.error);
    return out;
}

Message CalendarMessage(const domain::CalendarError& error, const std::string& path) {
    return {"calendar." + error.code,
            {{"year", std::to_string(error.year)}, {"path", path}},
            DescribeCalendarError(error, path)};
}

// Reads every page of the list (newest first, as the platform orders it).
api::Result<std::vector<domain::CashbackFlight>> AllFlights(api::PlatformClient& client) {
    std::vector<domain::CashbackFlight> flights;
    std::string cursor;
    do {
        auto page = client.ListCashbackFlights(contract::kMaxPageLimit, cursor);
        if (!page.Ok())
            return page.Error();
        auto& items = page.Value().items;
        flights.insert(flights.end(), std::make_move_iterator(items.begin()),
                       std::make_move_iterator(items.end()));
        cursor = page.Value().next_cursor.value_or("");
    } while (!cursor.empty());
    return flights;
}

} // namespace

api::Result<Fetched<std::vector<domain::CashbackFlight>>>
ListFlights(api::PlatformClient& client, store::Workspace& workspace,
            const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    const auto context = CurrentContext(client, workspace);
    return detail::FetchWithCache<std::vector<domain::CashbackFlight>>(
        workspace, context, kFlightsCacheKind, "all", [&] { return AllFlights(client); },
        [](const std::vector<domain::CashbackFlight>& flights) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& f : flights)
                out.push_back(contract::ToJson(f));
            return out;
        },
        [](const nlohmann::json& json) -> std::optional<std::vector<domain::CashbackFlight>> {
            if (!json.is_array())
                return std::nullopt;
            std::vector<domain::CashbackFlight> flights;
            for (const auto& item : json) {
                auto parsed = contract::FlightFromJson(item);
                if (!parsed.Ok())
                    return std::nullopt;
                flights.push_back(std::move(*parsed.value));
            }
            return flights;
        });
}

api::Result<domain::CashbackFlight> LoadFlight(api::PlatformClient& client, std::int64_t id,
                                               const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    return client.GetCashbackFlight(id);
}

domain::CivilDate MoscowDate(domain::Instant instant) {
    const auto seconds =
        instant.time_since_epoch().count() + std::chrono::seconds(domain::kMoscowOffset).count();
    return domain::CivilFromDays(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
}

domain::CivilDate PlatformToday(api::PlatformClient& client) {
    // Only a sandbox has this route; a real platform's clock is the real one.
    if (auto clock = client.GetSandboxClock(); clock.Ok()) {
        return MoscowDate(clock.Value().now);
    }
    return MoscowDate(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

DraftCheck CheckDraft(const DeskCalendar& calendar, const domain::CashbackFlight& flight,
                      domain::CivilDate today) {
    DraftCheck check;
    check.problems = domain::ValidateFlight(flight);
    if (!calendar.Loaded()) {
        check.calendar_problem = calendar.problem;
        return check;
    }
    auto earliest = domain::EarliestStart(*calendar.calendar, today);
    if (!earliest.Ok()) {
        check.calendar_problem = CalendarMessage(earliest.Error(), calendar.path);
        return check;
    }
    check.earliest_start = earliest.Value();
    if (auto late = WhyNotStartOn(calendar, today, flight.starts_on)) {
        check.problems.push_back(*late);
    }
    std::set<int> years;
    for (const auto& date : {today, earliest.Value(), flight.starts_on, flight.ends_on}) {
        if (calendar.IsProvisional(date.year))
            years.insert(date.year);
    }
    check.provisional_years.assign(years.begin(), years.end());
    return check;
}

std::optional<domain::Problem> WhyNotStartOn(const DeskCalendar& calendar, domain::CivilDate today,
                                             domain::CivilDate day) {
    if (!calendar.Loaded())
        return std::nullopt; // nothing known here: the platform judges
    auto problems = domain::CheckStartDate(*calendar.calendar, today, day);
    if (problems.empty())
        return std::nullopt;
    return problems.front();
}

FlightOutcome SaveDraft(api::PlatformClient& client, store::Workspace& workspace,
                        const domain::CashbackFlight& flight,
                        const domain::CancelTokenPtr& cancel) {
    FlightOutcome out;
    out.problems = domain::ValidateFlight(flight);
    if (!out.problems.empty())
        return out;
    client.SetCancelToken(cancel);
    const auto context = CurrentContext(client, workspace);
    if (!context)
        return WithoutContext<FlightOutcome>();
    if (flight.id == 0) {
        return FromOutbox(detail::EnqueueAndDeliverFlight(client, workspace, *context,
                                                          detail::FlightCreateRequest(flight)));
    }
    auto saved = client.PutCashbackFlight(flight, flight.version);
    if (saved.Ok()) {
        workspace.Audit().Append({context->login, context->platform_url, "cashback_flight.updated",
                                  "cashback_flight", std::to_string(flight.id),
                                  "draft saved, version " + std::to_string(saved.Value().version)});
        out.value = std::move(saved.Value());
        return out;
    }
    out.error = saved.Error();
    out.problems = saved.Error().problems;
    out.current = api::CurrentFlightOf(saved.Error());
    return out;
}

FlightOutcome SubmitFlight(api::PlatformClient& client, store::Workspace& workspace,
                           const DeskCalendar& calendar, const domain::CashbackFlight& flight,
                           const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    const auto context = CurrentContext(client, workspace);
    if (!context)
        return WithoutContext<FlightOutcome>();
    // The desk's own verdict first, on the date the platform would judge by.
    const auto check = CheckDraft(calendar, flight, PlatformToday(client));
    if (!check.problems.empty()) {
        FlightOutcome out;
        out.problems = check.problems;
        const bool tooEarly =
            std::any_of(check.problems.begin(), check.problems.end(),
                        [](const auto& p) { return p.code == "starts_too_early"; });
        if (tooEarly)
            out.earliest_starts_on = check.earliest_start;
        return out;
    }
    return FromOutbox(detail::EnqueueAndDeliverFlight(
        client, workspace, *context,
        detail::FlightChangeRequest("cashback_flight.submit", flight.id)));
}

FlightOutcome ChangeFlight(api::PlatformClient& client, store::Workspace& workspace,
                           std::int64_t id, domain::FlightAction action,
                           const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    const auto context = CurrentContext(client, workspace);
    if (!context)
        return WithoutContext<FlightOutcome>();
    return FromOutbox(detail::EnqueueAndDeliverFlight(
        client, workspace, *context,
        detail::FlightChangeRequest("cashback_flight." + std::string(domain::ToString(action)),
                                    id)));
}

api::Result<FlightReportView> LoadFlightReport(api::PlatformClient& client, std::int64_t id,
                                               const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto report = client.GetCashbackFlightReport(id);
    if (!report.Ok())
        return report.Error();
    FlightReportView view;
    view.report = std::move(report.Value());
    auto flight = client.GetCashbackFlight(id);
    if (!flight.Ok())
        return flight.Error();
    view.ends_on = flight.Value().ends_on;
    view.today = PlatformToday(client);
    const auto& platformDay = view.report.forecast_exhausted_on;
    if (platformDay && *platformDay <= view.ends_on) {
        view.forecast.outcome = domain::BudgetForecast::Outcome::RunsOut;
        view.forecast.runs_out_on = platformDay;
    } else {
        // The platform named no day, or one past the end (a platform that does not stop at the end).
        view.forecast = domain::ForecastBudget(view.report.daily, view.report.budget_left_kop, view.today,
                                               view.ends_on);
    }
    return view;
}

api::Result<std::int64_t> EstimateAudience(api::PlatformClient& client,
                                           const domain::FlightTargeting& targeting,
                                           const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    return client.EstimateCashbackAudience(targeting);
}

} // namespace kpd::services
