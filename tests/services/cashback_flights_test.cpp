// The cashback flight use cases against a real sandbox on a fixed clock and a
// real workspace (the desk's own checks are in cashback_checks_test.cpp):
// a broken flight refused before anything is stored, create and submit
// through the outbox (audit rows, idempotency keys, a submit queued while the
// platform is down and resent once), a stale save answered with the
// platform's flight, pause/resume/stop, the report with its forecast after
// the sandbox's clock moved, and the list offline.
#include "desk_calendar.h"
#include "desk_fixture.h"

#include "services/cashback_calendar.h"
#include "services/cashback_flights.h"
#include "services/desk_context.h"
#include "services/user_commands.h"
#include "support/cashback_fixture.h"

#include <algorithm>

using namespace kpd;
using domain::CivilDate;
using store::OutboxState;

namespace {

using test::ShippedCalendar;

// The shared dairy flight with the words the app shows under it and a keyword rule.
domain::CashbackFlight Flight(CivilDate starts, CivilDate ends) {
    auto f = test::DairyFlight(starts, ends);
    f.offer.description = "Сканируйте чек — получайте рубли";
    f.match.keywords = {"молоко"};
    return f;
}

// A desk signed in as marketing against a sandbox on that Friday's clock.
struct FlightFixture : test::DeskFixture {
    FlightFixture() : DeskFixture(test::FridayBeforeNewYearSandbox()) { SignInAs("marketing"); }

    domain::CashbackFlight SavedDraft(CivilDate starts, CivilDate ends) {
        auto saved = services::SaveDraft(Client(), Ws(), Flight(starts, ends));
        BOOST_REQUIRE_MESSAGE(saved.Ok(),
                              "save failed: " << (saved.error ? saved.error->message : "problems"));
        return *saved.value;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(cashback_flights, FlightFixture)

BOOST_AUTO_TEST_CASE(the_desk_knows_the_platform_date_and_its_calendar) {
    BOOST_TEST((services::PlatformToday(Client()) == CivilDate{2026, 12, 25}));
    auto context = services::CurrentContext(Client(), Ws());
    BOOST_REQUIRE(context.has_value());
    BOOST_REQUIRE(context->calendar != nullptr);
    BOOST_TEST(context->calendar->Loaded());
    BOOST_TEST(context->calendar->IsProvisional(2027));
    BOOST_TEST(!context->calendar->IsProvisional(2026));
}

BOOST_AUTO_TEST_CASE(create_goes_through_the_outbox_with_audit_rows) {
    const auto flight = SavedDraft({2027, 1, 12}, {2027, 2, 28});
    BOOST_TEST(flight.id > 0);
    BOOST_TEST((flight.status == domain::FlightStatus::Draft));
    BOOST_TEST(flight.version > 0);
    BOOST_TEST(Count("outbox", "operation = 'cashback_flight.create' AND state = 'done'") == 1);
    BOOST_TEST(Count("audit_log", "action = 'cashback_flight.create.requested'") == 1);
    BOOST_TEST(Count("audit_log", "action = 'cashback_flight.create.done'") == 1);
    auto loaded = services::LoadFlight(Client(), flight.id);
    BOOST_REQUIRE(loaded.Ok());
    BOOST_TEST(loaded.Value().offer.title == "Кешбэк 5% на молочное");
    BOOST_TEST(loaded.Value().version == flight.version);
}

BOOST_AUTO_TEST_CASE(a_broken_flight_is_neither_stored_nor_sent) {
    auto f = Flight({2027, 1, 12}, {2027, 1, 11});
    f.cashback.fixed_kop = 5000; // both kinds of cashback
    auto saved = services::SaveDraft(Client(), Ws(), f);
    BOOST_TEST(!saved.Ok());
    BOOST_TEST(!saved.error.has_value());
    BOOST_TEST(saved.problems.size() >= 2u);
    BOOST_TEST(Count("outbox") == 0);
    auto listed = services::ListFlights(Client(), Ws());
    BOOST_REQUIRE(listed.Ok());
    for (const auto& existing : listed.Value().value)
        BOOST_TEST((existing.ends_on != CivilDate{2027, 1, 11}));
}

BOOST_AUTO_TEST_CASE(a_stale_save_is_refused_with_the_platform_flight) {
    auto flight = SavedDraft({2027, 1, 12}, {2027, 2, 28});
    auto first = flight;
    first.offer.title = "Первое изменение";
    auto saved = services::SaveDraft(Client(), Ws(), first);
    BOOST_REQUIRE(saved.Ok());
    BOOST_TEST(saved.value->version > flight.version);
    auto stale = flight; // still at the old version
    stale.offer.title = "Второе изменение";
    auto refused = services::SaveDraft(Client(), Ws(), stale);
    BOOST_TEST(!refused.Ok());
    BOOST_REQUIRE(refused.error.has_value());
    BOOST_TEST((refused.error->kind == api::ApiErrorKind::PreconditionFailed));
    BOOST_REQUIRE(refused.Conflict());
    BOOST_TEST(refused.current->offer.title == "Первое изменение");
    BOOST_TEST(refused.current->version == saved.value->version);
}

BOOST_AUTO_TEST_CASE(submitting_too_early_is_refused_by_the_desk_with_the_earliest_date) {
    const auto flight = SavedDraft({2026, 12, 30}, {2027, 1, 31});
    auto submitted = services::SubmitFlight(Client(), Ws(), ShippedCalendar(), flight);
    BOOST_TEST(!submitted.Ok());
    BOOST_REQUIRE(submitted.earliest_starts_on.has_value());
    BOOST_TEST((*submitted.earliest_starts_on == CivilDate{2027, 1, 12}));
    BOOST_TEST(Count("outbox", "operation = 'cashback_flight.submit'") == 0); // nothing sent
    BOOST_TEST(
        (services::LoadFlight(Client(), flight.id).Value().status == domain::FlightStatus::Draft));
}

BOOST_AUTO_TEST_CASE(the_platform_judges_too_when_the_desk_has_no_calendar) {
    const auto flight = SavedDraft({2026, 12, 30}, {2027, 1, 31});
    const auto none = services::LoadDeskCalendar(test::MakeTempDir("calendar") + "/none.txt");
    auto submitted = services::SubmitFlight(Client(), Ws(), none, flight);
    BOOST_TEST(!submitted.Ok());
    BOOST_REQUIRE(submitted.error.has_value());
    BOOST_TEST((submitted.error->kind == api::ApiErrorKind::Validation));
    BOOST_REQUIRE(submitted.earliest_starts_on.has_value()); // read from the platform's problem
    BOOST_TEST((*submitted.earliest_starts_on == CivilDate{2027, 1, 12}));
    BOOST_TEST(Count("outbox", "operation = 'cashback_flight.submit' AND state = 'failed'") == 1);
}

BOOST_AUTO_TEST_CASE(submit_on_time_schedules_and_the_clock_makes_it_live_and_accrue) {
    const auto flight = SavedDraft({2027, 1, 12}, {2027, 3, 31});
    auto submitted = services::SubmitFlight(Client(), Ws(), ShippedCalendar(), flight);
    BOOST_REQUIRE_MESSAGE(submitted.Ok(),
                          (submitted.error ? submitted.error->message : "problems"));
    BOOST_TEST((submitted.value->status == domain::FlightStatus::Scheduled));
    BOOST_REQUIRE(submitted.value->submitted_on.has_value());
    BOOST_TEST((*submitted.value->submitted_on == CivilDate{2026, 12, 25}));
    BOOST_TEST(Count("audit_log", "action = 'cashback_flight.submit.done'") == 1);

    // 25 Dec 10:00 → 15 Jan 10:00: four days of the flight's scans.
    BOOST_REQUIRE(Client().AdvanceSandboxClock(21 * 86400).Ok());
    auto report = services::LoadFlightReport(Client(), flight.id);
    BOOST_REQUIRE_MESSAGE(report.Ok(), (report.Ok() ? "" : report.Error().message));
    const auto& r = report.Value().report;
    BOOST_TEST((report.Value().today == CivilDate{2027, 1, 15}));
    BOOST_TEST(r.flight_id == flight.id);
    BOOST_TEST(r.receipts_matched > 0);
    BOOST_TEST(r.accrued_kop > 0);
    BOOST_TEST(r.budget_left_kop == r.budget_kop - r.accrued_kop);
    BOOST_TEST(!r.daily.empty());
    // The forecast stops at the flight's end: the platform's day (same function, same series) or the desk's own.
    const auto& forecast = report.Value().forecast;
    BOOST_TEST((report.Value().ends_on == CivilDate{2027, 3, 31}));
    BOOST_TEST((forecast.outcome != domain::BudgetForecast::Outcome::NoPace));
    BOOST_TEST((forecast == domain::ForecastBudget(r.daily, r.budget_left_kop, report.Value().today,
                                                   report.Value().ends_on)));
    if (forecast.runs_out_on) {
        BOOST_TEST((*forecast.runs_out_on > CivilDate{2027, 1, 15}));
        BOOST_TEST((*forecast.runs_out_on <= CivilDate{2027, 3, 31}));
    } else {
        BOOST_TEST(forecast.left_at_end_kop > 0);
        BOOST_TEST(forecast.left_at_end_kop <= r.budget_left_kop);
    }
    auto live = services::LoadFlight(Client(), flight.id);
    BOOST_TEST((live.Value().status == domain::FlightStatus::Live));
}

BOOST_AUTO_TEST_CASE(pause_resume_and_stop_follow_the_lifecycle) {
    const auto flight = SavedDraft({2027, 1, 12}, {2027, 3, 31});
    BOOST_REQUIRE(services::SubmitFlight(Client(), Ws(), ShippedCalendar(), flight).Ok());
    // A scheduled flight cannot be paused: the platform refuses, the outbox row fails.
    auto early = services::ChangeFlight(Client(), Ws(), flight.id, domain::FlightAction::Pause);
    BOOST_TEST(!early.Ok());
    BOOST_REQUIRE(early.error.has_value());
    BOOST_TEST(early.error->code == "invalid_transition");
    BOOST_TEST((Ws().OutboxQueue().Find(early.outbox_id)->state == OutboxState::Failed));

    BOOST_REQUIRE(Client().AdvanceSandboxClock(18 * 86400).Ok()); // 12 January: live
    auto paused = services::ChangeFlight(Client(), Ws(), flight.id, domain::FlightAction::Pause);
    BOOST_REQUIRE(paused.Ok());
    BOOST_TEST((paused.value->status == domain::FlightStatus::Paused));
    auto resumed = services::ChangeFlight(Client(), Ws(), flight.id, domain::FlightAction::Resume);
    BOOST_REQUIRE(resumed.Ok());
    BOOST_TEST((resumed.value->status == domain::FlightStatus::Live));
    auto stopped = services::ChangeFlight(Client(), Ws(), flight.id, domain::FlightAction::Stop);
    BOOST_REQUIRE(stopped.Ok());
    BOOST_TEST((stopped.value->status == domain::FlightStatus::Stopped));
    BOOST_TEST(Count("audit_log", "action LIKE 'cashback_flight.%.done'") ==
               5); // create, submit, pause, resume, stop
}

BOOST_AUTO_TEST_CASE(a_submit_without_an_answer_waits_and_is_resent_once) {
    const auto flight = SavedDraft({2027, 1, 12}, {2027, 3, 31});
    sandbox.Stop();
    auto submitted = services::SubmitFlight(Client(), Ws(), ShippedCalendar(), flight);
    BOOST_TEST(!submitted.Ok());
    BOOST_TEST(submitted.queued);
    const auto pending = Ws().OutboxQueue().Find(submitted.outbox_id);
    BOOST_REQUIRE(pending.has_value());
    BOOST_TEST((pending->state == OutboxState::Pending));

    sandbox.Restart();
    auto resent = services::ResendPending(Client(), Ws());
    BOOST_REQUIRE(resent.Ok());
    BOOST_TEST(resent.Value().done == 1);
    const auto done = Ws().OutboxQueue().Find(submitted.outbox_id);
    BOOST_TEST((done->state == OutboxState::Done));
    BOOST_TEST(done->idempotency_key == pending->idempotency_key);
    BOOST_TEST((services::LoadFlight(Client(), flight.id).Value().status ==
                domain::FlightStatus::Scheduled));
    BOOST_TEST(services::ResendPending(Client(), Ws()).Value().done == 0); // nothing left
}

BOOST_AUTO_TEST_CASE(the_list_is_kept_for_when_the_platform_is_away) {
    const auto flight = SavedDraft({2027, 1, 12}, {2027, 3, 31});
    auto online = services::ListFlights(Client(), Ws());
    BOOST_REQUIRE(online.Ok());
    BOOST_TEST(!online.Value().from_cache);
    BOOST_REQUIRE(!online.Value().value.empty());
    BOOST_TEST(online.Value().value.front().id == flight.id); // newest first
    sandbox.Stop();
    auto offline = services::ListFlights(Client(), Ws());
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().from_cache);
    BOOST_TEST(offline.Value().value.size() == online.Value().value.size());
}

BOOST_AUTO_TEST_CASE(the_audience_estimate_narrows_with_targeting) {
    auto everyone = services::EstimateAudience(Client(), {});
    BOOST_REQUIRE(everyone.Ok());
    BOOST_TEST(everyone.Value() > 0);
    auto moscow = services::EstimateAudience(Client(), {{"polyanka"}, {"RU-MOW"}});
    BOOST_REQUIRE(moscow.Ok());
    BOOST_TEST(moscow.Value() > 0);
    BOOST_TEST(moscow.Value() < everyone.Value());
}

BOOST_AUTO_TEST_SUITE_END()
