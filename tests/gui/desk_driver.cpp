#include "desk_driver.h"

#include <wx/dialog.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <cstdio>

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

} // namespace kpd::test
