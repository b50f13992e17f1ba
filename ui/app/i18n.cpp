#include "ui/app/i18n.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

namespace kpd::ui {
namespace {

UiLanguage g_language = UiLanguage::English;

// Where partner-desk.mo may be: PARTNER_DESK_LOCALE_DIR (tests), beside the
// build tree (build/<x>/locale when run from build/<x>/ui/) and the installed
// prefix (<prefix>/share/locale; also searched by default).
void AddCatalogueDirectories() {
    wxString fromEnvironment;
    if (wxGetEnv("PARTNER_DESK_LOCALE_DIR", &fromEnvironment) && wxFileName::DirExists(fromEnvironment)) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(fromEnvironment);
    }
    const wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    wxFileName up(exe.GetPath(), wxEmptyString);
    up.RemoveLastDir();
    const wxString candidates[] = {up.GetPath() + "/locale", up.GetPath() + "/share/locale"};
    for (const wxString& dir : candidates) {
        if (wxFileName::DirExists(dir)) wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);
    }
}

} // namespace

UiLanguage SetUpLanguage(const std::optional<wxString>& requested) {
    // Numbers, dates and collation follow the user's locale whatever the UI language.
    wxUILocale::UseDefault();

    UiLanguage language = UiLanguage::English;
    if (requested) {
        language = *requested == "ru" ? UiLanguage::Russian : UiLanguage::English;
    } else {
        const wxString system = wxUILocale::GetLanguageCanonicalName(wxUILocale::GetSystemLanguage());
        if (system.StartsWith("ru")) language = UiLanguage::Russian;
    }

    AddCatalogueDirectories();
    auto* translations = new wxTranslations;
    translations->SetLanguage(language == UiLanguage::Russian ? wxLANGUAGE_RUSSIAN : wxLANGUAGE_ENGLISH_US);
    wxTranslations::Set(translations);
    if (language == UiLanguage::Russian) {
        translations->AddStdCatalog(); // wx's own words, when Debian's wx3.2-i18n is installed
        if (!translations->AddCatalog("partner-desk", wxLANGUAGE_ENGLISH_US)) {
            wxLogWarning("The Russian catalogue partner-desk.mo was not found; the desk speaks English.");
        }
    }
    g_language = language;
    return language;
}

UiLanguage CurrentLanguage() { return g_language; }

} // namespace kpd::ui
