#pragma once
// The desk's command line: partner-desk [--platform URL] [--user LOGIN]
// [--workspace URL] [--lang ru|en]. Parsed once at start-up on the UI thread.
#include <wx/string.h>

#include <optional>

namespace kpd::ui {

struct DeskOptions {
    std::optional<wxString> platform_url;  // overrides the remembered one
    std::optional<wxString> login;         // overrides the remembered one
    std::optional<wxString> workspace_url; // "sqlite:PATH" or "postgresql://…"
    std::optional<wxString> language;      // "ru" or "en"; empty: from the locale
    std::optional<wxString> password;      // from PARTNER_DESK_PASSWORD only, never argv
};

// Parses argc/argv with wxCmdLineParser. Returns nullopt when the program
// should exit (help shown or a usage error reported); `exitCode` says how.
std::optional<DeskOptions> ParseCommandLine(int argc, wxChar** argv, int& exitCode);

} // namespace kpd::ui
