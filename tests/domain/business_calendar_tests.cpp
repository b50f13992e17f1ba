// The business calendar against the official production calendars of 2025
// and 2026: the days off and working weekend days below are written out by
// hand from the Government's decrees (No. 1335 of 04.10.2024, No. 1466 of
// 24.09.2025) and the Labour Code, independently of resources/calendar/ru.txt,
// which the suite reads as shipped.
#include "domain/business_calendar.h"
#include "domain/shipped_calendar.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kpd::domain;

namespace {

BusinessCalendar Shipped() { return kpd::test::ShippedCalendar(); }

CivilDate D(const char* iso) {
    const auto d = ParseIsoDate(iso);
    BOOST_REQUIRE(d.has_value());
    return *d;
}

// Every date of the year is a business day exactly when it is a Monday–Friday
// not in `weekdaysOff`, or a weekend day in `workingWeekendDays`.
void CheckYear(const BusinessCalendar& calendar, int year, const std::set<std::string>& weekdaysOff,
               const std::set<std::string>& workingWeekendDays) {
    for (CivilDate d{year, 1, 1}; d.year == year; d = AddDays(d, 1)) {
        const std::string iso = FormatIsoDate(d);
        const bool expected = IsWeekend(d) ? workingWeekendDays.count(iso) != 0 : weekdaysOff.count(iso) == 0;
        const auto actual = calendar.IsBusinessDay(d);
        BOOST_REQUIRE(actual.Ok());
        BOOST_TEST(actual.Value() == expected, iso);
    }
}

std::string Iso(const CalendarResult<CivilDate>& r) {
    BOOST_REQUIRE(r.Ok());
    return FormatIsoDate(r.Value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(business_calendar)

BOOST_AUTO_TEST_CASE(year_2025_matches_the_official_calendar) {
    const auto calendar = Shipped();
    CheckYear(calendar, 2025,
              {"2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08", // New Year, Christmas
               "2025-05-01", "2025-05-02", "2025-05-08", "2025-05-09",                             // 2 May from 4 Jan, 8 May from 23 Feb
               "2025-06-12", "2025-06-13",                                                         // 13 June from 8 March
               "2025-11-03", "2025-11-04",                                                         // 3 Nov from Saturday 1 Nov
               "2025-12-31"},                                                                      // from 5 January
              {"2025-11-01"});
    BOOST_TEST(calendar.WorkingDaysIn(2025).Value() == 247);
    BOOST_TEST(calendar.IsProvisional(2025).Value() == false);
    BOOST_TEST(calendar.FindYear(2025)->decree_number.value_or(0) == 1335);
}

BOOST_AUTO_TEST_CASE(year_2026_matches_the_official_calendar_and_has_247_working_days) {
    const auto calendar = Shipped();
    CheckYear(calendar, 2026,
              {"2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08",
               "2026-01-09", // from Saturday 3 January
               "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04",
               "2026-12-31"}, // from Sunday 4 January
              {});
    BOOST_TEST(calendar.WorkingDaysIn(2026).Value() == 247);
    BOOST_TEST(calendar.IsProvisional(2026).Value() == false);
    const CalendarYear* y = calendar.FindYear(2026);
    BOOST_REQUIRE(y);
    BOOST_TEST(y->decree_number.value_or(0) == 1466);
    BOOST_TEST(FormatIsoDate(y->decree_date.value()) == "2025-09-24");
}

BOOST_AUTO_TEST_CASE(other_shipped_years_have_their_official_totals) {
    const auto calendar = Shipped();
    BOOST_TEST(calendar.WorkingDaysIn(2023).Value() == 247);
    BOOST_TEST(calendar.WorkingDaysIn(2024).Value() == 248);
    BOOST_TEST(calendar.IsBusinessDay(D("2024-04-27")).Value()); // a working Saturday
    BOOST_TEST(!calendar.IsBusinessDay(D("2024-12-31")).Value());
    // 2027 has no verified decree yet: provisional, exactly the Labour Code's year.
    BOOST_TEST(calendar.IsProvisional(2027).Value());
    BusinessCalendar rules;
    rules.AddYear(BusinessCalendar::ProvisionalYear(2027));
    for (CivilDate d{2027, 1, 1}; d.year == 2027; d = AddDays(d, 1)) {
        BOOST_TEST(calendar.IsBusinessDay(d).Value() == rules.IsBusinessDay(d).Value(), FormatIsoDate(d));
    }
    BOOST_TEST(calendar.WorkingDaysIn(2027).Value() == 249);
}

BOOST_AUTO_TEST_CASE(five_business_days_after_a_monday_is_the_next_monday) {
    const auto calendar = Shipped();
    BOOST_TEST(Iso(calendar.AddBusinessDays(D("2026-11-23"), 5)) == "2026-11-30");
    BOOST_TEST(Iso(calendar.AddBusinessDays(D("2026-11-23"), 0)) == "2026-11-23");
    BOOST_TEST(Iso(calendar.AddBusinessDays(D("2026-11-30"), -5)) == "2026-11-23");
    BOOST_TEST(calendar.BusinessDaysBetween(D("2026-11-23"), D("2026-11-30")).Value() == 5);
    BOOST_TEST(calendar.BusinessDaysBetween(D("2026-11-30"), D("2026-11-23")).Value() == -5);
    BOOST_TEST(calendar.BusinessDaysBetween(D("2026-01-01"), D("2026-01-01")).Value() == 0);
    // The whole year: from 31 December of the year before to 31 December.
    BOOST_TEST(calendar.BusinessDaysBetween(D("2025-12-31"), D("2026-12-31")).Value() == 247);
}

BOOST_AUTO_TEST_CASE(friday_before_new_year_reaches_into_the_provisional_year) {
    const auto calendar = Shipped();
    // Submitted Friday 25 Dec 2026: Mon 28, Tue 29, Wed 30 Dec; 31 Dec and
    // 1–10 Jan are days off; Mon 11 and Tue 12 Jan 2027.
    const auto earliest = calendar.AddBusinessDays(D("2026-12-25"), 5);
    BOOST_TEST(Iso(earliest) == "2027-01-12");
    BOOST_TEST(calendar.IsProvisional(earliest.Value().year).Value());
    BOOST_TEST(calendar.BusinessDaysBetween(D("2026-12-25"), D("2026-12-30")).Value() == 3);
    BOOST_TEST(!calendar.IsBusinessDay(D("2026-12-31")).Value());
}

BOOST_AUTO_TEST_CASE(a_year_without_data_is_an_error_never_a_guess) {
    const auto calendar = Shipped();
    const auto r = calendar.IsBusinessDay(D("2031-03-03"));
    BOOST_REQUIRE(!r.Ok());
    BOOST_TEST(r.Error().code == "calendar_unknown");
    BOOST_TEST(r.Error().year == 2031);
    BOOST_TEST(r.Error().message.find("2031") != std::string::npos);
    BOOST_TEST(calendar.IsProvisional(2028).Error().year == 2028);
    BOOST_TEST(calendar.WorkingDaysIn(2022).Error().code == "calendar_unknown");
    // A walk that runs past the last year known fails too, naming that year.
    const auto walk = calendar.AddBusinessDays(D("2027-12-24"), 10);
    BOOST_REQUIRE(!walk.Ok());
    BOOST_TEST(walk.Error().year == 2028);
    BOOST_TEST(calendar.BusinessDaysBetween(D("2027-12-01"), D("2028-01-31")).Error().year == 2028);
    BOOST_TEST(calendar.BusinessDaysBetween(D("2022-12-01"), D("2023-01-31")).Error().year == 2022);
}

BOOST_AUTO_TEST_CASE(a_provisional_year_can_be_added_explicitly) {
    auto calendar = Shipped();
    BOOST_TEST(!calendar.HasYear(2028));
    calendar.AddYear(BusinessCalendar::ProvisionalYear(2028));
    BOOST_TEST(calendar.IsProvisional(2028).Value());
    // 2028: 1 Jan is a Saturday (not moved without a decree), 23 Feb a
    // Wednesday, 8 Mar a Wednesday, 1 May a Monday, 9 May a Tuesday, 12 June a
    // Monday, 4 Nov a Saturday → Monday 6 Nov off.
    BOOST_TEST(!calendar.IsBusinessDay(D("2028-11-06")).Value());
    BOOST_TEST(calendar.IsBusinessDay(D("2028-01-10")).Value());
    BOOST_TEST(!calendar.IsBusinessDay(D("2028-01-03")).Value());
    BOOST_TEST(Iso(calendar.AddBusinessDays(D("2027-12-24"), 10)) == "2028-01-14");
}

BOOST_AUTO_TEST_CASE(the_labour_code_alone_differs_from_a_decree_only_where_the_decree_moved_days) {
    // 2026 by the Labour Code: 9 March and 11 May are days off (holidays on a
    // Sunday and a Saturday); the weekend 3–4 January is not moved, so 9 Jan
    // and 31 Dec are working days until the decree says otherwise.
    const auto official = Shipped();
    BusinessCalendar rules;
    rules.AddYear(BusinessCalendar::ProvisionalYear(2026));
    std::set<std::string> differ;
    for (CivilDate d{2026, 1, 1}; d.year == 2026; d = AddDays(d, 1)) {
        if (official.IsBusinessDay(d).Value() != rules.IsBusinessDay(d).Value()) differ.insert(FormatIsoDate(d));
    }
    BOOST_TEST((differ == std::set<std::string>{"2026-01-09", "2026-12-31"}));
    BOOST_TEST(rules.WorkingDaysIn(2026).Value() == 249);
    // 2025 by the Labour Code moves 23 Feb (Sunday) to 24 Feb and 8 March
    // (Saturday) to 10 March; the decree moved them to 8 May and 13 June.
    BusinessCalendar rules2025;
    rules2025.AddYear(BusinessCalendar::ProvisionalYear(2025));
    BOOST_TEST(!rules2025.IsBusinessDay(D("2025-02-24")).Value());
    BOOST_TEST(!rules2025.IsBusinessDay(D("2025-03-10")).Value());
    BOOST_TEST(official.IsBusinessDay(D("2025-02-24")).Value());
}

BOOST_AUTO_TEST_CASE(dates_as_text_are_strict) {
    BOOST_TEST(!ParseIsoDate("2026-02-30").has_value());
    BOOST_TEST(!ParseIsoDate("2026-2-03").has_value());
    BOOST_TEST(!ParseIsoDate("2026-13-01").has_value());
    BOOST_TEST(!ParseIsoDate("2026-12-00").has_value());
    BOOST_TEST(ParseIsoDate("2024-02-29").has_value());
    BOOST_TEST(!ParseIsoDate("2025-02-29").has_value());
    BOOST_TEST(FormatIsoDate(D("2026-01-09")) == "2026-01-09");
    BOOST_TEST(WeekdayOf(D("2026-11-29")) == 0u); // a Sunday
    BOOST_TEST(WeekdayOf(D("2026-12-25")) == 5u); // a Friday
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(business_calendar_file)

namespace {
std::vector<CalendarFileProblem> Problems(const std::string& text) {
    auto parsed = BusinessCalendar::Parse(text);
    BOOST_TEST(!parsed.calendar.has_value());
    return parsed.problems;
}
bool HasProblem(const std::vector<CalendarFileProblem>& problems, int line, const std::string& words) {
    for (const auto& p : problems) {
        if (p.line == line && p.message.find(words) != std::string::npos) return true;
    }
    for (const auto& p : problems) BOOST_TEST_MESSAGE("line " << p.line << ": " << p.message);
    return false;
}
} // namespace

BOOST_AUTO_TEST_CASE(a_small_file_reads_with_comments_blank_lines_and_crlf) {
    const auto parsed = BusinessCalendar::Parse("# test\r\n\r\nyear 2026 official decree 1466 2025-09-24\r\n"
                                                "off 2026-01-09  moved # why\r\nwork 2026-01-10\r\n");
    BOOST_REQUIRE(parsed.problems.empty());
    BOOST_TEST(!parsed.calendar->IsBusinessDay(D("2026-01-09")).Value());
    BOOST_TEST(parsed.calendar->IsBusinessDay(D("2026-01-10")).Value());
    BOOST_TEST(parsed.calendar->FindYear(2026)->source == "Government decree No. 1466 of 2025-09-24");
}

BOOST_AUTO_TEST_CASE(each_malformed_line_is_named) {
    const auto problems = Problems("off 2026-01-09\n"                              // 1: before any year
                                   "year 2026 official\n"                          // 2: no decree
                                   "year 2027 provisional\n"                       // 3
                                   "off 2027-02-30\n"                              // 4: no such date
                                   "off 2026-05-01\n"                              // 5: other year
                                   "off 2027-01-02\n"                              // 6: a Saturday
                                   "work 2027-01-04\n"                             // 7: a Monday
                                   "off 2027-01-04\n"                              // 8
                                   "off 2027-01-04\n"                              // 9: twice
                                   "holiday 2027-01-05\n"                          // 10: unknown record
                                   "year 2027 provisional\n"                       // 11: year twice
                                   "year 2028 provisional working-days 100\n"      // 12: wrong total
                                   "year 2029 provisional working-days\n"          // 13: no number
                                   "year 20x0 official decree 1 2020-01-01\n");    // 14
    BOOST_TEST(HasProblem(problems, 1, "before any 'year' line"));
    BOOST_TEST(HasProblem(problems, 2, "decree <number> <YYYY-MM-DD>"));
    BOOST_TEST(HasProblem(problems, 4, "'2027-02-30'"));
    BOOST_TEST(HasProblem(problems, 5, "is not in 2027, the year of line 3"));
    BOOST_TEST(HasProblem(problems, 6, "is a Saturday"));
    BOOST_TEST(HasProblem(problems, 7, "is a Monday"));
    BOOST_TEST(HasProblem(problems, 9, "listed twice"));
    BOOST_TEST(HasProblem(problems, 10, "unknown record 'holiday'"));
    BOOST_TEST(HasProblem(problems, 11, "given twice"));
    BOOST_TEST(HasProblem(problems, 12, "declares 100 working days"));
    BOOST_TEST(HasProblem(problems, 13, "working-days"));
    BOOST_TEST(HasProblem(problems, 14, "expected a year"));
    BOOST_TEST(problems.size() == 12u);
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_a_problem_not_an_empty_calendar) {
    const auto problems = Problems("# nothing here\n");
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].message == "the calendar file holds no year");
}

BOOST_AUTO_TEST_SUITE_END()
