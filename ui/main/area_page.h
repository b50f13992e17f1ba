#pragma once
// What the main frame needs from a page and what a page may ask of the frame.
// UI thread only.
#include <wx/string.h>

class wxCommandProcessor;

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

// A page with its own undo history: the frame's Edit menu (Undo Ctrl+Z, Redo
// Ctrl+Y) acts on the current page's command processor when it has one.
class UndoablePage {
  public:
    virtual ~UndoablePage() = default;
    virtual wxCommandProcessor* Commands() = 0;
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
