#pragma once
// Cashback flights, the use cases the desk's cashback area and `partnerctl
// cashback …` share (pairs with ui/cashback/): the list, a flight loaded for
// editing, the local checks run while the user types (the domain rules and the
// earliest start from the business calendar; the platform remains the judge),
// saving a draft, submitting it, pause/resume/stop, the live report with its
// forecast, and the audience a targeting reaches.
//
// State changes (create, submit, pause, resume, stop) go through the outbox
// (outbox_delivery.h): stored with a fresh idempotency key and an audit row
// before they are sent, so a lost answer or a crash never loses or doubles
// one; ResendPending (user_commands.h) sends what is left. Saving an existing
// draft is a PUT guarded by If-Match instead (a stale one is a 412 carrying
// the platform's flight, never an overwrite).
//
// Thread affinity: a worker thread, except CheckDraft and DayForStart (pure,
// any thread: the editor calls them on every keystroke). Throws
// store::StoreError only when the workspace fails.
#include "api/platform_client.h"
#include "domain/business_calendar.h"
#include "domain/cancel_token.h"
#include "domain/cashback_flight.h"
#include "domain/cashback_report.h"
#include "domain/cashback_rules.h"
#include "domain/timestamp.h"
#include "services/cashback_calendar.h"
#include "services/outbox_delivery.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::services {

// ---- Reading ---------------------------------------------------------------

// Every flight, newest first, read page by page; offline, the copy kept in
// the workspace the last time (Fetched says so).
api::Result<Fetched<std::vector<domain::CashbackFlight>>>
ListFlights(api::PlatformClient& client, store::Workspace& workspace,
            const domain::CancelTokenPtr& cancel = nullptr);

// One flight with the version its ETag names (what a save must start from).
api::Result<domain::CashbackFlight> LoadFlight(api::PlatformClient& client, std::int64_t id,
                                               const domain::CancelTokenPtr& cancel = nullptr);

// The Moscow date of the platform's clock: the sandbox's when it has one (a
// demo may have moved it), else this computer's. The date a submission
// would be judged on.
domain::CivilDate PlatformToday(api::PlatformClient& client);
domain::CivilDate MoscowDate(domain::Instant instant);

// ---- Local checks (pure) ---------------------------------------------------

struct DraftCheck {
    domain::Problems problems; // ValidateFlight, then the start date (code starts_too_early)
    std::optional<domain::CivilDate>
        earliest_start; // if submitted on `today`; unset without a calendar for it
    // Years among today, the earliest start, starts_on and ends_on whose
    // holiday transfers are not yet entered: computed from the Labour Code
    // only, so the desk says the dates may still move.
    std::vector<int> provisional_years;
    // Set when the calendar cannot answer (no file, or no data for a year):
    // the start is then the platform's to judge alone.
    std::optional<Message> calendar_problem;
};

// Runs the domain's rules and the start-date rule as if the flight were
// submitted on `today`. Never sends anything.
DraftCheck CheckDraft(const DeskCalendar& calendar, const domain::CashbackFlight& flight,
                      domain::CivilDate today);

// Why a day cannot be a flight's start when submitted on `today` (for the
// editor's calendar, which greys such days out and says why); nullopt when
// it can. Codes: "starts_too_early" (with the earliest day in the message),
// "calendar_unknown".
std::optional<domain::Problem> WhyNotStartOn(const DeskCalendar& calendar, domain::CivilDate today,
                                             domain::CivilDate day);

// ---- Changing --------------------------------------------------------------

// What a flight command answers: the flight, or the problems/error; on a
// refused submit also the earliest allowed start (the platform's, or the
// desk's own when the desk refused before sending); on a 412 of a save the
// flight as the platform has it now.
struct FlightOutcome : OutboxOutcome<domain::CashbackFlight> {
    std::optional<domain::CivilDate> earliest_starts_on;
    std::optional<domain::CashbackFlight> current;
    bool Conflict() const { return current.has_value(); }
};

// A new draft (flight.id == 0) is created through the outbox; an existing one
// is PUT with If-Match flight.version. The domain rules run first: with any
// problem nothing is stored or sent.
FlightOutcome SaveDraft(api::PlatformClient& client, store::Workspace& workspace,
                        const domain::CashbackFlight& flight,
                        const domain::CancelTokenPtr& cancel = nullptr);

// Submits a saved draft. The desk checks first (rules, and the start date
// against the calendar on PlatformToday): a start that is too early is refused
// here with the earliest allowed date, nothing sent. Otherwise the submit goes
// through the outbox, and the platform's refusal (its clock and calendar rule)
// comes back with its earliest date.
FlightOutcome SubmitFlight(api::PlatformClient& client, store::Workspace& workspace,
                           const DeskCalendar& calendar, const domain::CashbackFlight& flight,
                           const domain::CancelTokenPtr& cancel = nullptr);

// Pause, resume or stop (final) through the outbox.
FlightOutcome ChangeFlight(api::PlatformClient& client, store::Workspace& workspace,
                           std::int64_t id, domain::FlightAction action,
                           const domain::CancelTokenPtr& cancel = nullptr);

// ---- The live report -------------------------------------------------------

struct FlightReportView {
    domain::FlightReport report; // as the platform answered it
    domain::CivilDate today;     // the platform's date the forecast counts from
    domain::CivilDate ends_on;   // the flight's last day: the forecast stops there
    // Whether the budget runs out by ends_on (and when) or lasts past it (and
    // what is left then): the platform's day when it names one by ends_on,
    // else the desk's own from the daily series (domain::ForecastBudget).
    domain::BudgetForecast forecast;
};

// Reads the flight too (for its end). Any thread with its own client.
api::Result<FlightReportView> LoadFlightReport(api::PlatformClient& client, std::int64_t id,
                                               const domain::CancelTokenPtr& cancel = nullptr);

// How many app users the targeting reaches (empty lists: everyone).
api::Result<std::int64_t> EstimateAudience(api::PlatformClient& client,
                                           const domain::FlightTargeting& targeting,
                                           const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
