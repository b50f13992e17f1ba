#pragma once
// What the main frame needs from a page and what a page may ask of the frame.
// UI thread only.
#include <wx/string.h>

namespace kpd::ui {

// A page that loads data: first loaded when first shown, reloaded on F5.
class AreaPage {
  public:
    virtual ~AreaPage() = default;
    virtual void Activate() {
        if (!m_loaded) {
            m_loaded = true;
            Reload();
        }
    }
    virtual void Reload() = 0;

  private:
    bool m_loaded = false;
};

// The frame, as pages see it.
class DeskShell {
  public:
    virtual ~DeskShell() = default;
    // After every platform call: online, or offline with what is shown instead.
    virtual void SetOnline(bool online) = 0;
    virtual void ShowStatus(const wxString& message) = 0;
};

} // namespace kpd::ui
