#pragma once
// The strip at the bottom of the main frame that appears while background
// tasks run: what is being done, a gauge (pulsing when the total is unknown)
// and Cancel. It listens to TaskRunner; UI thread only.
#include <wx/panel.h>
#include <wx/longlong.h>
#include <wx/timer.h>

class wxButton;
class wxGauge;
class wxStaticText;

namespace kpd::ui {

class ActivityStrip : public wxPanel {
  public:
    explicit ActivityStrip(wxWindow* parent);
    ~ActivityStrip() override;

  private:
    void Update();
    void OnPulse();

    wxStaticText* m_label = nullptr;
    wxGauge* m_gauge = nullptr;
    wxButton* m_cancel = nullptr;
    wxTimer m_pulse{this}; // owned: stops with the window
    std::uint64_t m_shownTask = 0;
    bool m_indeterminate = false;
    wxLongLong m_since; // when the current run of tasks began
};

} // namespace kpd::ui
