#include "ui/app/i18n.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

#include <clocale>
#include <vector>

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

// The C library's words follow the UI language, not the environment: month and weekday names (strftime, which
// wxDateTime and so the calendars use) and GTK's own words (file choosers, text fields' menus; gettext reads
// LC_MESSAGES). Without this `--lang ru` under LANG=C.UTF-8 drew English names in a Russian desk. Numbers,
// money and collation keep the user's locale. A language whose locale is not installed keeps the environment's
// (the calendars' month names come from our catalogue anyway).
void SetWordsLocale(UiLanguage language) {
    static const std::vector<const char*> russian{"ru_RU.UTF-8", "ru_RU.utf8"};
    static const std::vector<const char*> english{"en_US.UTF-8", "en_US.utf8", "C.UTF-8"};
    for (const char* name : language == UiLanguage::Russian ? russian : english) {
        if (std::setlocale(LC_TIME, name) != nullptr) {
            std::setlocale(LC_MESSAGES, name);
            return;
        }
    }
    wxLogDebug("No installed locale speaks the UI language; month names and GTK's words follow the environment.");
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

    SetWordsLocale(language);
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
