#include "ui/app/settings.h"

#include <wx/config.h>
#include <wx/display.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/toplevel.h>

#include <cstdint>

namespace kpd::ui {
namespace {

// Keys and defaults, in one place.
constexpr const char* kPlatformUrl = "/Session/PlatformUrl";
constexpr const char* kDefaultPlatformUrl = "http://127.0.0.1:8080";
constexpr const char* kLastLogin = "/Session/LastLogin";
constexpr const char* kWorkspaceUrl = "/Session/WorkspaceUrl";
constexpr const char* kSelectedArea = "/MainFrame/SelectedArea";
constexpr const char* kGeometryGroup = "/Windows/";
constexpr const char* kPosLayoutGroup = "/PosLayouts/"; // + a hash of the header's fingerprint

wxConfigBase& Config() { return *wxConfigBase::Get(); }

} // namespace

void Settings::Install() {
    wxString dir;
    if (!wxGetEnv("XDG_CONFIG_HOME", &dir) || dir.empty()) {
        dir = wxFileName(wxStandardPaths::Get().GetUserConfigDir(), ".config").GetFullPath();
    }
    wxFileName file(dir + "/partner-desk", "settings.ini");
    file.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    auto* config = new wxFileConfig("partner-desk", wxEmptyString, file.GetFullPath(), wxEmptyString,
                                    wxCONFIG_USE_LOCAL_FILE);
    delete wxConfigBase::Set(config);
}

wxString Settings::PlatformUrl() { return Config().Read(kPlatformUrl, kDefaultPlatformUrl); }
void Settings::SetPlatformUrl(const wxString& url) { Config().Write(kPlatformUrl, url); }

wxString Settings::LastLogin() { return Config().Read(kLastLogin, wxString()); }
void Settings::SetLastLogin(const wxString& login) { Config().Write(kLastLogin, login); }

wxString Settings::WorkspaceUrl() { return Config().Read(kWorkspaceUrl, wxString()); }
void Settings::SetWorkspaceUrl(const wxString& url) { Config().Write(kWorkspaceUrl, url); }

namespace {
// A config key for a fingerprint (any text): its FNV-1a hash in hex.
wxString PosLayoutKey(const std::string& fingerprint) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : fingerprint) hash = (hash ^ c) * 1099511628211ull;
    return wxString(kPosLayoutGroup) + wxString::Format("%016llx", static_cast<unsigned long long>(hash));
}
} // namespace

wxString Settings::PosLayout(const std::string& fingerprint) {
    return Config().Read(PosLayoutKey(fingerprint), wxString());
}
void Settings::SetPosLayout(const std::string& fingerprint, const wxString& layout) {
    Config().Write(PosLayoutKey(fingerprint), layout);
}

int Settings::SelectedArea() { return static_cast<int>(Config().ReadLong(kSelectedArea, 0)); }
void Settings::SetSelectedArea(int index) { Config().Write(kSelectedArea, index); }

void Settings::RestoreGeometry(wxTopLevelWindow& window, const wxString& name, const wxSize& defaultSize) {
    const wxString group = kGeometryGroup + name + "/";
    wxRect rect(wxDefaultPosition, defaultSize);
    rect.x = static_cast<int>(Config().ReadLong(group + "X", wxDefaultCoord));
    rect.y = static_cast<int>(Config().ReadLong(group + "Y", wxDefaultCoord));
    rect.width = static_cast<int>(Config().ReadLong(group + "Width", defaultSize.x));
    rect.height = static_cast<int>(Config().ReadLong(group + "Height", defaultSize.y));
    // Keep the window on a screen that exists now (a monitor may have gone).
    const wxRect screen = wxDisplay(0u).GetClientArea();
    rect.width = std::min(std::max(rect.width, 640), screen.width);
    rect.height = std::min(std::max(rect.height, 480), screen.height);
    window.SetSize(rect.GetSize());
    if (rect.x != wxDefaultCoord && rect.y != wxDefaultCoord && screen.Intersects(rect)) {
        window.Move(rect.GetPosition());
    } else {
        window.Centre();
    }
    if (Config().ReadBool(group + "Maximized", false)) window.Maximize();
}

void Settings::SaveGeometry(const wxTopLevelWindow& window, const wxString& name) {
    const wxString group = kGeometryGroup + name + "/";
    Config().Write(group + "Maximized", window.IsMaximized());
    if (!window.IsMaximized() && !window.IsIconized()) {
        const wxRect rect = window.GetRect();
        Config().Write(group + "X", rect.x);
        Config().Write(group + "Y", rect.y);
        Config().Write(group + "Width", rect.width);
        Config().Write(group + "Height", rect.height);
    }
}

void Settings::Flush() { Config().Flush(); }

} // namespace kpd::ui
