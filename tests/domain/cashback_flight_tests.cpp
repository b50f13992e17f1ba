#include "domain/cashback_flight.h"
#include "domain/cashback_report.h"
#include "domain/cashback_sample.h"
#include "domain/cashback_text.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(cashback_flight)

BOOST_AUTO_TEST_CASE(statuses_reasons_and_actions_have_their_wire_names_both_ways) {
    BOOST_TEST(ToString(FlightStatus::Draft) == "draft");
    BOOST_TEST(ToString(FlightStatus::Scheduled) == "scheduled");
    BOOST_TEST(ToString(FlightStatus::Live) == "live");
    BOOST_TEST(ToString(FlightStatus::Paused) == "paused");
    BOOST_TEST(ToString(FlightStatus::Stopped) == "stopped");
    BOOST_TEST(ToString(FlightStatus::Finished) == "finished");
    for (auto s : {FlightStatus::Draft, FlightStatus::Scheduled, FlightStatus::Live, FlightStatus::Paused,
                   FlightStatus::Stopped, FlightStatus::Finished}) {
        BOOST_TEST((FlightStatusFromString(ToString(s)) == s));
    }
    BOOST_TEST(!FlightStatusFromString("Live"));
    BOOST_TEST(!FlightStatusFromString(""));
    BOOST_TEST(ToString(FinishReason::BudgetSpent) == "budget_spent");
    BOOST_TEST((FinishReasonFromString("ended") == FinishReason::Ended));
    BOOST_TEST(!FinishReasonFromString("stopped"));
    BOOST_TEST((FlightActionFromString("resume") == FlightAction::Resume));
    BOOST_TEST(ToString(FlightAction::Submit) == "submit");
    BOOST_TEST(!FlightActionFromString("delete"));
}

BOOST_AUTO_TEST_CASE(every_action_from_every_status_follows_the_lifecycle) {
    using S = FlightStatus;
    using A = FlightAction;
    BOOST_TEST((ApplyAction(S::Draft, A::Submit) == S::Scheduled));
    BOOST_TEST((ApplyAction(S::Live, A::Pause) == S::Paused));
    BOOST_TEST((ApplyAction(S::Paused, A::Resume) == S::Live));
    BOOST_TEST((ApplyAction(S::Scheduled, A::Stop) == S::Stopped));
    BOOST_TEST((ApplyAction(S::Live, A::Stop) == S::Stopped));
    BOOST_TEST((ApplyAction(S::Paused, A::Stop) == S::Stopped));
    // Everything else is refused; count them so a new transition cannot slip in unnoticed.
    int allowed = 0;
    for (auto s : {S::Draft, S::Scheduled, S::Live, S::Paused, S::Stopped, S::Finished}) {
        for (auto a : {A::Submit, A::Pause, A::Resume, A::Stop}) {
            allowed += ApplyAction(s, a) ? 1 : 0;
        }
    }
    BOOST_TEST(allowed == 6);
    BOOST_TEST(!ApplyAction(S::Scheduled, A::Pause));
    BOOST_TEST(!ApplyAction(S::Live, A::Resume));
    BOOST_TEST(!ApplyAction(S::Draft, A::Stop));
    BOOST_TEST(!ApplyAction(S::Stopped, A::Resume));
    BOOST_TEST(!ApplyAction(S::Finished, A::Stop));
    BOOST_TEST(!ApplyAction(S::Scheduled, A::Submit));
    BOOST_TEST((AllowedActions(S::Live) == std::vector<A>{A::Pause, A::Stop}));
    BOOST_TEST(AllowedActions(S::Finished).empty());
}

BOOST_AUTO_TEST_CASE(time_starts_ends_and_exhausts_a_flight) {
    auto f = SampleFlight(); // 1–31 December 2026, budget 100,000 ₽
    f.status = FlightStatus::Scheduled;
    BOOST_TEST((StatusOn(f, {2026, 11, 30}).status == FlightStatus::Scheduled));
    BOOST_TEST(!AccruesOn(f, {2026, 11, 30}));
    BOOST_TEST((StatusOn(f, {2026, 12, 1}).status == FlightStatus::Live));
    BOOST_TEST(AccruesOn(f, {2026, 12, 1}));
    BOOST_TEST(AccruesOn(f, {2026, 12, 31}));
    const auto ended = StatusOn(f, {2027, 1, 1});
    BOOST_TEST((ended.status == FlightStatus::Finished));
    BOOST_TEST((ended.finish_reason == FinishReason::Ended));
    BOOST_TEST(!AccruesOn(f, {2027, 1, 1}));

    f.status = FlightStatus::Live;
    f.accrued_kop = f.budget_kop - 1;
    BOOST_TEST((StatusOn(f, {2026, 12, 10}).status == FlightStatus::Live));
    f.accrued_kop = f.budget_kop;
    const auto spent = StatusOn(f, {2026, 12, 10});
    BOOST_TEST((spent.status == FlightStatus::Finished));
    BOOST_TEST((spent.finish_reason == FinishReason::BudgetSpent));
    BOOST_TEST(!AccruesOn(f, {2026, 12, 10}));

    f.accrued_kop = 0;
    f.status = FlightStatus::Paused;
    BOOST_TEST((StatusOn(f, {2026, 12, 10}).status == FlightStatus::Paused));
    BOOST_TEST(!AccruesOn(f, {2026, 12, 10}));
    BOOST_TEST((StatusOn(f, {2027, 1, 1}).finish_reason == FinishReason::Ended));
    for (auto s : {FlightStatus::Draft, FlightStatus::Stopped}) {
        f.status = s;
        BOOST_TEST((StatusOn(f, {2027, 6, 1}).status == s));
        BOOST_TEST(!AccruesOn(f, {2026, 12, 10}));
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cashback_text)

BOOST_AUTO_TEST_CASE(cyrillic_and_latin_fold_to_lower_case_without_a_locale) {
    BOOST_TEST(FoldCaseUtf8("МОЛОКО Простоквашино 3,2%") == "молоко простоквашино 3,2%");
    BOOST_TEST(FoldCaseUtf8("ЁЖИК в ТУМАНЕ") == "ёжик в тумане");
    BOOST_TEST(FoldCaseUtf8("ЎЄЇІЂ") == "ўєїіђ");
    BOOST_TEST(FoldCaseUtf8("Coca-COLA Zero") == "coca-cola zero");
    BOOST_TEST(FoldCaseUtf8("CAFÉ ÀÉ×") == "café àé×");
    BOOST_TEST(FoldCaseUtf8("уже строчные") == "уже строчные");
    // Stray bytes survive as they are and do not swallow what follows.
    const std::string broken = std::string("A\xD0") + "Б\xFF" + "C";
    BOOST_TEST(FoldCaseUtf8(broken) == std::string("a\xD0") + "б\xFF" + "c");
}

BOOST_AUTO_TEST_CASE(characters_are_counted_as_code_points) {
    BOOST_TEST(CountCharacters("") == 0u);
    BOOST_TEST(CountCharacters("abc") == 3u);
    BOOST_TEST(CountCharacters("кешбэк") == 6u);
    BOOST_TEST(CountCharacters("₽") == 1u);
    BOOST_TEST(CountCharacters("😀") == 1u);
    BOOST_TEST(CountCharacters("\xE2\x82") == 2u); // a truncated sequence: two stray bytes
}

BOOST_AUTO_TEST_CASE(stray_bytes_never_decode_to_a_real_letter) {
    std::size_t pos = 0;
    const std::string text = "\xC9x"; // 0xC9 alone is not É
    const char32_t first = NextCodePoint(text, pos);
    BOOST_TEST(pos == 1u);
    BOOST_TEST((first == (kStrayByte | 0xC9u)));
    BOOST_TEST((FoldCase(first) == first));
    const std::string overlong = "\xC0\xAF"; // an overlong "/"
    pos = 0;
    BOOST_TEST((NextCodePoint(overlong, pos) != U'/'));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(budget_forecast)

namespace {
FlightDay Day(unsigned december, Kopecks accrued) { return {{2026, 12, december}, 100, 10, accrued}; }
using Outcome = BudgetForecast::Outcome;
constexpr CivilDate kFarEnd{2027, 12, 31};

// The day a budget runs out, or nullopt when the forecast says anything else.
std::optional<CivilDate> RunsOutOn(const std::vector<FlightDay>& days, Kopecks left, CivilDate today,
                                   CivilDate ends = kFarEnd) {
    const auto forecast = ForecastBudget(days, left, today, ends);
    if (forecast.outcome != Outcome::RunsOut) return std::nullopt;
    return forecast.runs_out_on;
}

std::vector<FlightDay> ThousandADay() {
    std::vector<FlightDay> days;
    for (unsigned d = 1; d <= 10; ++d) {
        days.push_back(Day(d, 1000));
    }
    return days;
}
} // namespace

BOOST_AUTO_TEST_CASE(nothing_accrued_means_no_pace_to_forecast_from) {
    const CivilDate today{2026, 12, 10};
    BOOST_TEST((ForecastBudget({}, 1000, today, kFarEnd) == BudgetForecast{}));
    BOOST_TEST((ForecastBudget({Day(1, 0), Day(2, 0)}, 1000, today, kFarEnd).outcome == Outcome::NoPace));
    // Accruals dated after today are not history yet.
    BOOST_TEST((ForecastBudget({Day(11, 500)}, 1000, today, kFarEnd).outcome == Outcome::NoPace));
}

BOOST_AUTO_TEST_CASE(the_budget_left_is_spent_at_the_average_of_the_last_seven_accruing_days) {
    // 1 000 kop a day: 10 000 left is gone by the end of the 10th day after today.
    const auto days = ThousandADay();
    BOOST_TEST((RunsOutOn(days, 10'000, {2026, 12, 10}) == CivilDate{2026, 12, 20}));
    BOOST_TEST((RunsOutOn(days, 10'001, {2026, 12, 10}) == CivilDate{2026, 12, 21}));
    BOOST_TEST((RunsOutOn(days, 1, {2026, 12, 10}) == CivilDate{2026, 12, 11}));
    BOOST_TEST((RunsOutOn(days, 0, {2026, 12, 10}) == CivilDate{2026, 12, 10}));
    BOOST_TEST((RunsOutOn(days, 40'000, {2026, 12, 10}) == CivilDate{2027, 1, 19}));
}

BOOST_AUTO_TEST_CASE(older_days_and_days_without_accruals_do_not_count) {
    // Early days accrued a lot, the 7 latest accruing days 700 each (with idle days between).
    std::vector<FlightDay> days{Day(1, 100'000), Day(2, 100'000)};
    for (unsigned d = 3; d <= 16; ++d) {
        days.push_back(Day(d, d % 2 == 0 ? 700 : 0));
    }
    // Out of order on purpose: the series need not be sorted.
    std::swap(days.front(), days.back());
    BOOST_TEST((RunsOutOn(days, 7'000, {2026, 12, 16}) == CivilDate{2026, 12, 26}));
    // Only three accruing days: their average (300+600+900)/3 = 600.
    const std::vector<FlightDay> few{Day(1, 300), Day(5, 600), Day(9, 900)};
    BOOST_TEST((RunsOutOn(few, 1'200, {2026, 12, 10}) == CivilDate{2026, 12, 12}));
    BOOST_TEST((RunsOutOn(few, 1'201, {2026, 12, 10}) == CivilDate{2026, 12, 13}));
}

BOOST_AUTO_TEST_CASE(a_budget_spent_on_the_last_day_runs_out_on_it) {
    // 10 000 left at 1 000 a day, 10 days after today to the end (11–20 December): gone on the 20th.
    const auto forecast = ForecastBudget(ThousandADay(), 10'000, {2026, 12, 10}, {2026, 12, 20});
    BOOST_TEST((forecast.outcome == Outcome::RunsOut));
    BOOST_TEST((forecast.runs_out_on == CivilDate{2026, 12, 20}));
    BOOST_TEST(forecast.left_at_end_kop == 0);
}

BOOST_AUTO_TEST_CASE(a_budget_that_would_run_out_the_day_after_the_end_lasts_with_the_rest_left) {
    // 10 001 left: 10 days of 1 000 spend 10 000 by the 20th, the flight's last day; 1 kopeck is left.
    const auto lastsByAKopeck = ForecastBudget(ThousandADay(), 10'001, {2026, 12, 10}, {2026, 12, 20});
    BOOST_TEST((lastsByAKopeck.outcome == Outcome::LastsToEnd));
    BOOST_TEST(!lastsByAKopeck.runs_out_on.has_value());
    BOOST_TEST(lastsByAKopeck.left_at_end_kop == 1);
    // 10 000 left with the end on the 19th: 9 days spend 9 000, 1 000 is left (it would run out on the 20th).
    const auto dayEarlier = ForecastBudget(ThousandADay(), 10'000, {2026, 12, 10}, {2026, 12, 19});
    BOOST_TEST((dayEarlier.outcome == Outcome::LastsToEnd));
    BOOST_TEST(dayEarlier.left_at_end_kop == 1'000);
}

BOOST_AUTO_TEST_CASE(a_budget_that_never_runs_out_keeps_what_the_pace_does_not_spend) {
    // 123 456 left at 1 000 a day for 10 more days: 113 456 left at the end.
    const auto forecast = ForecastBudget(ThousandADay(), 123'456, {2026, 12, 10}, {2026, 12, 20});
    BOOST_TEST((forecast.outcome == Outcome::LastsToEnd));
    BOOST_TEST(forecast.left_at_end_kop == 113'456);
    // A pace of (100+100+101)/3 = 100.33… kop a day spends 602/3 → 200 kop (rounded down) in 2 days.
    const std::vector<FlightDay> uneven{Day(8, 100), Day(9, 100), Day(10, 101)};
    BOOST_TEST(ForecastBudget(uneven, 1'000, {2026, 12, 10}, {2026, 12, 12}).left_at_end_kop == 800);
    // On the last day itself, or after it, nothing more is spent.
    BOOST_TEST(ForecastBudget(ThousandADay(), 500, {2026, 12, 10}, {2026, 12, 10}).left_at_end_kop == 500);
    BOOST_TEST(ForecastBudget(ThousandADay(), 500, {2026, 12, 10}, {2026, 12, 5}).left_at_end_kop == 500);
    // A spent budget has run out today, whatever the end.
    BOOST_TEST((RunsOutOn(ThousandADay(), 0, {2026, 12, 10}, {2026, 12, 5}) == CivilDate{2026, 12, 10}));
}

BOOST_AUTO_TEST_SUITE_END()
