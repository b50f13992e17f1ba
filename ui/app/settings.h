#pragma once
// Settings the desk remembers between runs (HOUSE-STYLE 3: every key and its
// default declared once, here). Stored with wxFileConfig in
// $XDG_CONFIG_HOME/partner-desk/settings.ini; never holds a password or token.
// UI thread only.
#include <wx/gdicmn.h>
#include <wx/string.h>

#include <string>

class wxTopLevelWindow;

namespace kpd::ui {

class Settings {
  public:
    // Installs the config object for the process (call once at start-up).
    static void Install();

    static wxString PlatformUrl();            // default http://127.0.0.1:8080
    static void SetPlatformUrl(const wxString& url);

    static wxString LastLogin();              // default empty
    static void SetLastLogin(const wxString& login);

    static wxString WorkspaceUrl();           // default empty: the desk's own SQLite file
    static void SetWorkspaceUrl(const wxString& url);

    // The POS export layout the user confirmed for a header, by the header's
    // fingerprint (services::LayoutFingerprint); empty when none. The text is
    // the mapping dialog's own encoding of a layout.
    static wxString PosLayout(const std::string& fingerprint);
    static void SetPosLayout(const std::string& fingerprint, const wxString& layout);

    static int SelectedArea();                // default 0 (the partner profile)
    static void SetSelectedArea(int index);

    // Size, position and maximised state of a top-level window, by name.
    static void RestoreGeometry(wxTopLevelWindow& window, const wxString& name, const wxSize& defaultSize);
    static void SaveGeometry(const wxTopLevelWindow& window, const wxString& name);

    static void Flush();
};

} // namespace kpd::ui
