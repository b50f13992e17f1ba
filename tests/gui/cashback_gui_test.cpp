// GUI test of the cashback flights area: the real desk under Xvfb against a
// real platform-sandbox (demo data) whose clock stands at Monday 23 November
// 2026, 10:00 Moscow time. As the marketing user it creates a flight: the
// start calendar says the earliest start is 30.11.2026 (5 business days) and
// refuses a day before it, greyed; a too-long title and letters in the budget
// are shown under their fields while typing; the offer preview draws the
// badge; the audience is estimated in the background. It submits the
// flight, advances the sandbox clock to the start, has the sandbox scan
// receipts on three days, and opens the report: the figures, the forecast
// and the chart, whose bars are checked in the screen's pixels. A receipt
// scanned while the report is open shows up without any click (background
// refresh). Pause and stop go through their confirmation.
// Two more cases: a viewer sees flights read-only; a finance user is told
// the area is not for that role.
// Screenshots: <build>/tests/gui/screenshots/<lang>/cashback-*.png (and
// copies in /tmp/cashback-shots/<lang>/).
#define BOOST_TEST_MODULE gui_cashback
#include <boost/test/unit_test.hpp>

#include "api/platform_client.h"
#include "desk_driver.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"
#include "ui/app/desk_session.h"
#include "ui/cashback/cashback_panel.h"
#include "ui/cashback/flight_action_dialog.h"
#include "ui/cashback/flight_dates.h"
#include "ui/cashback/flight_editor.h"
#include "ui/cashback/flight_form.h"
#include "ui/cashback/flight_report_view.h"
#include "ui/cashback/offer_preview.h"
#include "ui/main/main_frame.h"
#include "ui/widgets/bar_chart.h"
#include "ui/widgets/day_calendar.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/calctrl.h>
#include <wx/generic/calctrlg.h>
#include <wx/image.h>
#include <wx/textctrl.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

namespace {

using kpd::test::DriverStep;
using kpd::test::SmokeApp;
using kpd::test::Check;
using kpd::test::OpenDialog;
using kpd::test::Language;
using kpd::test::Press;
using kpd::test::SetDesktopEnvironment;
using kpd::test::RunDesk;
using namespace std::chrono_literals;
using kpd::domain::FlightStatus;

constexpr const char* kSku = "GUI-CASHBACK-4600001";

kpd::test::SandboxOptions FixedClock() {
    kpd::test::SandboxOptions o;
    o.clock = "2026-11-23T10:00:00+03:00"; // a Monday: the earliest start is Monday 30 November
    return o;
}

// Where the screenshots go: the build tree, and a copy for people in /tmp/cashback-shots/<lang>/.
struct Shots {
    std::string dir;
    std::string copies;
    std::vector<std::string> files;
    std::vector<Check>* checks = nullptr;

    std::string Take(const std::string& name) {
        const std::string file = dir + "/" + name + ".png";
        const bool ok = kpd::test::SaveScreenshot(file);
        checks->push_back({"screenshot " + name, ok});
        files.push_back(file);
        std::error_code ec;
        std::filesystem::copy_file(file, copies + "/" + name + ".png",
                                   std::filesystem::copy_options::overwrite_existing, ec);
        return file;
    }
};

Shots MakeShots(const std::string& lang, std::vector<Check>& checks) {
    Shots shots;
    shots.dir = std::string(KPD_BUILD_DIR) + "/tests/gui/screenshots/" + lang;
    shots.copies = "/tmp/cashback-shots/" + lang;
    shots.checks = &checks;
    std::filesystem::create_directories(shots.dir);
    std::error_code ec;
    std::filesystem::create_directories(shots.copies, ec);
    return shots;
}

// A sale receipt of `count` items of the flight's SKU at 500 ₽ each, scanned
// by a simulated app user on the sandbox's day `day` ("20261130").
kpd::contract::ReceiptScanRequest Receipt(const std::string& day, int number, int count) {
    kpd::contract::ReceiptScanRequest r;
    r.user_id = number % 3 + 1; // the sandbox's simulated app users are 1…20000
    const std::int64_t total = 50'000LL * count;
    r.qr = "t=" + day + "T0930&s=" + std::to_string(total / 100) + ".00&fn=9999078900004312&i=" +
           std::to_string(1000 + number) + "&fp=" + std::to_string(3000000000LL + number) + "&n=1";
    r.items.push_back({kSku, "Coffee beans 1 kg", "coffee", 50'000, count});
    return r;
}

// The share of pixels of `rect` (screen coordinates) in `image` within a few levels of `colour`.
double Share(const wxImage& image, const wxRect& rect, const wxColour& colour) {
    int hits = 0, total = 0;
    for (int y = rect.GetTop(); y <= rect.GetBottom(); ++y) {
        for (int x = rect.GetLeft(); x <= rect.GetRight(); ++x) {
            if (x < 0 || y < 0 || x >= image.GetWidth() || y >= image.GetHeight()) continue;
            ++total;
            if (std::abs(image.GetRed(x, y) - colour.Red()) <= 8 && std::abs(image.GetGreen(x, y) - colour.Green()) <= 8 &&
                std::abs(image.GetBlue(x, y) - colour.Blue()) <= 8) {
                ++hits;
            }
        }
    }
    return total ? static_cast<double>(hits) / total : 0.0;
}

} // namespace

BOOST_AUTO_TEST_CASE(creates_submits_and_watches_a_flight) {
    kpd::test::SandboxProcess sandbox(FixedClock());
    const std::string home = kpd::test::MakeTempDir("gui-cashback");
    SetDesktopEnvironment(home);
    const std::string lang = Language();
    const bool ru = lang == "ru";
    const std::string url = sandbox.BaseUrl();

    // The test's own client: the sandbox's clock and the simulated app users' receipts.
    kpd::api::ClientOptions options;
    options.base_url = url;
    kpd::api::PlatformClient client(options);
    BOOST_REQUIRE(client.SignIn("marketing", "demo").Ok());

    kpd::test::DriverReport report;
    std::vector<Check> checks;
    Shots shots = MakeShots(lang, checks);
    const wxString earliestWords = ru ? "30.11.2026" : "2026-11-30";
    std::int64_t flightId = 0;
    int receiptNumber = 0;
    std::atomic<bool> lateScanDone{false};
    std::thread lateScan;
    std::int64_t accruedBefore = 0;
    int refreshesBefore = 0;

    auto script = [&](SmokeApp& app) {
        std::vector<DriverStep> steps;
        SmokeApp* desk = &app;
        auto frame = [desk] { return desk->MainWindow(); };
        auto panel = [frame] { return dynamic_cast<kpd::ui::CashbackPanel*>(frame()->PageOf(kpd::ui::Area::CashbackFlights)); };
        auto editor = [panel] { return panel()->Editor(); };
        auto form = [editor] { return editor()->Form(); };
        auto view = [panel] { return panel()->Report(); };
        auto field = [form](const char* pointer) { return form()->Field(pointer); };

        steps.push_back({"the desk opens signed in as marketing", nullptr,
                         [frame] { return frame() && frame()->IsShown(); }, 30s, 500ms});
        steps.push_back({"open the cashback area: the demo flights, newest first",
                         [frame] { frame()->SelectArea(kpd::ui::Area::CashbackFlights); },
                         [panel] { return !panel()->IsBusy() && panel()->Flights().size() >= 4; }, 30s, 800ms});
        steps.push_back({"the list: newest first, a running flight with its budget bar, keyboard selects",
                         [&checks, &shots, panel] {
                             const auto& flights = panel()->Flights();
                             bool newestFirst = true;
                             bool live = false;
                             for (std::size_t i = 0; i < flights.size(); ++i) {
                                 if (i > 0 && flights[i].id > flights[i - 1].id) newestFirst = false;
                                 live = live || flights[i].status == FlightStatus::Live;
                             }
                             checks.push_back({"the list is newest first", newestFirst});
                             checks.push_back({"the demo has a running flight", live});
                             checks.push_back({"a row is selected", panel()->List()->GetSelectedRow() == 0});
                             shots.Take("cashback-01-list");
                         },
                         nullptr});
        steps.push_back({"New flight: the editor waits for the business calendar",
                         [panel] { panel()->NewFlight(); },
                         [editor] { return editor()->IsShown() && editor()->HasCalendar(); }, 20s, 500ms});
        steps.push_back({"the earliest start is said, a too early day is greyed and refused",
                         [&checks, &earliestWords, form, ru] {
                             auto* dates = form()->Dates();
                             const auto earliest = dates->Earliest();
                             checks.push_back({"the earliest start is Monday 30 November",
                                               earliest && earliest->year == 2026 && earliest->month == 11u &&
                                                   earliest->day == 30u});
                             checks.push_back({"a new flight starts on the earliest day",
                                               dates->Starts() == kpd::domain::CivilDate{2026, 11, 30}});
                             auto* start = dates->StartCalendar();
                             const wxString note = start->Note();
                             checks.push_back({"the note under the calendar names the earliest start",
                                               note.Contains(earliestWords)});
                             BOOST_TEST_MESSAGE("start note: " << note.utf8_str());
                             auto* attr = start->Control()->GetAttr(27);
                             checks.push_back({"27 November is greyed",
                                               attr && attr->HasTextColour() &&
                                                   attr->GetTextColour() == kpd::ui::DayCalendar::GreyedColour()});
                             auto* ok = start->Control()->GetAttr(30);
                             checks.push_back({"30 November is not greyed",
                                               !ok || !ok->HasTextColour() ||
                                                   ok->GetTextColour() != kpd::ui::DayCalendar::GreyedColour()});
                             const bool chosen = start->Choose(wxDateTime(27, wxDateTime::Nov, 2026));
                             checks.push_back({"choosing 27 November is refused", !chosen});
                             checks.push_back({"the refusal names the earliest start",
                                               start->Refusal().Contains(earliestWords)});
                             checks.push_back({"the start stays on 30 November",
                                               dates->Starts() == kpd::domain::CivilDate{2026, 11, 30}});
                             // The desk's language, whatever LANG says (the test runs under C.UTF-8): the month
                             // the calendar shows, and the weekday names it draws (the C library's, by LC_TIME).
                             auto* months = dynamic_cast<wxChoice*>(start->Control()->GetMonthControl());
                             const wxString month = months ? months->GetStringSelection() : wxString();
                             const wxString monday = wxDateTime::GetWeekDayName(wxDateTime::Mon, wxDateTime::Name_Abbr);
                             BOOST_TEST_MESSAGE("calendar month: " << month.utf8_str() << ", Monday: " << monday.utf8_str());
                             checks.push_back({"the calendar's month is November in the desk's language",
                                               month == wxString::FromUTF8(ru ? "Ноябрь" : "November")});
                             checks.push_back({"the calendar's weekdays are in the desk's language",
                                               monday == wxString::FromUTF8(ru ? "Пн" : "Mon")});
                         },
                         nullptr, 5s, 600ms});
        steps.push_back({"screenshot of the calendars: the refused day says why",
                         [&shots, form] {
                             form()->ScrollToDates();
                             form()->Dates()->StartCalendar()->Choose(wxDateTime(27, wxDateTime::Nov, 2026));
                         },
                         nullptr, 5s, 600ms});
        steps.push_back({"take it", [&shots] { shots.Take("cashback-02-dates"); }, nullptr});
        steps.push_back({"the refusal goes as soon as its reason does",
                         [&checks, form] {
                             auto* dates = form()->Dates();
                             auto* start = dates->StartCalendar();
                             checks.push_back({"the refused day's words are shown", !start->Refusal().empty()});
                             // A new rule (as a changed draft or calendar gives) under which 27 November is fine.
                             start->SetRule([](const wxDateTime&) { return kpd::ui::DayCalendar::DayLook{}; });
                             checks.push_back({"a rule that allows the refused day takes the words away",
                                               start->Refusal().empty()});
                             dates->SetDates(dates->Starts(), dates->Ends()); // the editor's own rules back
                             const wxDateTime early(27, wxDateTime::Nov, 2026);
                             checks.push_back({"refused again under the editor's rule",
                                               !start->Choose(early) && !start->Refusal().empty()});
                             checks.push_back({"another good day chosen takes the words away",
                                               start->Choose(wxDateTime(1, wxDateTime::Dec, 2026)) &&
                                                   start->Refusal().empty()});
                             start->Choose(wxDateTime(30, wxDateTime::Nov, 2026));
                             checks.push_back({"refused once more", !start->Choose(early)});
                         },
                         nullptr});
        steps.push_back({"the editor opened again: no refusal",
                         [panel] { panel()->NewFlight(); },
                         [form] { return form()->Dates()->StartCalendar()->Refusal().empty(); }, 5s, 300ms});
        steps.push_back({"typing: a title over 60 characters and letters in the budget are shown at once",
                         [field] {
                             field("/offer/brand")->SetFocus();
                             field("/offer/brand")->SetValue(wxString::FromUTF8("Кофемания"));
                             field("/offer/title")->SetValue(wxString::FromUTF8(
                                 "Кэшбэк на зерновой кофе любой обжарки в любом из наших магазинов и на сайте"));
                             field("/budget_kop")->SetValue(wxString::FromUTF8("сто тысяч"));
                         },
                         [form] {
                             return !form()->ProblemText("/offer/title").empty() &&
                                    !form()->ProblemText("/budget_kop").empty() &&
                                    !form()->ProblemText("/match").empty();
                         },
                         5s, 600ms});
        steps.push_back({"screenshot of the problems", [&shots] { shots.Take("cashback-03-editor-problems"); }, nullptr});
        steps.push_back({"the flight filled in: the problems go, the preview shows the offer",
                         [field] {
                             field("/offer/title")->SetValue(wxString::FromUTF8("10 % за зерновой кофе"));
                             field("/offer/description")->SetValue(wxString::FromUTF8(
                                 "Покупайте зерновой кофе в любом магазине сети и получайте 10 % стоимости "
                                 "обратно в Кошельке. Не больше 300 ₽ с одного чека."));
                             field("/match/skus")->SetValue(kSku);
                             field("/cashback")->SetValue("10");
                             field("/cap_per_receipt_kop")->SetValue("300");
                             field("/budget_kop")->SetValue("100000");
                         },
                         [editor] { return editor()->Problems().empty() && !editor()->IsEstimating() && editor()->Audience() >= 0; },
                         20s, 800ms});
        steps.push_back({"an end in 2027, a provisional year, is said so",
                         [&checks, form] {
                             auto* end = form()->Dates()->EndCalendar();
                             checks.push_back({"15 January 2027 can be the end", end->Choose(wxDateTime(15, wxDateTime::Jan, 2027))});
                         },
                         [form] { return form()->Dates()->EndCalendar()->Note().Contains("2027"); }, 5s, 300ms});
        steps.push_back({"the preview and the estimate",
                         [&checks, &shots, editor] {
                             checks.push_back({"the preview's badge is 10 %",
                                               editor()->Preview()->Card().badge == wxString::FromUTF8("10 %")});
                             checks.push_back({"the audience is estimated", editor()->Audience() >= 0});
                             const std::string file = shots.Take("cashback-04-editor");
                             wxImage image(wxString::FromUTF8(file), wxBITMAP_TYPE_PNG);
                             auto* preview = editor()->Preview();
                             const wxRect onScreen(preview->GetScreenPosition(), preview->GetSize());
                             const double badge = image.IsOk() ? Share(image, onScreen, kpd::ui::OfferPreview::BadgeColour()) : 0;
                             BOOST_TEST_MESSAGE("badge colour share of the preview: " << badge);
                             checks.push_back({"the preview draws the yellow badge", badge > 0.002});
                         },
                         nullptr});
        steps.push_back({"submit: the flight is scheduled for 30 November",
                         [editor] { Press(editor()->SubmitButton()); },
                         [editor] { return !editor()->IsBusy() && editor()->Flight().status == FlightStatus::Scheduled; },
                         20s, 800ms});
        steps.push_back({"screenshot of the submitted flight",
                         [&checks, &shots, &flightId, editor, form] {
                             flightId = editor()->Flight().id;
                             checks.push_back({"the submitted flight has an id", flightId > 0});
                             checks.push_back({"the flight is read-only now", !form()->Field("/offer/title")->IsEditable()});
                             shots.Take("cashback-05-submitted");
                         },
                         nullptr});
        steps.push_back({"the sandbox clock moves to the start; receipts are scanned on three days",
                         [&, panel] {
                             // 23.11 10:00 → 30.11 10:00, then a day at a time.
                             checks.push_back({"clock to 30 November", client.AdvanceSandboxClock(7 * 86400).Ok()});
                             const char* days[] = {"20261130", "20261201", "20261202"};
                             for (int d = 0; d < 3; ++d) {
                                 for (int k = 0; k <= d; ++k) {
                                     auto scanned = client.ScanReceipt(Receipt(days[d], ++receiptNumber, 1),
                                                                       kpd::api::NewIdempotencyKey());
                                     if (!scanned.Ok()) BOOST_TEST_MESSAGE("scan refused: " << scanned.Error().message);
                                     checks.push_back({"a receipt is scanned", scanned.Ok()});
                                 }
                                 if (d < 2) checks.push_back({"a day later", client.AdvanceSandboxClock(86400).Ok()});
                             }
                             panel()->ShowList();
                         },
                         [panel, &flightId] {
                             if (panel()->IsBusy()) return false;
                             for (const auto& f : panel()->Flights()) {
                                 if (f.id == flightId) return f.status == FlightStatus::Live && f.accrued_kop > 0;
                             }
                             return false;
                         },
                         30s, 800ms});
        steps.push_back({"screenshot of the list with the new flight running",
                         [&shots, panel, &flightId] {
                             panel()->SelectFlight(flightId);
                             shots.Take("cashback-06-list-running");
                         },
                         nullptr, 5s, 500ms});
        steps.push_back({"open the report: figures, forecast and chart",
                         [panel, &flightId] {
                             panel()->OpenReport(flightId);
                             panel()->Report()->SetRefreshInterval(700);
                         },
                         [view] { return view()->Current() && view()->Current()->daily.size() >= 3; }, 20s, 1000ms});
        steps.push_back({"the report's numbers and the chart's pixels",
                         [&, view] {
                             const auto& r = *view()->Current();
                             // Six receipts of one 500 ₽ item at 10 % (50 ₽ each), and what the simulated users scanned.
                             BOOST_TEST_MESSAGE("matched " << r.receipts_matched << ", accrued " << r.accrued_kop);
                             checks.push_back({"at least our six receipts got cashback", r.receipts_matched >= 6});
                             checks.push_back({"at least our 300 ₽ accrued", r.accrued_kop >= 30'000});
                             checks.push_back({"the budget left is the budget less the accrued",
                                               r.budget_left_kop == 10'000'000 - r.accrued_kop});
                             checks.push_back({"a forecast (runs out by the end or lasts)",
                                               view()->Forecasted().outcome != kpd::domain::BudgetForecast::Outcome::NoPace});
                             checks.push_back({"the forecast is said", !view()->Forecast().empty()});
                             BOOST_TEST_MESSAGE("forecast: " << view()->Forecast().utf8_str());
                             const std::string file = shots.Take("cashback-07-report");
                             wxImage image(wxString::FromUTF8(file), wxBITMAP_TYPE_PNG);
                             auto* chart = view()->Chart();
                             const wxPoint origin = chart->GetScreenPosition();
                             int bars = 0;
                             std::vector<int> heights;
                             std::size_t tallest = 0;
                             for (std::size_t i = 0; i < chart->Bars().size(); ++i) {
                                 wxRect bar = chart->BarRect(i);
                                 if (bar.IsEmpty()) continue;
                                 heights.push_back(bar.height);
                                 if (bar.height > chart->BarRect(tallest).height) tallest = i;
                                 bar.Offset(origin);
                                 const double share = Share(image, bar.Deflate(1), chart->BarColour());
                                 if (share > 0.9) ++bars;
                             }
                             BOOST_TEST_MESSAGE("bars drawn in the bar colour: " << bars);
                             std::size_t accruing = 0;
                             for (const auto& day : r.daily) accruing += day.accrued_kop > 0 ? 1 : 0;
                             checks.push_back({"a bar in the bar colour on the screen for every day with accruals",
                                               accruing >= 3 && static_cast<std::size_t>(bars) == accruing});
                             bool ordered = true; // a larger day never has the shorter bar
                             for (std::size_t i = 0; i < chart->Bars().size(); ++i) {
                                 for (std::size_t j = 0; j < chart->Bars().size(); ++j) {
                                     if (chart->Bars()[i].value > chart->Bars()[j].value &&
                                         chart->BarRect(i).height < chart->BarRect(j).height) {
                                         ordered = false;
                                     }
                                 }
                             }
                             checks.push_back({"taller bars for larger days", ordered && heights.size() == accruing});
                             // Above the tallest bar the plot is the window's colour, not the bar's.
                             if (!heights.empty()) {
                                 wxRect above = chart->BarRect(tallest);
                                 above.Offset(origin);
                                 above = wxRect(above.GetLeft(), origin.y + 2, above.width, std::max(1, above.GetTop() - origin.y - 4));
                                 checks.push_back({"no bar colour above the tallest bar",
                                                   Share(image, above, chart->BarColour()) < 0.05});
                             }
                             accruedBefore = r.accrued_kop;
                             refreshesBefore = view()->RefreshCount();
                             // A receipt scanned by someone else while the report is open.
                             lateScan = std::thread([&] {
                                 std::this_thread::sleep_for(300ms);
                                 kpd::api::PlatformClient other(options);
                                 if (other.SignIn("marketing", "demo").Ok()) {
                                     other.ScanReceipt(Receipt("20261202", ++receiptNumber, 2), kpd::api::NewIdempotencyKey());
                                 }
                                 lateScanDone = true;
                             });
                         },
                         nullptr});
        steps.push_back({"the report refreshes by itself: the late receipt's 100 ₽ appear",
                         nullptr,
                         [view, &accruedBefore, &lateScanDone] {
                             return lateScanDone && view()->Current() &&
                                    view()->Current()->accrued_kop == accruedBefore + 10'000;
                         },
                         20s, 800ms});
        steps.push_back({"pause: the confirmation says what it does",
                         [&checks, &refreshesBefore, view] {
                             checks.push_back({"refreshed in the background", view()->RefreshCount() > refreshesBefore});
                             // After this tick: the dialog's modal loop must not run inside the driver's timer.
                             view()->CallAfter([view] { Press(view()->PauseButton()); });
                         },
                         [] { return OpenDialog<kpd::ui::FlightActionDialog>() != nullptr; }, 10s, 800ms});
        steps.push_back({"screenshot of the confirmation, then pause",
                         [&shots, &checks, ru] {
                             shots.Take("cashback-08-pause-confirm");
                             auto* dialog = OpenDialog<kpd::ui::FlightActionDialog>();
                             // What GTK shows on the button, not what wx was given: a stock button shows GTK's
                             // word in the system's language (here C.UTF-8's English) whatever the desk speaks.
                             const std::string cancel = kpd::test::DrawnButtonLabel(kpd::ui::EscapeButtonOf(dialog));
                             BOOST_TEST_MESSAGE("the dialog's Cancel button shows: " << cancel);
                             checks.push_back({"the Cancel button shows the desk's word",
                                               cancel == (ru ? "Отмена" : "Cancel")});
                             dialog->EndModal(wxID_OK);
                         },
                         [panel, &flightId] {
                             for (const auto& f : panel()->Flights()) {
                                 if (f.id == flightId) return f.status == FlightStatus::Paused;
                             }
                             return false;
                         },
                         20s, 800ms});
        steps.push_back({"stop from the list: the confirmation says a stop is final",
                         [panel, &flightId] {
                             panel()->ShowList();
                             panel()->CallAfter([panel, id = flightId] {
                                 panel()->AskAndChange(id, kpd::domain::FlightAction::Stop);
                             });
                         },
                         [] { return OpenDialog<kpd::ui::FlightActionDialog>() != nullptr; }, 10s, 800ms});
        steps.push_back({"screenshot of the stop confirmation, then stop",
                         [&shots] {
                             shots.Take("cashback-09-stop-confirm");
                             OpenDialog<kpd::ui::FlightActionDialog>()->EndModal(wxID_OK);
                         },
                         [panel, &flightId] {
                             for (const auto& f : panel()->Flights()) {
                                 if (f.id == flightId) return f.status == FlightStatus::Stopped;
                             }
                             return false;
                         },
                         20s, 800ms});
        steps.push_back({"screenshot of the stopped flight", [&shots] { shots.Take("cashback-10-stopped"); }, nullptr,
                         5s, 500ms});
        steps.push_back({"close the desk", [frame] { frame()->Close(); }, nullptr});
        return steps;
    };
    const int rc = RunDesk(new SmokeApp(script, report), url, "marketing", lang, "sqlite:" + home + "/workspace.db");
    if (lateScan.joinable()) lateScan.join();
    BOOST_TEST(rc == 0);
    BOOST_TEST(report.failed_step.empty(), "step failed: " << report.failed_step);
    for (const auto& note : report.notes) BOOST_TEST_MESSAGE(note);
    for (const auto& check : checks) BOOST_TEST(check.ok, check.what);
    for (const auto& file : shots.files) {
        BOOST_TEST((std::filesystem::exists(file) && std::filesystem::file_size(file) > 1000), file);
    }
}

namespace {

// The steps a role's run adds between the desk opening and closing.
using Frame = std::function<kpd::ui::MainFrame*()>;
using RoleSteps = std::function<void(std::vector<DriverStep>&, const Frame&, std::vector<Check>&, Shots&)>;

// Runs the desk signed in as `user` against a fresh sandbox: it opens, the
// `middle` steps run, it closes; every step and every check must pass.
void RunAsRole(const std::string& user, const RoleSteps& middle) {
    kpd::test::SandboxProcess sandbox(FixedClock());
    const std::string home = kpd::test::MakeTempDir("gui-cashback-" + user);
    SetDesktopEnvironment(home);
    const std::string lang = Language();
    kpd::test::DriverReport report;
    std::vector<Check> checks;
    Shots shots = MakeShots(lang, checks);
    auto script = [&](SmokeApp& app) {
        std::vector<DriverStep> steps;
        SmokeApp* desk = &app;
        const Frame frame = [desk] { return desk->MainWindow(); };
        steps.push_back({"the desk opens signed in as " + user, nullptr,
                         [frame] { return frame() && frame()->IsShown(); }, 30s, 500ms});
        middle(steps, frame, checks, shots);
        steps.push_back({"close the desk", [frame] { frame()->Close(); }, nullptr});
        return steps;
    };
    const int rc = RunDesk(new SmokeApp(script, report), sandbox.BaseUrl(), user, lang,
                           "sqlite:" + home + "/workspace.db");
    BOOST_TEST(rc == 0);
    BOOST_TEST(report.failed_step.empty(), "step failed: " << report.failed_step);
    for (const auto& check : checks) BOOST_TEST(check.ok, check.what);
}

} // namespace

// A viewer sees the flights and a flight's fields but can change nothing.
BOOST_AUTO_TEST_CASE(a_viewer_sees_flights_read_only) {
    RunAsRole("viewer", [](std::vector<DriverStep>& steps, const Frame& frame, std::vector<Check>& checks, Shots& shots) {
        auto panel = [frame] { return dynamic_cast<kpd::ui::CashbackPanel*>(frame()->PageOf(kpd::ui::Area::CashbackFlights)); };
        steps.push_back({"open the cashback area", [frame] { frame()->SelectArea(kpd::ui::Area::CashbackFlights); },
                         [panel] { return !panel()->IsBusy() && panel()->Flights().size() >= 4; }, 30s, 800ms});
        steps.push_back({"open the draft: read-only",
                         [panel] {
                             for (const auto& f : panel()->Flights()) {
                                 if (f.status == FlightStatus::Draft) panel()->OpenFlight(f.id);
                             }
                         },
                         [panel] { return panel()->Editor()->IsShown(); }, 10s, 800ms});
        steps.push_back({"nothing can be changed",
                         [&checks, &shots, panel] {
                             auto* editor = panel()->Editor();
                             checks.push_back({"a draft is open", editor->Flight().status == FlightStatus::Draft});
                             checks.push_back({"the title is read-only", !editor->Form()->Field("/offer/title")->IsEditable()});
                             checks.push_back({"no submit", !editor->SubmitButton()->IsShown()});
                             checks.push_back({"the editor says why", !editor->Message().empty()});
                             shots.Take("cashback-11-viewer");
                         },
                         nullptr});
    });
}

// A finance user does not see flights: the area says which roles do.
BOOST_AUTO_TEST_CASE(a_finance_user_is_told_the_area_is_not_for_the_role) {
    RunAsRole("finance", [](std::vector<DriverStep>& steps, const Frame& frame, std::vector<Check>& checks, Shots& shots) {
        steps.push_back({"open the cashback area", [frame] { frame()->SelectArea(kpd::ui::Area::CashbackFlights); },
                         nullptr, 5s, 800ms});
        steps.push_back({"only the note",
                         [&checks, &shots, frame] {
                             auto* panel = dynamic_cast<kpd::ui::CashbackPanel*>(frame()->PageOf(kpd::ui::Area::CashbackFlights));
                             checks.push_back({"no list for finance", panel && panel->List() == nullptr});
                             shots.Take("cashback-12-finance");
                         },
                         nullptr});
    });
}
