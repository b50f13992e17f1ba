// GUI test of the card screen designer: the real desk under Xvfb, signed in
// as the demo partner's marketing user against a real platform-sandbox seeded
// with demo data. Opens the card screen area; a low-contrast text colour shows
// its problem at the field and Ctrl+Z takes it back; edits the background
// colour and adds a banner with an uploaded image; exports the preview PNG and
// checks its pixels at the places the renderer reports (RenderedParts) and
// that the barcode decodes (zbarimg) to the code the renderer drew; saves the
// draft; a second desk's save meanwhile brings the conflict dialog (take
// theirs, Undo brings mine back); publishes through the confirmation; opens
// the versions and rolls back. Screenshots of every screen go to
// <build>/tests/gui/screenshots/<lang>/card-*.png. A second case signs in as the
// viewer: everything is shown read-only.
#define BOOST_TEST_MODULE gui_card_screen
#include <boost/test/unit_test.hpp>

#include "api/platform_client.h"
#include "desk_driver.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"
#include "ui/card_screen/card_preview_widget.h"
#include "ui/card_screen/card_screen_editor.h"
#include "ui/card_screen/card_screen_panel.h"
#include "ui/card_screen/conflict_dialog.h"
#include "ui/card_screen/diff_table.h"
#include "ui/card_screen/issuance_questions_page.h"
#include "ui/card_screen/publish_dialog.h"
#include "ui/card_screen/versions_dialog.h"
#include "ui/main/main_frame.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/generic/msgdlgg.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/propgrid/propgrid.h>
#include <wx/tglbtn.h>
#include <wx/uiaction.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace {

using kpd::test::DriverStep;
using kpd::test::SmokeApp;
using kpd::test::Check;
using kpd::test::OpenDialog;
using kpd::test::Language;
using namespace std::chrono_literals;

const wxColour kBackground(0x0D, 0x47, 0xA1); // the edited card colour (white text stays readable)
const wxColour kBannerColour(0x1E, 0x88, 0xE5); // the uploaded banner's only colour

// The share of the pixels of `rect` (image coordinates) that are `colour` (±6 per channel).
double Share(const wxImage& image, const kpd::render::Rect& rect, const wxColour& colour) {
    long match = 0, all = 0;
    for (int y = rect.y; y < rect.y + rect.height && y < image.GetHeight(); ++y) {
        for (int x = rect.x; x < rect.x + rect.width && x < image.GetWidth(); ++x) {
            ++all;
            if (std::abs(image.GetRed(x, y) - colour.Red()) <= 6 && std::abs(image.GetGreen(x, y) - colour.Green()) <= 6 &&
                std::abs(image.GetBlue(x, y) - colour.Blue()) <= 6) {
                ++match;
            }
        }
    }
    return all == 0 ? 0.0 : static_cast<double>(match) / static_cast<double>(all);
}

// What `zbarimg --raw -q FILE` decodes (first symbol), or "" when nothing.
std::string Decode(const std::string& png) {
    const std::string command = "zbarimg --raw -q '" + png + "' 2>/dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {};
    char line[512] = {};
    std::string text = std::fgets(line, sizeof line, pipe) ? line : "";
    ::pclose(pipe);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

} // namespace

BOOST_AUTO_TEST_CASE(designs_publishes_and_rolls_back_the_card_screen) {
    kpd::test::SandboxProcess sandbox;
    const std::string home = kpd::test::MakeTempDir("gui-card");
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home + "/data").c_str(), 1);
    ::setenv("PARTNER_DESK_LOCALE_DIR", KPD_BUILD_DIR "/locale", 1);
    ::setenv("PARTNER_DESK_PASSWORD", "demo", 1); // scripted sign-in as the marketing user

    const std::string lang = Language();
    const std::string shots = std::string(KPD_BUILD_DIR) + "/tests/gui/screenshots/" + lang;
    std::filesystem::create_directories(shots);
    const std::string url = sandbox.BaseUrl();
    const std::string workspace = "sqlite:" + home + "/workspace.db";

    // A banner image of the banner slot's shape, one colour, so its pixels are known.
    const std::string bannerPng = home + "/banner.png";
    {
        wxInitializer init; // wxImage needs the handlers only
        wxImage::AddHandler(new wxPNGHandler);
        wxImage banner(1029, 258);
        banner.SetRGB(wxRect(0, 0, 1029, 258), kBannerColour.Red(), kBannerColour.Green(), kBannerColour.Blue());
        BOOST_REQUIRE(banner.SaveFile(bannerPng, wxBITMAP_TYPE_PNG));
    }

    kpd::test::DriverReport report;
    std::vector<Check> checks;
    std::vector<std::string> shotFiles;
    std::size_t bannerIndex = 0;
    std::uint64_t renders = 0;
    std::int64_t publishedBefore = 0;
    std::string theirAccent = "#6A1B9A";
    std::string textColour;
    std::size_t questions = 0;
    int loads = 0;

    auto script = [&](SmokeApp& app) {
        std::vector<DriverStep> steps;
        SmokeApp* desk = &app;
        auto frame = [desk] { return desk->MainWindow(); };
        auto panel = [frame] {
            return dynamic_cast<kpd::ui::CardScreenPanel*>(frame()->PageOf(kpd::ui::Area::CardScreen));
        };
        auto grid = [panel] { return panel()->Editor()->Grid(); };
        auto drawn = [panel] { // the preview shows the panel's value and has nothing pending
            auto* preview = panel()->Preview();
            return !panel()->IsBusy() && preview->Current() && preview->IsUpToDate();
        };
        auto shot = [&](const std::string& name) {
            const std::string file = shots + "/" + name + ".png";
            checks.push_back({"screenshot " + name, kpd::test::SaveScreenshot(file)});
            shotFiles.push_back(file);
        };
        auto keys = [panel](int key, int modifiers) {
            kpd::test::ClickOn(panel()->StateLine()); // focus in the desk, off the grid's editors
            panel()->Preview()->SetFocus();
            wxUIActionSimulator().Char(key, modifiers);
        };

        steps.push_back({"the desk opens signed in", nullptr, [frame] { return frame() && frame()->IsShown(); }, 30s,
                         500ms});
        steps.push_back({"open the card screen area", [frame] { frame()->SelectArea(kpd::ui::Area::CardScreen); },
                         [panel, drawn] { return panel()->IsLoaded() && drawn(); }, 30s, 1200ms});
        steps.push_back({"screenshot of the designer", [shot] { shot("card-01-designer"); }, nullptr});

        steps.push_back({"a text colour with low contrast is named at its field",
                         [grid, panel, &textColour] {
                             // The background's own colour: contrast 1:1, whatever the demo's colours are.
                             textColour = panel()->Screen().theme.text_color;
                             grid()->ChangePropertyValue("/theme/text_color",
                                                         WXVARIANT(wxColour(panel()->Screen().theme.background_color)));
                         },
                         [panel] { return !panel()->Editor()->ProblemText("/theme/text_color").empty(); }, 10s, 800ms});
        steps.push_back({"screenshot of the inline problem", [shot] { shot("card-02-problem"); }, nullptr});
        steps.push_back({"Ctrl+Z takes the colour back", [keys] { keys('z', wxMOD_CONTROL); },
                         [panel, &textColour] {
                             return panel()->Screen().theme.text_color == textColour &&
                                    panel()->Editor()->ProblemText("/theme/text_color").empty();
                         },
                         10s, 300ms});

        steps.push_back({"a fourth issuance question is named at its group",
                         [panel, &questions] {
                             questions = panel()->Screen().questions.size();
                             for (std::size_t n = questions; n <= kpd::domain::kMaxIssuanceQuestions; ++n) {
                                 panel()->Editor()->AddItem("questions");
                             }
                         },
                         [panel] {
                             return panel()->Screen().questions.size() == kpd::domain::kMaxIssuanceQuestions + 1 &&
                                    !panel()->Editor()->ProblemText("/questions/3").empty();
                         },
                         10s, 800ms});
        steps.push_back({"screenshot of the group's problem",
                         [shot, panel] {
                             panel()->Editor()->SelectField("/questions/3");
                             shot("card-02b-too-many-questions");
                         },
                         nullptr});
        steps.push_back({"Ctrl+Z removes the added questions one by one",
                         [keys, panel, &questions] {
                             for (std::size_t n = questions; n <= kpd::domain::kMaxIssuanceQuestions; ++n) {
                                 keys('z', wxMOD_CONTROL);
                             }
                         },
                         [panel, &questions] {
                             return panel()->Screen().questions.size() == questions &&
                                    panel()->Editor()->ProblemText("/questions/3").empty();
                         },
                         10s, 300ms});
        steps.push_back({"edit the background colour",
                         [grid, panel, &renders] {
                             renders = panel()->Preview()->RenderCount();
                             grid()->ChangePropertyValue("/theme/background_color", WXVARIANT(kBackground));
                         },
                         [panel, drawn, &renders] {
                             return panel()->Screen().theme.background_color == "#0D47A1" && drawn() &&
                                    panel()->Preview()->RenderCount() > renders;
                         },
                         10s, 300ms});
        steps.push_back({"add a banner",
                         [panel, &bannerIndex] {
                             bannerIndex = panel()->Screen().banners.size();
                             panel()->Editor()->AddItem("banners");
                         },
                         [panel, &bannerIndex] { return panel()->Screen().banners.size() == bannerIndex + 1; }, 10s,
                         300ms});
        steps.push_back({"upload the banner's image",
                         [panel, &bannerIndex, bannerPng] {
                             panel()->UploadImageFile("/banners/" + std::to_string(bannerIndex) + "/asset",
                                                      kpd::domain::ImageSlot::Banner, wxString::FromUTF8(bannerPng));
                         },
                         [panel, drawn, &bannerIndex] {
                             const auto& banners = panel()->Screen().banners;
                             return banners.size() > bannerIndex && banners[bannerIndex].asset && drawn() &&
                                    panel()->Preview()->HasAsset(*banners[bannerIndex].asset);
                         },
                         20s, 300ms});
        steps.push_back({"give the banner a title and a link",
                         [grid, &bannerIndex] {
                             const wxString at = wxString::Format("/banners/%zu", bannerIndex);
                             grid()->ChangePropertyValue(at + "/title", wxString::FromUTF8("Скидки недели"));
                             grid()->ChangePropertyValue(at + "/cta/target", "https://polyanka.example/week");
                         },
                         [panel, drawn, &bannerIndex] {
                             return panel()->Screen().banners.at(bannerIndex).cta.target ==
                                        "https://polyanka.example/week" &&
                                    drawn();
                         },
                         10s, 1000ms});
        steps.push_back({"F5 reloads from the platform and keeps the unsent edits",
                         [keys, panel, &loads] {
                             loads = panel()->LoadCount();
                             keys(WXK_F5, 0);
                         },
                         [panel, drawn, &loads, &bannerIndex] {
                             return panel()->LoadCount() > loads && drawn() && panel()->HasUnsavedChanges() &&
                                    panel()->Screen().banners.size() == bannerIndex + 1 &&
                                    panel()->Screen().theme.background_color == "#0D47A1";
                         },
                         20s, 800ms});
        steps.push_back({"the exported preview has the colour, the banner and a scannable code",
                         [&checks, &bannerIndex, panel, shots] {
                             const std::string png = shots + "/card-preview.png";
                             wxString error;
                             kpd::render::RenderedParts parts;
                             checks.push_back({"Export PNG writes the file",
                                               panel()->Preview()->ExportPng(png, error, &parts)});
                             wxImage image(wxString::FromUTF8(png), wxBITMAP_TYPE_PNG);
                             checks.push_back({"the PNG reads back at the export scale", image.IsOk() &&
                                                   image.GetWidth() == static_cast<int>(kpd::render::kPhoneWidth *
                                                                                        kpd::ui::kExportScale)});
                             if (!image.IsOk()) return;
                             const double card = Share(image, parts.card, kBackground);
                             BOOST_TEST_MESSAGE("card background share " << card << ", last preview drawing "
                                                                          << panel()->Preview()->LastRenderMs() << " ms");
                             checks.push_back({"the card face is the new background colour", card > 0.3});
                             checks.push_back({"the banner has its place", parts.banners.size() > bannerIndex});
                             if (parts.banners.size() > bannerIndex) {
                                 const double banner = Share(image, parts.banners[bannerIndex], kBannerColour);
                                 BOOST_TEST_MESSAGE("banner share " << banner);
                                 checks.push_back({"the banner shows the uploaded image", banner > 0.5});
                             }
                             checks.push_back({"the page outside the card is not the card colour",
                                               Share(image, {0, image.GetHeight() - 4, 40, 4}, kBackground) < 0.5});
                             const std::string decoded = Decode(png);
                             BOOST_TEST_MESSAGE("zbarimg: '" << decoded << "', drawn: '" << parts.code_text << "'");
                             checks.push_back({"the barcode decodes to the code drawn",
                                               !decoded.empty() && decoded == parts.code_text});
                         },
                         nullptr});
        steps.push_back({"screenshot of the edited screen", [shot] { shot("card-03-edited"); }, nullptr});

        steps.push_back({"Ctrl+S saves the draft on the platform", [keys] { keys('s', wxMOD_CONTROL); },
                         [panel] { return !panel()->IsBusy() && !panel()->HasUnsavedChanges() && panel()->State()->draft; },
                         20s, 300ms});
        steps.push_back({"another desk saves a draft meanwhile",
                         [&checks, url, &theirAccent] {
                             kpd::api::ClientOptions options;
                             options.base_url = url;
                             kpd::api::PlatformClient other(options);
                             const bool signedIn = other.SignIn("admin", "demo").Ok();
                             auto state = other.GetCardScreen();
                             bool saved = false;
                             if (signedIn && state.Ok()) {
                                 kpd::domain::CardScreen theirs = state.Value().draft.value();
                                 theirs.theme.accent_color = theirAccent;
                                 saved = other.PutCardScreenDraft(theirs, state.Value().version).Ok();
                             }
                             checks.push_back({"the other desk saved its draft", signedIn && saved});
                         },
                         nullptr});
        steps.push_back({"edit and save again: the conflict dialog shows both versions",
                         [grid, panel] {
                             grid()->ChangePropertyValue("/balance/label", wxString::FromUTF8("Бонусы"));
                             panel()->CallAfter([panel] { panel()->SaveDraft(); });
                         },
                         [] {
                             auto* dialog = OpenDialog<kpd::ui::ConflictDialog>();
                             return dialog && dialog->Table()->RowCount() > 0;
                         },
                         20s, 1500ms});
        steps.push_back({"screenshot of the conflict", [shot] { shot("card-04-conflict"); }, nullptr});
        steps.push_back({"take theirs", [] { kpd::test::ClickOn(OpenDialog<kpd::ui::ConflictDialog>()->TakeTheirsButton()); },
                         [panel, &theirAccent] {
                             return !OpenDialog<kpd::ui::ConflictDialog>() &&
                                    panel()->Screen().theme.accent_color == theirAccent;
                         },
                         10s, 300ms});
        steps.push_back({"Ctrl+Z brings mine back", [keys] { keys('z', wxMOD_CONTROL); },
                         [panel] { return panel()->Screen().balance.label == "Бонусы"; }, 10s, 300ms});
        steps.push_back({"mine is saved over theirs now, knowingly", [panel] { panel()->SaveDraft(); },
                         [panel] { return !panel()->IsBusy() && !panel()->HasUnsavedChanges(); }, 20s, 300ms});

        steps.push_back({"Publish… lists what changes",
                         [panel, &publishedBefore] {
                             publishedBefore = panel()->State()->published_version;
                             kpd::test::ClickOn(panel()->PublishButton());
                         },
                         [] {
                             auto* dialog = OpenDialog<kpd::ui::PublishDialog>();
                             return dialog && dialog->Table()->RowCount() > 0;
                         },
                         10s, 1000ms});
        steps.push_back({"screenshot of the publish confirmation", [shot] { shot("card-05-publish"); }, nullptr});
        steps.push_back({"publish",
                         [] { kpd::test::ClickOn(kpd::ui::AffirmativeButtonOf(OpenDialog<kpd::ui::PublishDialog>())); },
                         [panel, &publishedBefore] {
                             return !OpenDialog<kpd::ui::PublishDialog>() && !panel()->IsBusy() &&
                                    panel()->State()->published_version == publishedBefore + 1 &&
                                    !panel()->State()->draft;
                         },
                         20s, 500ms});

        steps.push_back({"Versions… shows the history beside the published screen",
                         [panel] { kpd::test::ClickOn(panel()->VersionsButton()); },
                         [] {
                             auto* dialog = OpenDialog<kpd::ui::VersionsDialog>();
                             return dialog && dialog->VersionCount() >= 2 && dialog->IsShowingVersion();
                         },
                         20s, 1500ms});
        steps.push_back({"screenshot of the versions", [shot] { shot("card-06-versions"); }, nullptr});
        steps.push_back({"Roll back asks first",
                         [] { kpd::test::ClickOn(OpenDialog<kpd::ui::VersionsDialog>()->RollbackButton()); },
                         [] { return OpenDialog<wxGenericMessageDialog>() != nullptr; }, 10s, 800ms});
        steps.push_back({"screenshot of the rollback question", [shot] { shot("card-07-rollback"); }, nullptr});
        steps.push_back({"roll back",
                         [] { OpenDialog<wxGenericMessageDialog>()->EndModal(wxID_YES); },
                         [panel, &publishedBefore] {
                             return !OpenDialog<kpd::ui::VersionsDialog>() && !panel()->IsBusy() &&
                                    panel()->State()->published_version == publishedBefore + 2;
                         },
                         20s, 500ms});
        steps.push_back({"the dark phone",
                         [panel] {
                             kpd::test::ClickOn(panel()->DarkToggle());
                         },
                         [panel, drawn] {
                             return panel()->Preview()->PhoneTheme() == kpd::render::PhoneTheme::Dark && drawn();
                         },
                         10s, 800ms});
        steps.push_back({"screenshot of the dark phone", [shot] { shot("card-08-dark"); }, nullptr});
        steps.push_back({"close the desk", [frame] { frame()->Close(); }, nullptr});
        return steps;
    };

    std::vector<std::string> args = {"partner-desk", "--platform", url,         "--user",
                                     "marketing",    "--lang",     lang,        "--workspace",
                                     workspace};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());

    wxApp::SetInstance(new SmokeApp(script, report));
    const int rc = wxEntry(argc, argv.data());

    BOOST_TEST_MESSAGE("steps passed: " << report.passed.size());
    BOOST_TEST(rc == 0);
    BOOST_TEST(report.failed_step.empty(), "step failed: " << report.failed_step);
    for (const Check& check : checks) BOOST_TEST(check.ok, check.what);
    BOOST_TEST(shotFiles.size() == 9u);
    for (const auto& file : shotFiles) {
        BOOST_TEST((std::filesystem::exists(file) && std::filesystem::file_size(file) > 1000), file);
    }
}

// A viewer sees the designer read-only: the fields cannot be changed, nothing
// can be saved, published or rolled back, and the page says why.
BOOST_AUTO_TEST_CASE(a_viewer_sees_the_card_screen_read_only) {
    kpd::test::SandboxProcess sandbox;
    const std::string home = kpd::test::MakeTempDir("gui-card-viewer");
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home + "/data").c_str(), 1);
    ::setenv("PARTNER_DESK_LOCALE_DIR", KPD_BUILD_DIR "/locale", 1);
    ::setenv("PARTNER_DESK_PASSWORD", "demo", 1);
    const std::string lang = Language();
    const std::string shots = std::string(KPD_BUILD_DIR) + "/tests/gui/screenshots/" + lang;
    std::filesystem::create_directories(shots);
    const std::string url = sandbox.BaseUrl();

    kpd::test::DriverReport report;
    std::vector<Check> checks;
    auto script = [&](SmokeApp& app) {
        std::vector<DriverStep> steps;
        SmokeApp* desk = &app;
        auto frame = [desk] { return desk->MainWindow(); };
        auto panel = [frame] {
            return dynamic_cast<kpd::ui::CardScreenPanel*>(frame()->PageOf(kpd::ui::Area::CardScreen));
        };
        steps.push_back({"the desk opens signed in as the viewer", nullptr,
                         [frame] { return frame() && frame()->IsShown(); }, 30s, 500ms});
        steps.push_back({"open the card screen area", [frame] { frame()->SelectArea(kpd::ui::Area::CardScreen); },
                         [panel] {
                             return panel()->IsLoaded() && !panel()->IsBusy() && panel()->Preview()->Current() &&
                                    panel()->Editor()->Grid()->GetPropertyByName("/theme/text_color");
                         },
                         30s, 1200ms});
        steps.push_back({"nothing can be changed",
                         [&checks, panel, shots] {
                             kpd::test::SaveScreenshot(shots + "/card-09-viewer.png");
                             auto* grid = panel()->Editor()->Grid();
                             checks.push_back({"the fields are read-only",
                                               grid->GetPropertyByName("/theme/text_color")->HasFlag(wxPG_PROP_READONLY) != 0});
                             checks.push_back({"Publish is disabled", !panel()->PublishButton()->IsEnabled()});
                             checks.push_back({"Versions can be looked at", panel()->VersionsButton()->IsEnabled()});
                             const kpd::domain::CardScreen before = panel()->Screen();
                             grid->ChangePropertyValue("/balance/label", "x"); // as if typed: refused
                             checks.push_back({"an edit does not reach the screen", panel()->Screen() == before});
                         },
                         nullptr});
        steps.push_back({"the versions dialog offers no rollback", [panel] { kpd::test::ClickOn(panel()->VersionsButton()); },
                         [] {
                             auto* dialog = OpenDialog<kpd::ui::VersionsDialog>();
                             return dialog && dialog->VersionCount() >= 1 && dialog->IsShowingVersion();
                         },
                         20s, 500ms});
        steps.push_back({"close the versions",
                         [&checks] {
                             auto* dialog = OpenDialog<kpd::ui::VersionsDialog>();
                             checks.push_back({"no rollback button for a viewer", !dialog->RollbackButton()->IsShown()});
                             dialog->EndModal(wxID_CANCEL);
                         },
                         [] { return !OpenDialog<kpd::ui::VersionsDialog>(); }, 10s});
        steps.push_back({"the issuance questions area opens the designer at its questions",
                         [frame] {
                             frame()->SelectArea(kpd::ui::Area::IssuanceQuestions);
                             auto* page = dynamic_cast<kpd::ui::IssuanceQuestionsPage*>(
                                 frame()->PageOf(kpd::ui::Area::IssuanceQuestions));
                             page->CallAfter([page] { kpd::test::ClickOn(page->OpenButton()); });
                         },
                         [frame, panel] {
                             return frame()->SelectedArea() == kpd::ui::Area::CardScreen &&
                                    panel()->Editor()->SelectedPointer() == "/questions";
                         },
                         10s, 300ms});
        steps.push_back({"close the desk", [frame] { frame()->Close(); }, nullptr});
        return steps;
    };
    std::vector<std::string> args = {"partner-desk", "--platform", url,    "--user",      "viewer",
                                     "--lang",       lang,         "--workspace", "sqlite:" + home + "/workspace.db"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    wxApp::SetInstance(new SmokeApp(script, report));
    const int rc = wxEntry(argc, argv.data());
    BOOST_TEST(rc == 0);
    BOOST_TEST(report.failed_step.empty(), "step failed: " << report.failed_step);
    BOOST_TEST(checks.size() == 5u);
    for (const Check& check : checks) BOOST_TEST(check.ok, check.what);
}
