#include "desk_driver.h"

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace kpd::test {

SmokeApp::SmokeApp(std::function<std::vector<DriverStep>(SmokeApp&)> script, DriverReport& report)
    : m_makeScript(std::move(script)), m_report(report), m_timer(this) {}

bool SmokeApp::OnInit() {
    if (!DeskApp::OnInit()) return false;
    m_steps = m_makeScript(*this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Tick(); });
    m_timer.Start(100);
    return true;
}

void SmokeApp::Tick() {
    using Clock = std::chrono::steady_clock;
    if (m_current >= m_steps.size()) {
        m_timer.Stop();
        ExitMainLoop();
        return;
    }
    DriverStep& step = m_steps[m_current];
    if (!m_acted) {
        std::fprintf(stderr, "smoke: step '%s'\n", step.name.c_str());
        m_acted = true;
        m_started = Clock::now();
        if (step.act) step.act();
        return;
    }
    if (m_settling) {
        if (Clock::now() - m_doneAt >= step.settle) {
            m_report.passed.push_back(step.name);
            ++m_current;
            m_acted = false;
            m_settling = false;
        }
        return;
    }
    if (!step.done || step.done()) {
        m_settling = true;
        m_doneAt = Clock::now();
        return;
    }
    if (Clock::now() - m_started > step.timeout) {
        std::fprintf(stderr, "smoke: step '%s' timed out\n", step.name.c_str());
        m_report.failed_step = step.name;
        SaveScreenshot(KPD_BUILD_DIR "/tests/gui/screenshots/failed-step.png");
        m_timer.Stop();
        // A modal dialog runs its own loop: end it first, or the test would hang.
        for (wxWindow* window : wxTopLevelWindows) {
            if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) {
                dialog->EndModal(wxID_CANCEL);
            }
        }
        CallAfter([this] { ExitMainLoop(); }); // once the modal loop has returned

    }
}

bool SaveScreenshot(const std::string& path) {
    const wxString command = wxString::Format("/usr/bin/import -window root %s", wxString::FromUTF8(path));
    return wxExecute(command, wxEXEC_SYNC | wxEXEC_NOEVENTS) == 0;
}

void ClickOn(wxWindow* window) {
    const wxRect rect = window->GetScreenRect();
    wxUIActionSimulator sim;
    sim.MouseMove(rect.GetLeft() + rect.GetWidth() / 2, rect.GetTop() + rect.GetHeight() / 2);
    sim.MouseClick();
}

std::string Language() {
    const char* lang = std::getenv("KPD_SMOKE_LANG");
    return lang && *lang ? lang : "en";
}

void Press(wxButton* button) {
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->ProcessWindowEvent(click);
}

std::string DrawnButtonLabel(wxButton* button) {
    if (!button) return "(no button)";
    // GTK's own calls, looked up in the GTK that wx has loaded (the tests build without GTK's headers).
    using GetLabel = const char* (*)(void*);
    using GetUseStock = int (*)(void*);
    auto* getLabel = reinterpret_cast<GetLabel>(::dlsym(RTLD_DEFAULT, "gtk_button_get_label"));
    auto* getUseStock = reinterpret_cast<GetUseStock>(::dlsym(RTLD_DEFAULT, "gtk_button_get_use_stock"));
    if (!getLabel || !getUseStock) return "(GTK not found)";
    void* widget = button->GetHandle();
    const char* label = getLabel(widget);
    const std::string text = label ? label : "";
    // A stock button's label is the stock id ("gtk-cancel"); GTK words it from its own catalogue.
    return getUseStock(widget) ? "stock:" + text : text;
}

void SetDesktopEnvironment(const std::string& home) {
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home + "/data").c_str(), 1);
    ::setenv("PARTNER_DESK_LOCALE_DIR", KPD_BUILD_DIR "/locale", 1);
    ::setenv("PARTNER_DESK_PASSWORD", "demo", 1); // scripted sign-in
}

int RunDesk(SmokeApp* app, const std::string& url, const std::string& user, const std::string& lang,
            const std::string& workspace) {
    std::vector<std::string> args = {"partner-desk", "--platform", url,  "--user",      user,
                                     "--lang",       lang,         "--workspace", workspace};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int argc = static_cast<int>(args.size());
    wxApp::SetInstance(app);
    return wxEntry(argc, argv.data());
}

} // namespace kpd::test
