// The desk's own checks of a cashback flight, with no platform: the earliest
// start from the calendar data file (the brief's Monday example, and the
// Friday before the New Year holidays), provisional years said, a missing
// calendar said and never guessed, the editor's greyed-out days, and a flight
// file's mistakes named at their JSON pointer or line.
#include "desk_calendar.h"

#include "services/cashback_calendar.h"
#include "services/cashback_flight_file.h"
#include "services/cashback_flights.h"
#include "support/cashback_fixture.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>

using namespace kpd;
using domain::CivilDate;

namespace {
using test::DairyFlight;
using test::ShippedCalendar;
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_local_checks)

BOOST_AUTO_TEST_CASE(the_earliest_start_is_five_business_days_after_submission) {
    BOOST_REQUIRE_MESSAGE(
        ShippedCalendar().Loaded(),
        (ShippedCalendar().problem ? ShippedCalendar().problem->english : std::string()));
    // Monday 23 November 2026 → Monday 30 November (the brief's example).
    const auto plain = services::CheckDraft(
        ShippedCalendar(), DairyFlight({2026, 12, 1}, {2026, 12, 31}), {2026, 11, 23});
    BOOST_REQUIRE(plain.earliest_start.has_value());
    BOOST_TEST((*plain.earliest_start == CivilDate{2026, 11, 30}));
    BOOST_TEST(plain.problems.empty());
    BOOST_TEST(plain.provisional_years.empty());
    // Friday 25 December 2026: 28, 29, 30 December, then 11 and 12 January (31 December and 1–10
    // January are off).
    const auto holidays = services::CheckDraft(
        ShippedCalendar(), DairyFlight({2026, 12, 30}, {2027, 1, 31}), {2026, 12, 25});
    BOOST_REQUIRE(holidays.earliest_start.has_value());
    BOOST_TEST((*holidays.earliest_start == CivilDate{2027, 1, 12}));
    BOOST_REQUIRE(holidays.problems.size() == 1u);
    BOOST_TEST(holidays.problems[0].field == "/starts_on");
    BOOST_TEST(holidays.problems[0].code == "starts_too_early");
    BOOST_TEST(holidays.problems[0].message.find("2027-01-12") != std::string::npos);
    // 2027's decree is not entered in the data file yet: the desk says the dates may move.
    BOOST_TEST((holidays.provisional_years == std::vector<int>{2027}));
}

BOOST_AUTO_TEST_CASE(the_editor_greys_out_days_before_the_earliest_start_and_says_why) {
    const CivilDate friday{2026, 12, 25};
    const auto early = services::WhyNotStartOn(ShippedCalendar(), friday, {2027, 1, 11});
    BOOST_REQUIRE(early.has_value());
    BOOST_TEST(early->code == "starts_too_early");
    BOOST_TEST(early->message.find("2027-01-12") != std::string::npos);
    BOOST_TEST(!services::WhyNotStartOn(ShippedCalendar(), friday, {2027, 1, 12}).has_value());
    BOOST_TEST(!services::WhyNotStartOn(ShippedCalendar(), friday, {2027, 3, 1}).has_value());
}

BOOST_AUTO_TEST_CASE(broken_flights_are_every_problem_at_its_pointer) {
    auto f = DairyFlight({2027, 2, 1}, {2027, 1, 31}); // ends before it starts
    f.cashback.percent_bp = 12000;                     // above 100 %
    f.budget_kop = 0;
    const auto check = services::CheckDraft(ShippedCalendar(), f, {2026, 12, 25});
    std::vector<std::string> fields;
    for (const auto& p : check.problems)
        fields.push_back(p.field);
    for (const char* pointer : {"/cashback/percent_bp", "/budget_kop", "/ends_on"}) {
        BOOST_TEST((std::find(fields.begin(), fields.end(), pointer) != fields.end()), pointer);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_calendar_file_is_said_not_guessed) {
    const auto missing = services::LoadDeskCalendar(test::MakeTempDir("calendar") + "/none.txt");
    BOOST_TEST(!missing.Loaded());
    BOOST_REQUIRE(missing.problem.has_value());
    BOOST_TEST(missing.problem->english.find("none.txt") != std::string::npos);
    const auto check =
        services::CheckDraft(missing, DairyFlight({2027, 2, 1}, {2027, 2, 28}), {2026, 12, 25});
    BOOST_TEST(!check.earliest_start.has_value());
    BOOST_TEST(check.calendar_problem.has_value());
    BOOST_TEST(check.problems.empty()); // the start is the platform's to judge then
}

BOOST_AUTO_TEST_CASE(a_flight_file_names_the_pointer_or_the_line_of_each_mistake) {
    const auto dir = test::MakeTempDir("flight_file");
    {
        std::ofstream(dir + "/broken.json")
            << "{\n  \"offer\": {\"brand\": \"Полянка\",\n  \"title\": }\n}\n";
    }
    const auto malformed = services::ReadFlightFile(dir + "/broken.json");
    BOOST_REQUIRE(malformed.problems.size() == 1u);
    BOOST_TEST(malformed.problems[0].code == "malformed_json");
    BOOST_TEST(malformed.problems[0].message.find("line 3") != std::string::npos,
               malformed.problems[0].message);

    const auto wrong = services::ReadFlightText(
        R"({"offer":{"brand":"Полянка","title":"Кешбэк"},"match":{"skus":["A1"]},"cashback":{"percent_bp":"five"},
            "cap_per_receipt_kop":100,"budget_kop":-5,"starts_on":"2027-02-30","ends_on":"2027-03-01"})",
        "wrong.json");
    std::vector<std::string> fields;
    for (const auto& p : wrong.problems)
        fields.push_back(p.field);
    for (const char* pointer : {"/cashback/percent_bp", "/starts_on"}) {
        BOOST_TEST((std::find(fields.begin(), fields.end(), pointer) != fields.end()), pointer);
    }
    BOOST_TEST(!services::ReadFlightFile(dir + "/absent.json").problems.empty());
}

BOOST_AUTO_TEST_SUITE_END()
