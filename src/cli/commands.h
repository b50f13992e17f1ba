#pragma once
// partnerctl's commands as plain functions over parsed arguments, so that the
// argument parser (CLI11, main.cpp only) stays in one translation unit and each
// command stays a thin mapper: sign in, call the same service the desk calls
// (src/services), print, return an exit code.
// Called on the main thread; each blocks until the platform answers.
#include "cli/exit_codes.h"
#include "domain/roles.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace kpd::cli {

enum class OutputFormat { Table, Json };

struct GlobalOptions {
    std::string platform;       // base URL, without /v1
    std::string user;           // login to sign in with
    bool password_stdin = false; // first line of stdin is the password
    OutputFormat format = OutputFormat::Table;
    std::string ca_file;        // extra CA bundle to trust
    std::string workspace;      // workspace database URL; empty: the desk's default (XDG data dir)
};

struct AddUserArgs {
    std::string login;
    std::string name;
    std::vector<std::string> roles;
    bool new_password_stdin = false; // the new user's password is the next line of stdin
};

struct SetRolesArgs {
    std::int64_t id = 0;
    std::vector<std::string> roles;
};

ExitCode RunLogin(const GlobalOptions& options);
ExitCode RunPartnerShow(const GlobalOptions& options);
ExitCode RunUsersList(const GlobalOptions& options);
ExitCode RunUsersAdd(const GlobalOptions& options, const AddUserArgs& args);
ExitCode RunUsersSetRoles(const GlobalOptions& options, const SetRolesArgs& args);
ExitCode RunUsersDisable(const GlobalOptions& options, std::int64_t id);
ExitCode RunAuditList(const GlobalOptions& options, int limit);

// `card-screen put|publish|rollback`: the platform version the change starts
// from (If-Match); unset: the version the platform has when the command runs.
struct CardScreenChangeArgs {
    std::optional<std::int64_t> if_version;
};

ExitCode RunCardScreenGet(const GlobalOptions& options);
// Checks FILE (and the images it names) offline: no sign-in, nothing sent.
ExitCode RunCardScreenValidate(const GlobalOptions& options, const std::string& file);
ExitCode RunCardScreenPut(const GlobalOptions& options, const std::string& file, const CardScreenChangeArgs& args);
ExitCode RunCardScreenPublish(const GlobalOptions& options, const CardScreenChangeArgs& args);
ExitCode RunCardScreenVersions(const GlobalOptions& options, int limit);
ExitCode RunCardScreenRollback(const GlobalOptions& options, std::int64_t version, const CardScreenChangeArgs& args);

// `partnerctl card-screen render [FILE] --out PNG`, written by the renderer's
// owner in command_card_screen_render.cpp: adds its subcommand to the
// `card-screen` group and, when that is chosen, sets `run`. main.cpp calls it
// while building the parser; `options` is filled in by the time `run` runs.
void AddCardScreenRenderCommand(CLI::App& cardScreen, const GlobalOptions& options,
                                std::function<ExitCode()>& run);

// `partnerctl settlements sync|list|reconcile|approve` and `commission check`
// (command_settlements.cpp), added to the parser the same way.
void AddSettlementCommands(CLI::App& app, const GlobalOptions& options, std::function<ExitCode()>& run);

// `partnerctl calendar …` (command_calendar.cpp): the production calendar's
// data file, offline; the answer says when a year it touches is provisional.
// `n` may be negative (counts back); BusinessDaysBetween counts d with from < d ≤ to.
ExitCode RunCalendarAddBusinessDays(const GlobalOptions& options, const std::string& date, int n);
ExitCode RunCalendarIsBusinessDay(const GlobalOptions& options, const std::string& date);
ExitCode RunCalendarBusinessDaysBetween(const GlobalOptions& options, const std::string& from, const std::string& to);

// `partnerctl receipt parse QR` (command_receipt.cpp): a fiscal receipt's QR text, offline.
ExitCode RunReceiptParse(const GlobalOptions& options, const std::string& qr);

// `partnerctl cashback list|create|submit|pause|resume|stop|report`
// (command_cashback.cpp), added to the parser the same way.
void AddCashbackCommands(CLI::App& app, const GlobalOptions& options, std::function<ExitCode()>& run);

// Role names as given on the command line; nullopt (and a message on stderr)
// when one is unknown.
std::optional<domain::RoleSet> ParseRoles(const std::vector<std::string>& names);

} // namespace kpd::cli
