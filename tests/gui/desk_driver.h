#pragma once
// Drives the real desk for the GUI smoke test: a DeskApp whose OnInit also
// starts a script of steps run from a timer on the UI thread. Each step acts
// (simulated mouse and keyboard through wxUIActionSimulator, or a menu
// command) and then waits for a condition with a deadline, so the event loop
// keeps running and the desk works exactly as for a person.
#include "ui/app/desk_app.h"

#include <wx/button.h>
#include <wx/toplevel.h>
#include <wx/timer.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kpd::test {

struct DriverStep {
    std::string name;
    std::function<void()> act;            // runs once
    std::function<bool()> done;           // polled until true (or the deadline)
    std::chrono::milliseconds timeout{20000};
    std::chrono::milliseconds settle{0};  // wait after `done` (painting) before the next step
};

// What the run saw, for the test's assertions after wxEntry returns.
struct DriverReport {
    std::vector<std::string> passed;
    std::string failed_step; // empty when every step passed
    std::vector<std::string> notes;
};

class SmokeApp : public ui::DeskApp {
  public:
    SmokeApp(std::function<std::vector<DriverStep>(SmokeApp&)> script, DriverReport& report);
    bool OnInit() override;

  private:
    void Tick();

    std::function<std::vector<DriverStep>(SmokeApp&)> m_makeScript;
    DriverReport& m_report;
    std::vector<DriverStep> m_steps;
    std::size_t m_current = 0;
    bool m_acted = false;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_doneAt;
    bool m_settling = false;
    wxTimer m_timer;
};

// Screenshot of the whole X screen into `path` (ImageMagick's import).
bool SaveScreenshot(const std::string& path);

// Moves the pointer to the middle of `window` and clicks it (real X input).
void ClickOn(wxWindow* window);

// One thing a GUI test checked while the desk ran, asserted after it closed.
struct Check {
    std::string what;
    bool ok = false;
};

// The shown top-level dialog of type T, or nullptr.
template <class T> T* OpenDialog() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* dialog = dynamic_cast<T*>(window); dialog && dialog->IsShown()) return dialog;
    }
    return nullptr;
}

// The UI language the test runs in: KPD_SMOKE_LANG, "en" by default.
std::string Language();

// Clicks a button through its event (no pointer: works when covered).
void Press(wxButton* button);

// The label GTK shows on `button` as GTK holds it ("stock:gtk-cancel" for a
// stock item, which GTK words in the system's language, not the desk's).
std::string DrawnButtonLabel(wxButton* button);

// A home of its own for the desk (settings, workspace), the build tree's
// catalogues and the demo password for the scripted sign-in.
void SetDesktopEnvironment(const std::string& home);

// Runs the desk as `partner-desk --platform URL --user USER --lang LANG
// --workspace WORKSPACE` with `app` as its wxApp; returns wxEntry's result.
int RunDesk(SmokeApp* app, const std::string& url, const std::string& user, const std::string& lang,
            const std::string& workspace);

} // namespace kpd::test
