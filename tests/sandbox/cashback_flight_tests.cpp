// /cashback-flights on a seeded sandbox whose clock is Friday 25 December
// 2026, 10:00 Moscow: the demo partner's four flights, who may read and
// change them, creation and edits with every broken rule at its pointer and
// nothing saved, If-Match, the 5-business-day start refused across the New
// Year holidays with the earliest date in the answer, an idempotent submit,
// pause / resume / stop and their refusals, the audit trail, the audience
// estimate, the Moscow date as the day of submission, and a year the
// calendar does not know.
#include "cashback_helper.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
nlohmann::json AllFlights(const std::string& token) {
    auto r = Api().Get("/v1/cashback-flights?limit=500", token);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json.at("items");
}

nlohmann::json FlightWithStatus(const std::string& token, const std::string& status) {
    for (const auto& f : AllFlights(token)) {
        if (f.at("status") == status) return f;
    }
    BOOST_FAIL("no flight is " << status);
    return {};
}

std::string Path(std::int64_t id, const std::string& tail = "") {
    return "/v1/cashback-flights/" + std::to_string(id) + tail;
}

Reply Act(const std::string& token, std::int64_t id, const std::string& action) {
    return Api().Send("POST", Path(id, "/" + action), "", {{"Authorization", "Bearer " + token}});
}

// The pointers of a 422's errors.
std::set<std::string> Fields(const Reply& r) {
    std::set<std::string> out;
    for (const auto& e : r.json.at("errors")) out.insert(e.at("field").get<std::string>());
    return out;
}

int AuditCount(const std::string& action, std::int64_t id) {
    int n = 0;
    for (const auto& e : AuditEntries()) {
        if (e.at("action") == action && e.at("object_id") == std::to_string(id)) ++n;
    }
    return n;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_flights, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(the_demo_partner_has_a_live_a_scheduled_a_draft_and_a_finished_flight) {
    const auto token = Api().SignIn("marketing");
    std::multiset<std::string> statuses;
    for (const auto& f : AllFlights(token)) statuses.insert(f.at("status").get<std::string>());
    BOOST_TEST(statuses == (std::multiset<std::string>{"draft", "finished", "live", "scheduled"}));

    const auto live = FlightWithStatus(token, "live");
    const auto report = ReportOf(token, live.at("id"));
    // Two weeks of history: the 14 days before today, and today so far.
    BOOST_TEST(report.at("daily").size() == 15u);
    BOOST_TEST(report.at("daily").front().at("date") == "2026-12-11");
    int daysWithAccruals = 0;
    for (const auto& day : report.at("daily")) daysWithAccruals += day.at("accrued_kop").get<std::int64_t>() > 0;
    BOOST_TEST(daysWithAccruals >= 12);
    BOOST_TEST(report.at("accrued_kop") == live.at("accrued_kop"));
    BOOST_TEST(report.at("budget_left_kop").get<std::int64_t>() ==
               live.at("budget_kop").get<std::int64_t>() - live.at("accrued_kop").get<std::int64_t>());
    // A month of budget at the pace of two weeks: about two more weeks.
    const std::string forecast = report.at("forecast_exhausted_on").get<std::string>();
    BOOST_TEST(forecast >= "2027-01-01");
    BOOST_TEST(forecast <= "2027-01-25");

    const auto finished = FlightWithStatus(token, "finished");
    BOOST_TEST(!finished.at("finish_reason").is_null());
    BOOST_TEST(FlightWithStatus(token, "scheduled").at("submitted_on") == "2026-12-23");
    BOOST_TEST(FlightWithStatus(token, "draft").at("submitted_on").is_null());
}

BOOST_AUTO_TEST_CASE(viewers_read_flights_finance_and_loyalty_cannot_and_only_editors_create) {
    const auto body = FlightBody("widgets", "2027-02-01", "2027-02-28");
    const auto viewer = Api().SignIn("viewer");
    const auto flights = AllFlights(viewer);
    const std::int64_t id = flights.front().at("id");
    BOOST_TEST(Api().Get(Path(id), viewer).status == 200);
    BOOST_TEST(Api().Get(Path(id, "/report"), viewer).status == 200);
    BOOST_TEST(Api().Json("POST", "/v1/cashback-flights/audience-estimate", nlohmann::json::object(), viewer).status ==
               200);
    for (const char* login : {"viewer", "finance", "finance.manager", "loyalty"}) {
        const auto r = Api().Json("POST", "/v1/cashback-flights", body, Api().SignIn(login));
        BOOST_TEST(r.status == 403, login);
        BOOST_TEST(r.Code() == "forbidden", login);
        BOOST_TEST(Act(Api().SignIn(login), id, "stop").status == 403, login);
    }
    for (const char* login : {"finance", "loyalty"}) {
        BOOST_TEST(Api().Get("/v1/cashback-flights", Api().SignIn(login)).status == 403, login);
    }
    BOOST_TEST(AllFlights(viewer).size() == flights.size()); // nothing was created
    // Another partner's flight is not found, exactly as one that does not exist.
    BOOST_TEST(Api().Get(Path(id), Api().SignIn("other.marketing")).status == 404);
    BOOST_TEST(Api().Get(Path(999999), viewer).status == 404);
}

BOOST_AUTO_TEST_CASE(a_created_draft_answers_201_with_location_and_etag_and_is_audited) {
    const auto admin = Api().SignIn("admin");
    auto body = FlightBody("widgets", "2027-02-01", "2027-02-28", {"polyanka"});
    const auto r = Api().Json("POST", "/v1/cashback-flights", body, admin);
    BOOST_REQUIRE_EQUAL(r.status, 201);
    const std::int64_t id = r.json.at("id");
    BOOST_TEST(r.Header("Location") == Path(id));
    BOOST_TEST(r.Header("ETag") == "\"1\"");
    BOOST_TEST(r.json.at("status") == "draft");
    BOOST_TEST(r.json.at("accrued_kop") == 0);
    BOOST_TEST(r.json.at("offer").at("title") == "10 % на виджеты");
    BOOST_TEST(r.json.at("targeting").at("loyalty_cards") == nlohmann::json({"polyanka"}));
    BOOST_TEST(r.json.at("created_at") == "2026-12-25T10:00:00+03:00");
    const auto again = Api().Get(Path(id), Api().SignIn("marketing"));
    BOOST_TEST(again.json == r.json);
    BOOST_TEST(AuditCount("cashback_flight.created", id) == 1);
}

BOOST_AUTO_TEST_CASE(broken_rules_are_refused_at_their_pointers_and_nothing_is_saved) {
    const auto token = Api().SignIn("marketing");
    const auto before = AllFlights(token).size();
    struct Case {
        const char* what;
        std::function<void(nlohmann::json&)> change;
        const char* field;
    };
    const Case cases[] = {
        {"ends before it starts", [](auto& b) { b["ends_on"] = "2027-01-31"; }, "/ends_on"},
        {"zero budget", [](auto& b) { b["budget_kop"] = 0; }, "/budget_kop"},
        {"negative budget", [](auto& b) { b["budget_kop"] = -100; }, "/budget_kop"},
        {"percent above 10000 bp", [](auto& b) { b["cashback"]["percent_bp"] = 10001; }, "/cashback/percent_bp"},
    };
    for (const auto& c : cases) {
        auto body = FlightBody("widgets", "2027-02-01", "2027-02-28");
        c.change(body);
        const auto r = Api().Json("POST", "/v1/cashback-flights", body, token);
        BOOST_TEST(r.status == 422, c.what);
        BOOST_TEST(r.Code() == "validation_failed", c.what);
        BOOST_TEST(Fields(r).count(c.field) == 1u, c.what << ": " << r.body);
    }
    // Every problem of one body at once.
    auto body = FlightBody("widgets", "2027-02-01", "2027-01-01");
    body["budget_kop"] = 0;
    body["cashback"]["percent_bp"] = 20000;
    const auto r = Api().Json("POST", "/v1/cashback-flights", body, token);
    BOOST_TEST(Fields(r) == (std::set<std::string>{"/ends_on", "/budget_kop", "/cashback/percent_bp"}));
    BOOST_TEST(AllFlights(token).size() == before);
}

BOOST_AUTO_TEST_CASE(an_edit_needs_if_match_of_the_current_version_and_only_a_draft_is_edited) {
    const auto token = Api().SignIn("marketing");
    const auto flight = CreateFlight(token, FlightBody("widgets", "2027-02-01", "2027-02-28"));
    const std::int64_t id = flight.at("id");
    auto body = FlightBody("widgets", "2027-02-01", "2027-03-15");
    body["offer"]["title"] = "Весь февраль и март";

    auto r = Api().Json("PUT", Path(id), body, token);
    BOOST_TEST(r.status == 428);
    BOOST_TEST(r.Code() == "if_match_required");
    r = Api().Json("PUT", Path(id), body, token, {{"If-Match", "\"7\""}});
    BOOST_TEST(r.status == 412);
    BOOST_TEST(r.json.at("current").at("version") == 1);
    body["budget_kop"] = 0;
    r = Api().Json("PUT", Path(id), body, token, {{"If-Match", "\"1\""}});
    BOOST_TEST(r.status == 422);
    BOOST_TEST(Api().Get(Path(id), token).json.at("version") == 1); // nothing saved
    body["budget_kop"] = 500'000'00;
    r = Api().Json("PUT", Path(id), body, token, {{"If-Match", "\"1\""}});
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.Header("ETag") == "\"2\"");
    BOOST_TEST(r.json.at("ends_on") == "2027-03-15");
    BOOST_TEST(r.json.at("offer").at("title") == "Весь февраль и март");
    BOOST_TEST(AuditCount("cashback_flight.updated", id) == 1);

    BOOST_REQUIRE_EQUAL(SubmitFlight(token, id).status, 200);
    r = Api().Json("PUT", Path(id), body, token, {{"If-Match", "\"3\""}});
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.Code() == "flight_not_draft");
}

BOOST_AUTO_TEST_CASE(a_friday_submission_before_new_year_cannot_start_five_calendar_days_later) {
    const auto token = Api().SignIn("marketing");
    // Friday 25 Dec 2026; 31 Dec 2026 and 1-8 Jan 2027 are days off, 9-10 Jan a weekend:
    // the fifth business day after it is Tuesday 12 January.
    const auto flight = CreateFlight(token, FlightBody("widgets", "2026-12-30", "2027-01-31"));
    const std::int64_t id = flight.at("id");
    auto r = SubmitFlight(token, id);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.Code() == "validation_failed");
    BOOST_TEST(r.json.at("earliest_starts_on") == "2027-01-12");
    BOOST_TEST(Fields(r) == std::set<std::string>{"/starts_on"});
    BOOST_TEST(r.json.at("errors").at(0).at("code") == "starts_too_early");
    BOOST_TEST(r.json.at("detail").get<std::string>().find("2027-01-12") != std::string::npos);
    BOOST_TEST(Api().Get(Path(id), token).json.at("status") == "draft");

    for (const char* start : {"2027-01-11", "2027-01-12"}) {
        auto body = FlightBody("widgets", start, "2027-01-31");
        const auto version = Api().Get(Path(id), token).json.at("version").get<std::int64_t>();
        BOOST_REQUIRE_EQUAL(
            Api().Json("PUT", Path(id), body, token, {{"If-Match", "\"" + std::to_string(version) + "\""}}).status, 200);
        r = SubmitFlight(token, id);
        if (std::string(start) == "2027-01-11") {
            BOOST_TEST(r.status == 422);
            BOOST_TEST(r.json.at("earliest_starts_on") == "2027-01-12");
        }
    }
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("status") == "scheduled");
    BOOST_TEST(r.json.at("submitted_on") == "2026-12-25");
    BOOST_TEST(AuditCount("cashback_flight.submitted", id) == 1);
}

BOOST_AUTO_TEST_CASE(a_submit_with_an_idempotency_key_replays_and_a_second_submit_is_refused) {
    const auto token = Api().SignIn("marketing");
    const std::int64_t id = CreateFlight(token, FlightBody("widgets", "2027-02-01", "2027-02-28")).at("id");
    const Headers key{{"Idempotency-Key", "submit-" + std::to_string(id)}};
    const auto first = SubmitFlight(token, id, key);
    BOOST_REQUIRE_EQUAL(first.status, 200);
    const auto replay = SubmitFlight(token, id, key);
    BOOST_TEST(replay.status == 200);
    BOOST_TEST(replay.Header("Idempotent-Replayed") == "true");
    BOOST_TEST(replay.json == first.json);
    BOOST_TEST(AuditCount("cashback_flight.submitted", id) == 1);
    const auto again = SubmitFlight(token, id);
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.Code() == "flight_not_draft");
}

BOOST_AUTO_TEST_CASE(a_live_flight_pauses_resumes_and_stops_and_each_move_is_audited) {
    const auto token = Api().SignIn("marketing");
    const std::int64_t id = FlightWithStatus(token, "live").at("id");
    const std::int64_t draft = FlightWithStatus(token, "draft").at("id");
    auto r = Act(token, draft, "pause");
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.Code() == "invalid_transition");

    r = Act(token, id, "pause");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("status") == "paused");
    BOOST_TEST(ReportOf(token, id).at("forecast_exhausted_on").is_null()); // a paused flight spends nothing
    r = Act(token, id, "pause");
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.Code() == "invalid_transition");
    r = Act(token, id, "resume");
    BOOST_TEST(r.json.at("status") == "live");
    r = Act(token, id, "stop");
    BOOST_TEST(r.json.at("status") == "stopped");
    for (const char* action : {"resume", "pause", "stop", "submit"}) {
        r = Act(token, id, action);
        BOOST_TEST(r.status == 409, action);
    }
    for (const char* action : {"cashback_flight.paused", "cashback_flight.resumed", "cashback_flight.stopped"}) {
        BOOST_TEST(AuditCount(action, id) == 1, action);
    }
    for (const auto& e : AuditEntries()) {
        if (e.at("action") == "cashback_flight.stopped" && e.at("object_id") == std::to_string(id)) {
            BOOST_TEST(e.at("actor").at("login") == "marketing");
            BOOST_TEST(e.at("client").get<std::string>() == kUserAgent);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_audience_estimate_counts_the_simulated_users_a_targeting_reaches) {
    const auto token = Api().SignIn("marketing");
    auto estimate = [&](const nlohmann::json& body) {
        const auto r = Api().Json("POST", "/v1/cashback-flights/audience-estimate", body, token);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        return r.json.at("users").get<std::int64_t>();
    };
    const auto everyone = estimate(nlohmann::json::object());
    const auto moscow = estimate({{"regions", {"RU-MOW"}}});
    const auto capitals = estimate({{"regions", {"RU-MOW", "RU-SPE"}}});
    const auto card = estimate({{"loyalty_cards", {"polyanka"}}});
    const auto both = estimate({{"loyalty_cards", {"polyanka"}}, {"regions", {"RU-MOW"}}});
    BOOST_TEST(everyone == 20000);
    BOOST_TEST(moscow > 3000);
    BOOST_TEST(moscow < 5000);
    BOOST_TEST(capitals > moscow);
    BOOST_TEST(card > 6000);
    BOOST_TEST(card < 8000);
    BOOST_TEST(both < moscow);
    BOOST_TEST(both < card);
    BOOST_TEST(both > 0);
    BOOST_TEST(estimate({{"regions", {"RU-XXX"}}}) == 0);
    BOOST_TEST(Api().Json("POST", "/v1/cashback-flights/audience-estimate", nlohmann::json::object(),
                          Api().SignIn("finance"))
                   .status == 403);
}

// Last in the suite: it moves the clock. 21:30 UTC on Monday 23 November is
// already Tuesday in Moscow, so five business days run to Tuesday 1 December.
BOOST_AUTO_TEST_CASE(the_day_of_submission_is_the_moscow_date_not_the_utc_one) {
    const auto token = Api().SignIn("marketing");
    const std::int64_t id = CreateFlight(token, FlightBody("widgets", "2026-11-30", "2026-12-31")).at("id");
    SetClock("2026-11-23T21:30:00Z");
    auto r = SubmitFlight(Api().SignIn("marketing"), id);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.json.at("earliest_starts_on") == "2026-12-01");
    const auto version = Api().Get(Path(id), token).json.at("version").get<std::int64_t>();
    BOOST_REQUIRE_EQUAL(Api()
                            .Json("PUT", Path(id), FlightBody("widgets", "2026-12-01", "2026-12-31"), token,
                                  {{"If-Match", "\"" + std::to_string(version) + "\""}})
                            .status,
                        200);
    r = SubmitFlight(token, id);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.json.at("submitted_on") == "2026-11-24");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cashback_calendar_edge)

// 27 Dec 2027: four business days are left in 2027 and the calendar has no 2028.
BOOST_AUTO_TEST_CASE(a_start_beyond_the_calendars_years_is_refused_as_calendar_unknown) {
    kpd::test::SandboxOptions options;
    options.clock = "2027-12-27T10:00:00+03:00";
    options.extra_args = {"--scans-per-day", "0", "--demo-transactions", "0"};
    SuiteSandbox sandbox(options);
    const auto token = Api().SignIn("marketing");
    const std::int64_t id = CreateFlight(token, FlightBody("widgets", "2028-02-01", "2028-02-28")).at("id");
    const auto r = SubmitFlight(token, id);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.Code() == "calendar_unknown");
    BOOST_TEST(r.json.at("detail").get<std::string>().find("2028") != std::string::npos);
    BOOST_TEST(Api().Get(Path(id), token).json.at("status") == "draft");
}

BOOST_AUTO_TEST_SUITE_END()
