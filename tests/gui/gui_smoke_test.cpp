// GUI smoke test: the real desk under Xvfb against a real platform-sandbox.
// Signs in through the dialog with simulated mouse and keyboard (first with a
// wrong password: a clear message, no token stored), checks the status bar,
// opens every area (one by its keyboard shortcut) and saves a screenshot of
// each under <build>/tests/gui/screenshots/<lang>/.
#define BOOST_TEST_MODULE gui_smoke
#include <boost/test/unit_test.hpp>

#include "desk_driver.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"
#include "ui/app/token_vault.h"
#include "ui/audit/audit_panel.h"
#include "ui/main/main_frame.h"
#include "ui/partner/partner_profile_panel.h"
#include "ui/signin/sign_in_dialog.h"
#include "ui/users/add_user_dialog.h"
#include "ui/users/role_checklist.h"
#include "ui/users/users_panel.h"

#include <wx/button.h>
#include <wx/init.h>
#include <wx/intl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace {

using kpd::test::DriverStep;
using kpd::test::SmokeApp;
using kpd::test::Check;
using kpd::test::Language;
using namespace std::chrono_literals;

kpd::ui::AddUserDialog* OpenAddUserDialog() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* dialog = dynamic_cast<kpd::ui::AddUserDialog*>(window)) return dialog;
    }
    return nullptr;
}

// On the users page: Add user…, a bad login shows its problem inline, then a
// good user is added through the platform and appears in the list.
template <class Frame, class Shot>
void AddUserSteps(std::vector<DriverStep>& steps, Frame frame, Shot shot, std::vector<Check>& checks) {
    auto users = [frame] { return dynamic_cast<kpd::ui::UsersPanel*>(frame()->PageOf(kpd::ui::Area::Users)); };
    auto type = [](wxTextCtrl* field, const char* text) {
        kpd::test::ClickOn(field);
        wxUIActionSimulator sim;
        sim.Char('a', wxMOD_CONTROL);
        sim.Text(text);
    };
    steps.push_back({"users: Add user… opens the dialog", [users] { kpd::test::ClickOn(users()->AddButton()); },
                     [] { return OpenAddUserDialog() && OpenAddUserDialog()->IsShown(); }, 10s, 500ms});
    steps.push_back({"users: a bad login is named under its field",
                     [type] { type(OpenAddUserDialog()->LoginField(), "9x"); },
                     [] { return !OpenAddUserDialog()->ProblemText("/login").empty(); }, 10s, 300ms});
    steps.push_back({"users: screenshot of the add-user dialog", [shot] { shot("02b-add-user-problem"); }, nullptr});
    // One field per step: simulated input is asynchronous, so each waits for its text.
    const std::pair<const char*, wxTextCtrl* (kpd::ui::AddUserDialog::*)() const> fields[] = {
        {"smoke.user", &kpd::ui::AddUserDialog::LoginField},
        {"Smoke Test", &kpd::ui::AddUserDialog::NameField},
        {"secret1", &kpd::ui::AddUserDialog::PasswordField}};
    for (const auto& [text, field] : fields) {
        steps.push_back({std::string("users: type ") + text,
                         [type, text = text, field = field] { type((OpenAddUserDialog()->*field)(), text); },
                         [text = text, field = field] { return (OpenAddUserDialog()->*field)()->GetValue() == text; },
                         10s, 200ms});
    }
    steps.push_back({"users: choose the viewer role",
                     [] { OpenAddUserDialog()->RolesField()->Check(0, true); },
                     [] { return OpenAddUserDialog()->ProblemText("/login").empty(); }, 10s, 300ms});
    steps.push_back({"users: Add sends it to the platform and the list shows it",
                     [] { kpd::test::ClickOn(OpenAddUserDialog()->AddButton()); },
                     [users] {
                         const auto logins = users()->ListedLogins();
                         return !OpenAddUserDialog() &&
                                std::find(logins.begin(), logins.end(), "smoke.user") != logins.end();
                     },
                     20s, 300ms});
    steps.push_back({"users: checked", [&checks] { checks.push_back({"a user added through the dialog", true}); },
                     nullptr});
}

} // namespace

BOOST_AUTO_TEST_CASE(signs_in_through_the_dialog_and_opens_every_area) {
    kpd::test::SandboxProcess sandbox;
    const std::string home = kpd::test::MakeTempDir("gui-smoke");
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home + "/data").c_str(), 1);
    ::setenv("PARTNER_DESK_LOCALE_DIR", KPD_BUILD_DIR "/locale", 1);
    ::unsetenv("PARTNER_DESK_PASSWORD");

    const std::string lang = Language();
    const std::string shots = std::string(KPD_BUILD_DIR) + "/tests/gui/screenshots/" + lang;
    std::filesystem::create_directories(shots);
    const std::string url = sandbox.BaseUrl();
    const std::string workspace = "sqlite:" + home + "/workspace.db";

    kpd::test::DriverReport report;
    std::vector<Check> checks;
    std::vector<std::string> shotFiles;

    auto script = [&](SmokeApp& app) {
        // Steps run after this function returns: capture by value, or what outlives wxEntry.
        std::vector<DriverStep> steps;
        SmokeApp* desk = &app;
        auto dialog = [desk] { return desk->SignInWindow(); };
        auto frame = [desk] { return desk->MainWindow(); };
        auto type = [](wxTextCtrl* field, const char* text) {
            kpd::test::ClickOn(field);
            wxUIActionSimulator sim;
            sim.Char('a', wxMOD_CONTROL); // replace whatever is there
            sim.Text(text);
        };
        auto shot = [&](const std::string& name) {
            const std::string file = shots + "/" + name + ".png";
            checks.push_back({"screenshot " + name, kpd::test::SaveScreenshot(file)});
            shotFiles.push_back(file);
        };

        steps.push_back({"the sign-in dialog appears", nullptr, [=] { return dialog() && dialog()->IsShown(); },
                         20s, 800ms});
        steps.push_back({"type the login", [=] { type(dialog()->LoginField(), "admin"); },
                         [=] { return dialog()->LoginField()->GetValue() == "admin"; }, 10s});
        steps.push_back({"type a wrong password", [=] { type(dialog()->PasswordField(), "wrong"); },
                         [=] { return dialog()->PasswordField()->GetValue() == "wrong"; }, 10s});
        steps.push_back({"submit the wrong password", [=] { kpd::test::ClickOn(dialog()->SignInButton()); },
                         [=] {
                             return !dialog()->IsBusy() &&
                                    dialog()->ErrorText() == wxGetTranslation("Wrong login or password.");
                         },
                         20s, 500ms});
        steps.push_back({"no token is stored after a wrong password",
                         [&checks, desk, shot, url] {
                             shot("00-sign-in-wrong-password");
                             checks.push_back({"no token stored after the wrong password",
                                               !desk->Vault().Load(url, "admin").has_value()});
                         },
                         nullptr});
        steps.push_back({"type the right password", [=] { type(dialog()->PasswordField(), "demo"); },
                         [=] { return dialog()->PasswordField()->GetValue() == "demo"; }, 10s});
        steps.push_back({"sign in", [=] { kpd::test::ClickOn(dialog()->SignInButton()); },
                         [=] { return frame() && frame()->IsShown() && !dialog(); }, 30s, 1000ms});
        steps.push_back({"the status bar names the platform, the user and the role",
                         [&checks, frame, url] {
                             using F = kpd::ui::MainFrame;
                             const wxString user = frame()->StatusField(F::FieldUser);
                             checks.push_back({"status bar shows the login", user.StartsWith("admin")});
                             checks.push_back({"status bar shows the role",
                                               user.Contains(wxGetTranslation("Partner administrator"))});
                             checks.push_back({"status bar shows the platform",
                                               frame()->StatusField(F::FieldPlatform) == url});
                             checks.push_back({"status bar says online",
                                               frame()->StatusField(F::FieldOnline) == wxGetTranslation("Online")});
                         },
                         nullptr});

        int index = 0;
        for (const kpd::ui::AreaInfo& area : kpd::ui::Areas()) {
            const kpd::ui::Area which = area.area;
            auto loaded = [frame, which]() -> bool {
                wxWindow* page = frame()->PageOf(which);
                if (auto* profile = dynamic_cast<kpd::ui::PartnerProfilePanel*>(page)) {
                    return !profile->ShownName().empty() && profile->ShownName() != wxGetTranslation("Loading…");
                }
                if (auto* users = dynamic_cast<kpd::ui::UsersPanel*>(page)) {
                    const auto logins = users->ListedLogins();
                    return std::find(logins.begin(), logins.end(), "admin") != logins.end();
                }
                if (auto* audit = dynamic_cast<kpd::ui::AuditPanel*>(page)) return audit->RowCount() > 0;
                return true;
            };
            std::function<void()> act = [frame, which] { frame()->SelectArea(which); };
            if (which == kpd::ui::Area::Users) {
                act = [frame] { // the View menu's shortcut, as a person would press it
                    kpd::test::ClickOn(frame()->GetStatusBar());
                    wxUIActionSimulator().Char('2', wxMOD_CONTROL);
                };
            }
            steps.push_back({std::string("open ") + area.key, act,
                             [frame, which, loaded] { return frame()->SelectedArea() == which && loaded(); }, 20s,
                             700ms});
            char name[64];
            std::snprintf(name, sizeof name, "%02d-%s", ++index, area.key);
            steps.push_back({std::string("screenshot of ") + area.key, [shot, n = std::string(name)] { shot(n); },
                             nullptr});
            if (which == kpd::ui::Area::Users) AddUserSteps(steps, frame, shot, checks);
        }
        steps.push_back({"the token is in the secret store, or the desk said why not",
                         [&checks, &report, desk, url] {
                             auto& vault = desk->Vault();
                             checks.push_back({"token kept after signing in (or memory-only said why)",
                                               vault.Load(url, "admin").has_value() &&
                                                   (vault.IsPersistent() || !vault.Why().empty())});
                             report.notes.push_back(vault.IsPersistent() ? "secret store: persistent"
                                                                         : "secret store: memory only");
                         },
                         nullptr});
        steps.push_back({"File > Sign out (Ctrl+Shift+Q) returns to the sign-in dialog",
                         [frame] {
                             kpd::test::ClickOn(frame()->GetStatusBar());
                             wxUIActionSimulator().Char('q', wxMOD_CONTROL | wxMOD_SHIFT);
                         },
                         [dialog, frame] { return !frame() && dialog() && dialog()->IsShown(); }, 20s, 500ms});
        steps.push_back({"signing out forgets the token",
                         [&checks, desk, url] {
                             checks.push_back({"no token kept after signing out",
                                               !desk->Vault().Load(url, "admin").has_value()});
                             checks.push_back({"the dialog remembers the login",
                                               desk->SignInWindow()->LoginField()->GetValue() == "admin"});
                         },
                         nullptr});
        steps.push_back({"quit from the sign-in dialog", [dialog] { dialog()->Close(); }, nullptr});
        return steps;
    };

    std::vector<std::string> args = {"partner-desk", "--platform", url, "--lang", lang, "--workspace", workspace};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());

    wxApp::SetInstance(new SmokeApp(script, report));
    const int rc = wxEntry(argc, argv.data());

    BOOST_TEST_MESSAGE("steps passed: " << report.passed.size());
    for (const auto& note : report.notes) BOOST_TEST_MESSAGE(note);
    BOOST_TEST(rc == 0);
    BOOST_TEST(report.failed_step.empty(), "step failed: " << report.failed_step);
    for (const Check& check : checks) BOOST_TEST(check.ok, check.what);
    BOOST_TEST(shotFiles.size() == kpd::ui::Areas().size() + 2); // + the sign-in error and the add-user dialog
    for (const auto& file : shotFiles) {
        BOOST_TEST((std::filesystem::exists(file) && std::filesystem::file_size(file) > 1000), file);
    }
}
