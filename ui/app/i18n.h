#pragma once
// Languages of the desk: Russian on a Russian locale, English otherwise,
// `--lang ru|en` overriding. Strings are msgids in English marked with _()
// (only in ui/); the Russian catalogue is resources/po/ru.po, compiled to
// partner-desk.mo. UI thread only, once at start-up.
#include <wx/string.h>

#include <optional>

namespace kpd::ui {

enum class UiLanguage { English, Russian };

// Sets the C and UI locale from the environment (month and weekday names and
// GTK's own words follow the chosen language) and loads the catalogue for
// the chosen language. Returns the language in effect.
UiLanguage SetUpLanguage(const std::optional<wxString>& requested);

UiLanguage CurrentLanguage();

} // namespace kpd::ui
