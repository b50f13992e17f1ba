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

BOOST_AUTO_TEST_SUITE(forecast_exhaustion)

namespace {
FlightDay Day(unsigned december, Kopecks accrued) { return {{2026, 12, december}, 100, 10, accrued}; }
} // namespace

BOOST_AUTO_TEST_CASE(nothing_accrued_means_no_forecast) {
    BOOST_TEST(!ForecastExhaustion({}, 1000, {2026, 12, 10}));
    BOOST_TEST(!ForecastExhaustion({Day(1, 0), Day(2, 0)}, 1000, {2026, 12, 10}));
    // Accruals dated after today are not history yet.
    BOOST_TEST(!ForecastExhaustion({Day(11, 500)}, 1000, {2026, 12, 10}));
}

BOOST_AUTO_TEST_CASE(the_budget_left_is_spent_at_the_average_of_the_last_seven_accruing_days) {
    // 1 000 kop a day: 10 000 left is gone by the end of the 10th day after today.
    std::vector<FlightDay> days;
    for (unsigned d = 1; d <= 10; ++d) {
        days.push_back(Day(d, 1000));
    }
    BOOST_TEST((ForecastExhaustion(days, 10'000, {2026, 12, 10}) == CivilDate{2026, 12, 20}));
    BOOST_TEST((ForecastExhaustion(days, 10'001, {2026, 12, 10}) == CivilDate{2026, 12, 21}));
    BOOST_TEST((ForecastExhaustion(days, 1, {2026, 12, 10}) == CivilDate{2026, 12, 11}));
    BOOST_TEST((ForecastExhaustion(days, 0, {2026, 12, 10}) == CivilDate{2026, 12, 10}));
    BOOST_TEST((ForecastExhaustion(days, 40'000, {2026, 12, 10}) == CivilDate{2027, 1, 19}));
}

BOOST_AUTO_TEST_CASE(older_days_and_days_without_accruals_do_not_count) {
    // Early days accrued a lot, the 7 latest accruing days 700 each (with idle days between).
    std::vector<FlightDay> days{Day(1, 100'000), Day(2, 100'000)};
    for (unsigned d = 3; d <= 16; ++d) {
        days.push_back(Day(d, d % 2 == 0 ? 700 : 0));
    }
    // Out of order on purpose: the series need not be sorted.
    std::swap(days.front(), days.back());
    BOOST_TEST((ForecastExhaustion(days, 7'000, {2026, 12, 16}) == CivilDate{2026, 12, 26}));
    // Only three accruing days: their average (300+600+900)/3 = 600.
    const std::vector<FlightDay> few{Day(1, 300), Day(5, 600), Day(9, 900)};
    BOOST_TEST((ForecastExhaustion(few, 1'200, {2026, 12, 10}) == CivilDate{2026, 12, 12}));
    BOOST_TEST((ForecastExhaustion(few, 1'201, {2026, 12, 10}) == CivilDate{2026, 12, 13}));
}

BOOST_AUTO_TEST_SUITE_END()
