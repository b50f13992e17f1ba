// partnerctl: the command line of the Koshelek Partner Desk. This file only
// parses arguments (the one translation unit that includes CLI11, which is
// slow to compile) and hands them to the command functions of commands.h.
#include "cli/commands.h"
#include "cli/console.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>

namespace {

using kpd::cli::ExitCode;

const char* kFooter = R"(Passwords never go on the command line (other users can read a process's arguments):
  the signer's password is the first line of stdin with --password-stdin, or PARTNERCTL_PASSWORD;
  for `users add`, the new user's password is the next line of stdin with --new-password-stdin
  (the second line when --password-stdin is also given), or PARTNERCTL_NEW_PASSWORD.
Environment: PARTNER_DESK_PLATFORM (default --platform), PARTNERCTL_USER (default --user),
  PARTNER_DESK_WORKSPACE (default --workspace).
Exit codes: 0 ok; 1 bad arguments or the platform refused the request (4xx);
  2 the platform failed or could not be reached (5xx, network, timeout, unexpected answer).
With --format json only JSON goes to stdout; every message goes to stderr.)";

std::string DefaultPlatform() {
    const char* env = std::getenv("PARTNER_DESK_PLATFORM");
    return env != nullptr && *env != '\0' ? env : "http://127.0.0.1:8080";
}

} // namespace

int main(int argc, char** argv) {
    using namespace kpd::cli;

    CLI::App app{"partnerctl — manage a Koshelek partner account from the command line", "partnerctl"};
    app.footer(kFooter);
    app.require_subcommand(1);
    app.fallthrough(); // global options may follow the subcommand too

    GlobalOptions options;
    options.platform = DefaultPlatform();
    std::string format = "table";
    app.add_option("--platform", options.platform, "Platform base URL (without /v1)")->capture_default_str();
    app.add_option("--user", options.user, "Login to sign in with")->envname("PARTNERCTL_USER");
    app.add_flag("--password-stdin", options.password_stdin, "Read the password from the first line of stdin");
    app.add_option("--format", format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    app.add_option("--ca-file", options.ca_file, "Also trust this CA bundle (PEM) for https://")
        ->check(CLI::ExistingFile);
    app.add_option("--workspace", options.workspace,
                   "Workspace database (sqlite:PATH or postgresql://…); default: the desk's, in the XDG data dir")
        ->envname("PARTNER_DESK_WORKSPACE");

    // The command chosen; each subcommand's callback sets it.
    std::function<ExitCode()> run;

    app.add_subcommand("login", "Check the credentials and show the user, roles and partner")
        ->callback([&] { run = [&] { return RunLogin(options); }; });

    auto* partner = app.add_subcommand("partner", "The partner profile")->require_subcommand(1);
    partner->add_subcommand("show", "Show the partner profile")->callback([&] {
        run = [&] { return RunPartnerShow(options); };
    });

    auto* users = app.add_subcommand("users", "Users of the partner account (needs partner_admin)")
                      ->require_subcommand(1);
    users->add_subcommand("list", "List every user")->callback([&] { run = [&] { return RunUsersList(options); }; });

    AddUserArgs add;
    auto* addCmd = users->add_subcommand("add", "Add a user (password: see below)");
    addCmd->add_option("--login", add.login, "Login: 3-64 of a-z 0-9 . _ -, starting with a letter")->required();
    addCmd->add_option("--name", add.name, "Full name")->required();
    addCmd->add_option("--role", add.roles, "A role (repeat for several)")->required();
    addCmd->add_flag("--new-password-stdin", add.new_password_stdin,
                     "Read the new user's password from the next line of stdin");
    addCmd->callback([&] { run = [&] { return RunUsersAdd(options, add); }; });

    SetRolesArgs setRoles;
    auto* setRolesCmd = users->add_subcommand("set-roles", "Replace a user's roles");
    setRolesCmd->add_option("id", setRoles.id, "User id")->required();
    setRolesCmd->add_option("--role", setRoles.roles, "A role (repeat for several)")->required();
    setRolesCmd->callback([&] { run = [&] { return RunUsersSetRoles(options, setRoles); }; });

    std::int64_t disableId = 0;
    auto* disableCmd = users->add_subcommand("disable", "Disable a user and end their sessions");
    disableCmd->add_option("id", disableId, "User id")->required();
    disableCmd->callback([&] { run = [&] { return RunUsersDisable(options, disableId); }; });

    int auditLimit = 50;
    auto* audit = app.add_subcommand("audit", "The partner's audit log")->require_subcommand(1);
    auto* auditList = audit->add_subcommand("list", "The newest audit entries");
    auditList->add_option("--limit", auditLimit, "How many entries")->capture_default_str();
    auditList->callback([&] { run = [&] { return RunAuditList(options, auditLimit); }; });

    auto* cardScreen =
        app.add_subcommand("card-screen", "The loyalty card screen: draft, publication, versions")
            ->require_subcommand(1);
    cardScreen->add_subcommand("get", "The platform's draft and published screen, and the workspace's draft")
        ->callback([&] { run = [&] { return RunCardScreenGet(options); }; });

    std::string draftFile;
    auto* validateCmd = cardScreen->add_subcommand(
        "validate", "Check a draft JSON file and the image files it names (offline, nothing sent)");
    validateCmd->add_option("file", draftFile, "Card screen JSON; image fields may name PNG/JPEG files")
        ->required();
    validateCmd->callback([&] { run = [&] { return RunCardScreenValidate(options, draftFile); }; });

    CardScreenChangeArgs change;
    auto addIfVersion = [&](CLI::App* cmd) {
        cmd->add_option("--if-version", change.if_version,
                        "Only if the platform's card screen is at this version (default: whatever it is now)");
    };
    auto* putCmd = cardScreen->add_subcommand(
        "put", "Upload the image files a draft JSON file names, then save it as the platform's draft");
    putCmd->add_option("file", draftFile, "Card screen JSON; image fields may name PNG/JPEG files")->required();
    addIfVersion(putCmd);
    putCmd->callback([&] { run = [&] { return RunCardScreenPut(options, draftFile, change); }; });

    auto* publishCmd = cardScreen->add_subcommand("publish", "Publish the platform's draft (shows what changes)");
    addIfVersion(publishCmd);
    publishCmd->callback([&] { run = [&] { return RunCardScreenPublish(options, change); }; });

    int versionsLimit = 50;
    auto* versionsCmd = cardScreen->add_subcommand("versions", "Publications, newest first");
    versionsCmd->add_option("--limit", versionsLimit, "How many")->capture_default_str();
    versionsCmd->callback([&] { run = [&] { return RunCardScreenVersions(options, versionsLimit); }; });

    std::int64_t rollbackTo = 0;
    auto* rollbackCmd = cardScreen->add_subcommand("rollback", "Publish an earlier version again");
    rollbackCmd->add_option("version", rollbackTo, "The publication's number (see versions)")->required();
    addIfVersion(rollbackCmd);
    rollbackCmd->callback([&] { run = [&] { return RunCardScreenRollback(options, rollbackTo, change); }; });

    AddCardScreenRenderCommand(*cardScreen, options, run);
    AddSettlementCommands(app, options, run);
    AddCashbackCommands(app, options, run);

    auto* calendar = app.add_subcommand("calendar", "The Russian production calendar (offline)")->require_subcommand(1);
    std::string calendarDate, calendarTo;
    int businessDays = 0;
    auto* addDays = calendar->add_subcommand("add-business-days", "The N-th business day after DATE");
    addDays->add_option("date", calendarDate, "YYYY-MM-DD")->required();
    addDays->add_option("n", businessDays, "How many business days (negative: before)")->required();
    addDays->callback([&] { run = [&] { return RunCalendarAddBusinessDays(options, calendarDate, businessDays); }; });
    auto* isDay = calendar->add_subcommand("is-business-day", "Whether DATE is a business day");
    isDay->add_option("date", calendarDate, "YYYY-MM-DD")->required();
    isDay->callback([&] { run = [&] { return RunCalendarIsBusinessDay(options, calendarDate); }; });
    auto* between = calendar->add_subcommand("business-days-between", "Business days after FROM up to and including TO");
    between->add_option("from", calendarDate, "YYYY-MM-DD")->required();
    between->add_option("to", calendarTo, "YYYY-MM-DD")->required();
    between->callback([&] { run = [&] { return RunCalendarBusinessDaysBetween(options, calendarDate, calendarTo); }; });

    auto* receipt = app.add_subcommand("receipt", "Fiscal receipts (offline)")->require_subcommand(1);
    std::string receiptQr;
    auto* parseQr = receipt->add_subcommand("parse", "Read a fiscal receipt's QR text (t=…&s=…&fn=…&i=…&fp=…&n=…)");
    parseQr->add_option("qr", receiptQr, "The QR text; quote it for the shell")->required();
    parseQr->callback([&] { run = [&] { return RunReceiptParse(options, receiptQr); }; });

    for (auto* sub : {partner, users, audit, cardScreen, calendar, receipt}) {
        sub->fallthrough();
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Help and version are successes written to stdout; everything else
        // is a usage error on stderr with exit code 1 (CLI11's own codes vary).
        int shown = app.exit(e, std::cout, std::cerr);
        return shown == 0 ? ToInt(ExitCode::Ok) : ToInt(ExitCode::UserError);
    }
    options.format = format == "json" ? OutputFormat::Json : OutputFormat::Table;
    if (!run) {
        std::cerr << app.help() << '\n';
        return ToInt(ExitCode::UserError);
    }
    return ToInt(Guarded(run));
}
