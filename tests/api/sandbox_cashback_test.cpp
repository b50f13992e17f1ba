// PlatformClient's cashback flight calls against a real platform-sandbox on a
// fixed clock (Friday 25 December 2026, the last week before the New Year
// holidays): create, get with the ETag's version, PUT with If-Match (412
// with the platform's flight), submit too early (the problem names the
// earliest start) and on time, an idempotent replay of a submit, the
// lifecycle's refusals, the report after the clock moved, the audience
// estimate, and the sandbox's receipt routes.
// One sandbox for the suite; each case makes the flights it changes. Cases
// that move the clock run last (the suite's order is the file's).
#include "api_test_helpers.h"

#include "api/platform_client.h"
#include "support/cashback_fixture.h"
#include "support/sandbox_process.h"

#include <boost/test/unit_test.hpp>

#include <memory>

using namespace kpd::api;
using kpd::domain::CashbackFlight;
using kpd::domain::CivilDate;
using kpd::domain::FlightAction;
using kpd::domain::FlightStatus;
using kpd::test::DairyFlight;

namespace {

kpd::test::SandboxProcess& Sandbox() {
    static auto sandbox =
        std::make_unique<kpd::test::SandboxProcess>(kpd::test::FridayBeforeNewYearSandbox());
    return *sandbox;
}

PlatformClient As(const std::string& login) {
    ClientOptions options;
    options.base_url = Sandbox().BaseUrl();
    options.user_agent = "api-client-tests";
    PlatformClient client(options);
    auto session = client.SignIn(login, "demo");
    BOOST_REQUIRE_MESSAGE(session.Ok(), "sign-in as " + login + " failed: " + Why(session));
    return client;
}

CashbackFlight Created(PlatformClient& client, CivilDate starts, CivilDate ends) {
    auto created = client.CreateCashbackFlight(DairyFlight(starts, ends), NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(created.Ok(), Why(created));
    return created.Value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(sandbox_cashback)

BOOST_AUTO_TEST_CASE(create_then_get_answers_the_flight_with_its_etag_version) {
    auto client = As("marketing");
    const auto created = Created(client, {2027, 1, 12}, {2027, 2, 28});
    BOOST_TEST(created.id > 0);
    BOOST_TEST((created.status == FlightStatus::Draft));
    BOOST_TEST(created.version > 0);
    auto got = client.GetCashbackFlight(created.id);
    BOOST_REQUIRE_MESSAGE(got.Ok(), Why(got));
    BOOST_TEST(got.Value().version == created.version);
    BOOST_TEST(got.Value().offer.title == "Кешбэк 5% на молочное");
    BOOST_TEST((got.Value().starts_on == CivilDate{2027, 1, 12}));
    BOOST_TEST(*got.Value().cashback.percent_bp == 500);

    auto page = client.ListCashbackFlights(500);
    BOOST_REQUIRE_MESSAGE(page.Ok(), Why(page));
    BOOST_REQUIRE(!page.Value().items.empty());
    BOOST_TEST(page.Value().items.front().id == created.id); // newest first
}

BOOST_AUTO_TEST_CASE(a_stale_put_is_a_412_carrying_the_platform_flight) {
    auto client = As("marketing");
    auto flight = Created(client, {2027, 1, 12}, {2027, 2, 28});
    auto edited = flight;
    edited.budget_kop = 2'000'000;
    auto put = client.PutCashbackFlight(edited, flight.version);
    BOOST_REQUIRE_MESSAGE(put.Ok(), Why(put));
    BOOST_TEST(put.Value().version > flight.version);
    BOOST_TEST(put.Value().budget_kop == 2'000'000);

    auto stale = client.PutCashbackFlight(flight, flight.version);
    BOOST_REQUIRE(!stale.Ok());
    BOOST_TEST(stale.Error().kind == ApiErrorKind::PreconditionFailed);
    auto current = CurrentFlightOf(stale.Error());
    BOOST_REQUIRE(current.has_value());
    BOOST_TEST(current->budget_kop == 2'000'000);
}

BOOST_AUTO_TEST_CASE(a_broken_flight_is_refused_with_its_pointers) {
    auto client = As("marketing");
    auto f = DairyFlight({2027, 1, 12}, {2027, 1, 1});
    f.cashback.percent_bp = 10001;
    f.budget_kop = 0;
    auto created = client.CreateCashbackFlight(f, NewIdempotencyKey());
    BOOST_REQUIRE(!created.Ok());
    BOOST_TEST(created.Error().kind == ApiErrorKind::Validation);
    BOOST_TEST(created.Error().code == "validation_failed");
    std::vector<std::string> fields;
    for (const auto& p : created.Error().problems)
        fields.push_back(p.field);
    for (const char* pointer : {"/cashback/percent_bp", "/budget_kop", "/ends_on"}) {
        BOOST_TEST((std::find(fields.begin(), fields.end(), pointer) != fields.end()), pointer);
    }
}

BOOST_AUTO_TEST_CASE(submitting_too_early_names_the_earliest_allowed_start) {
    auto client = As("marketing");
    // Five calendar days after Friday 25 December: the holidays leave only three business days.
    const auto flight = Created(client, {2026, 12, 30}, {2027, 1, 31});
    auto submitted = client.SubmitCashbackFlight(flight.id, NewIdempotencyKey());
    BOOST_REQUIRE(!submitted.Ok());
    BOOST_TEST(submitted.Error().kind == ApiErrorKind::Validation);
    BOOST_REQUIRE(!submitted.Error().problems.empty());
    BOOST_TEST(submitted.Error().problems.front().field == "/starts_on");
    BOOST_TEST(submitted.Error().problems.front().code == "starts_too_early");
    auto earliest = EarliestStartOf(submitted.Error());
    BOOST_REQUIRE(earliest.has_value());
    BOOST_TEST((*earliest == CivilDate{2027, 1, 12}));
    BOOST_TEST((client.GetCashbackFlight(flight.id).Value().status == FlightStatus::Draft));
}

BOOST_AUTO_TEST_CASE(a_submit_replayed_with_its_key_is_applied_once) {
    auto client = As("marketing");
    const auto flight = Created(client, {2027, 1, 12}, {2027, 2, 28});
    const auto key = NewIdempotencyKey();
    auto first = client.SubmitCashbackFlight(flight.id, key);
    BOOST_REQUIRE_MESSAGE(first.Ok(), Why(first));
    BOOST_TEST((first.Value().status == FlightStatus::Scheduled));
    BOOST_REQUIRE(first.Value().submitted_on.has_value());
    BOOST_TEST((*first.Value().submitted_on == CivilDate{2026, 12, 25}));
    auto replay = client.SubmitCashbackFlight(flight.id, key);
    BOOST_REQUIRE_MESSAGE(replay.Ok(), Why(replay)); // the stored answer, not flight_not_draft
    BOOST_TEST(replay.Value().version == first.Value().version);
    auto again = client.SubmitCashbackFlight(flight.id, NewIdempotencyKey());
    BOOST_REQUIRE(!again.Ok());
    BOOST_TEST(again.Error().kind == ApiErrorKind::Conflict);
    BOOST_TEST(again.Error().code == "flight_not_draft");
}

BOOST_AUTO_TEST_CASE(lifecycle_refusals_are_conflicts_and_viewers_are_forbidden) {
    auto client = As("marketing");
    const auto flight = Created(client, {2027, 1, 12}, {2027, 2, 28});
    auto paused = client.ChangeCashbackFlight(flight.id, FlightAction::Pause, NewIdempotencyKey());
    BOOST_REQUIRE(!paused.Ok());
    BOOST_TEST(paused.Error().kind == ApiErrorKind::Conflict);
    BOOST_TEST(paused.Error().code == "invalid_transition");

    auto viewer = As("viewer");
    auto read = viewer.GetCashbackFlight(flight.id);
    BOOST_TEST(read.Ok());
    auto submit = viewer.SubmitCashbackFlight(flight.id, NewIdempotencyKey());
    BOOST_REQUIRE(!submit.Ok());
    BOOST_TEST(submit.Error().kind == ApiErrorKind::Forbidden);
    auto missing = client.GetCashbackFlight(999'999'999);
    BOOST_REQUIRE(!missing.Ok());
    BOOST_TEST(missing.Error().kind == ApiErrorKind::NotFound);
}

BOOST_AUTO_TEST_CASE(the_audience_estimate_counts_the_targeted_app_users) {
    auto client = As("viewer");
    auto everyone = client.EstimateCashbackAudience({});
    BOOST_REQUIRE_MESSAGE(everyone.Ok(), Why(everyone));
    BOOST_TEST(everyone.Value() > 0);
    auto moscow = client.EstimateCashbackAudience({{}, {"RU-MOW"}});
    BOOST_REQUIRE_MESSAGE(moscow.Ok(), Why(moscow));
    BOOST_TEST(moscow.Value() > 0);
    BOOST_TEST(moscow.Value() < everyone.Value());
}

BOOST_AUTO_TEST_CASE(the_clock_moves_a_scheduled_flight_live_and_scans_accrue) {
    auto client = As("marketing");
    const auto flight = Created(client, {2027, 1, 12}, {2027, 3, 31});
    BOOST_REQUIRE(client.SubmitCashbackFlight(flight.id, NewIdempotencyKey()).Ok());
    auto clock = client.GetSandboxClock();
    BOOST_REQUIRE_MESSAGE(clock.Ok(), Why(clock));
    BOOST_TEST(clock.Value().fixed);
    // 25 December → 14 January 10:00: the flight's first days are simulated.
    auto moved = client.AdvanceSandboxClock(20 * 86400);
    BOOST_REQUIRE_MESSAGE(moved.Ok(), Why(moved));
    BOOST_TEST((moved.Value().now - clock.Value().now == std::chrono::seconds(20 * 86400)));
    BOOST_TEST((client.GetCashbackFlight(flight.id).Value().status == FlightStatus::Live));

    auto generated = client.GenerateReceipts(200, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(generated.Ok(), Why(generated));
    BOOST_TEST(generated.Value().generated == 200);

    auto report = client.GetCashbackFlightReport(flight.id);
    BOOST_REQUIRE_MESSAGE(report.Ok(), Why(report));
    const auto& r = report.Value();
    BOOST_TEST(r.flight_id == flight.id);
    BOOST_TEST(r.receipts_matched > 0);
    BOOST_TEST(r.receipts_matched <= r.receipts_scanned);
    BOOST_TEST(r.accrued_kop > 0);
    BOOST_TEST(r.budget_left_kop == r.budget_kop - r.accrued_kop);
    BOOST_TEST(!r.daily.empty());

    auto paused = client.ChangeCashbackFlight(flight.id, FlightAction::Pause, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(paused.Ok(), Why(paused));
    BOOST_TEST((paused.Value().status == FlightStatus::Paused));
    auto stopped = client.ChangeCashbackFlight(flight.id, FlightAction::Stop, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(stopped.Ok(), Why(stopped));
    BOOST_TEST((stopped.Value().status == FlightStatus::Stopped));
    auto resumed =
        client.ChangeCashbackFlight(flight.id, FlightAction::Resume, NewIdempotencyKey());
    BOOST_REQUIRE(!resumed.Ok());
    BOOST_TEST(resumed.Error().code == "invalid_transition"); // stopped is final
}

BOOST_AUTO_TEST_SUITE_END()
