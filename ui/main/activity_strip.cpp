#include "ui/main/activity_strip.h"

#include "ui/app/task_runner.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/time.h>
#include <wx/timer.h>

namespace kpd::ui {

ActivityStrip::ActivityStrip(wxWindow* parent) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    m_label = new wxStaticText(this, wxID_ANY, wxString());
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(200, -1)));
    m_cancel = new wxButton(this, wxID_ANY, _("Cancel"));
    sizer->Add(m_label, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    sizer->Add(m_gauge, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
    sizer->Add(m_cancel, wxSizerFlags().CenterVertical().Border(wxALL, FromDIP(4)));
    SetSizer(sizer);

    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { OnPulse(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TaskRunner::Get().Cancel(m_shownTask); });
    TaskRunner::Get().SetActivityListener([this] { Update(); });
    Hide();
}

ActivityStrip::~ActivityStrip() {
    TaskRunner::Get().SetActivityListener(nullptr);
    m_pulse.Stop();
}

void ActivityStrip::Update() {
    const auto running = TaskRunner::Get().Running();
    if (running.empty()) {
        m_pulse.Stop();
        m_shownTask = 0;
        if (IsShown()) {
            Hide();
            GetParent()->Layout();
        }
        return;
    }
    const TaskActivity& task = running.back(); // the newest
    m_shownTask = task.id;
    wxString text = task.title;
    if (running.size() > 1) {
        // TRANSLATORS: %s is what the newest task does; %zu how many other tasks run besides it.
        text = wxString::Format(_("%s (and %zu more)"), task.title, running.size() - 1);
    }
    if (task.platform_wait > 0) {
        // TRANSLATORS: %s is what the task does; %lld the seconds the platform asked to wait
        // (it answered "too many requests" or "unavailable" with Retry-After) before the desk goes on.
        text = wxString::Format(_("%s — the platform asks to wait %lld s"), text,
                                static_cast<long long>(task.platform_wait));
    }
    m_label->SetLabel(text);
    m_indeterminate = task.total <= 0;
    if (!m_indeterminate) {
        m_gauge->SetValue(static_cast<int>(100 * std::min(task.done, task.total) / task.total));
    }
    if (!m_pulse.IsRunning()) {
        m_since = wxGetLocalTimeMillis();
        m_pulse.Start(100);
    }
}

void ActivityStrip::OnPulse() {
    // Quick tasks never show the strip: it appears after a short delay.
    if (!IsShown() && wxGetLocalTimeMillis() - m_since >= 300) {
        Show();
        GetParent()->Layout();
    }
    if (m_indeterminate) m_gauge->Pulse();
}

} // namespace kpd::ui
