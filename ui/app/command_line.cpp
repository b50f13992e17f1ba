#include "ui/app/command_line.h"

#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/utils.h>

#include <cstdio>

namespace kpd::ui {

std::optional<DeskOptions> ParseCommandLine(int argc, wxChar** argv, int& exitCode) {
    // The descriptions are shown by --help before the catalogue may be loaded;
    // they stay English, like the option names themselves.
    static const wxCmdLineEntryDesc kOptions[] = {
        {wxCMD_LINE_SWITCH, "h", "help", "show this help", wxCMD_LINE_VAL_NONE, wxCMD_LINE_OPTION_HELP},
        {wxCMD_LINE_OPTION, nullptr, "platform", "platform API base URL, e.g. http://127.0.0.1:8080",
         wxCMD_LINE_VAL_STRING, 0},
        {wxCMD_LINE_OPTION, nullptr, "user", "login to sign in with", wxCMD_LINE_VAL_STRING, 0},
        {wxCMD_LINE_OPTION, nullptr, "workspace", "workspace database: sqlite:PATH or postgresql://...",
         wxCMD_LINE_VAL_STRING, 0},
        {wxCMD_LINE_OPTION, nullptr, "lang", "user interface language: ru or en", wxCMD_LINE_VAL_STRING, 0},
        {wxCMD_LINE_NONE, nullptr, nullptr, nullptr, wxCMD_LINE_VAL_NONE, 0},
    };
    wxCmdLineParser parser(kOptions, argc, argv);
    parser.SetLogo("partner-desk — Koshelek Partner Desk " KPD_VERSION
                   "\nThe password comes from the sign-in dialog or PARTNER_DESK_PASSWORD.");
    switch (parser.Parse()) {
    case -1: exitCode = 0; return std::nullopt; // --help
    case 0: break;
    default: exitCode = 1; return std::nullopt; // the parser has already said why
    }

    DeskOptions options;
    wxString value;
    if (parser.Found("platform", &value)) options.platform_url = value;
    if (parser.Found("user", &value)) options.login = value;
    if (parser.Found("workspace", &value)) options.workspace_url = value;
    if (parser.Found("lang", &value)) {
        value.MakeLower();
        if (value != "ru" && value != "en") {
            std::fprintf(stderr, "partner-desk: --lang takes ru or en, not '%s'\n", value.utf8_str().data());
            exitCode = 1;
            return std::nullopt;
        }
        options.language = value;
    }
    if (wxGetEnv("PARTNER_DESK_PASSWORD", &value) && !value.empty()) options.password = value;
    exitCode = 0;
    return options;
}

} // namespace kpd::ui
