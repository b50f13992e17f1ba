// partnerctl cashback list|create|submit|pause|resume|stop|report: cashback
// flights from the command line, through the services the desk's cashback
// area uses (services/cashback_flights.h). `create FILE` reads a flight JSON
// (services/cashback_flight_file.h): every mistake is named at its JSON
// pointer (or line and column) and nothing is sent while any remains.
// `submit` says the earliest allowed start when the wanted one is too early.
// Like the settlements, this file adds its own subcommands through a hook
// (AddCashbackCommands in commands.h) so main.cpp stays short.
#include "cli/cached_notice.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/cashback_json.h"
#include "domain/money.h"
#include "services/cashback_flight_file.h"
#include "services/cashback_flights.h"
#include "services/desk_context.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace kpd::cli {
namespace {

struct CashbackArgs {
    std::string file;
    std::int64_t id = 0;
};

nlohmann::json ProblemsJson(const domain::Problems& problems) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : problems)
        out.push_back({{"field", p.field}, {"code", p.code}, {"message", p.message}});
    return out;
}

std::string Percent(domain::Kopecks part, domain::Kopecks whole) {
    if (whole <= 0)
        return "";
    return std::to_string(part * 100 / whole) + "%";
}

std::string Years(const std::vector<int>& years) {
    std::string out;
    for (int y : years)
        out += (out.empty() ? "" : ", ") + std::to_string(y);
    return out;
}

// What the calendar says beside a date: whether its year may still move.
void SayCalendarNotes(const services::DraftCheck& check) {
    if (!check.provisional_years.empty()) {
        Say("note: the business calendar of " + Years(check.provisional_years) +
            " is provisional (the Government's decree on moving days off is not entered yet): "
            "the earliest start may still move");
    }
    if (check.calendar_problem) {
        Say("note: the desk cannot compute the earliest start (" + check.calendar_problem->english +
            "); the platform will judge the start date");
    }
}

// A flight command's failure, worded; the earliest start named when the start was too early.
ExitCode FlightFailure(const std::string& what, const services::FlightOutcome& outcome) {
    if (outcome.queued && outcome.error) {
        Say("partnerctl: " + what + ": no answer from the platform (" + outcome.error->message +
            "); the request waits in the workspace's outbox and is sent again with the same key");
        return ExitCode::PlatformError;
    }
    if (outcome.earliest_starts_on) {
        Say("partnerctl: " + what +
            ": the flight starts too early; the earliest allowed start is " +
            domain::FormatIsoDate(*outcome.earliest_starts_on) +
            " (5 business days after the day of submission). Change starts_on and submit again.");
        return ExitCode::UserError;
    }
    if (outcome.error && outcome.problems.empty())
        return Fail(*outcome.error);
    if (outcome.error) {
        Fail(*outcome.error);
        return ExitCode::UserError;
    }
    return ProblemsError(what + ": the flight has problems:", outcome.problems);
}

void PrintFlight(const GlobalOptions& options, const domain::CashbackFlight& f,
                 const std::string& headline) {
    if (options.format == OutputFormat::Json) {
        PrintJson(contract::ToJson(f));
        return;
    }
    std::cout << headline << '\n';
    TextTable table({"ID", "VERSION", "STATUS", "TITLE", "STARTS", "ENDS", "BUDGET", "ACCRUED"});
    table.AddRow({std::to_string(f.id), std::to_string(f.version),
                  std::string(domain::ToString(f.status)), f.offer.title,
                  domain::FormatIsoDate(f.starts_on), domain::FormatIsoDate(f.ends_on),
                  domain::FormatRoublesEn(f.budget_kop), domain::FormatRoublesEn(f.accrued_kop)});
    table.Print(std::cout);
}

// A signed-in session with its context (and so the calendar), or nullopt with `failure` set.
struct FlightSession {
    CliSession cli;
    services::DeskContext context;
};
std::optional<FlightSession> OpenFlightSession(const GlobalOptions& options, ExitCode& failure) {
    auto cli = OpenSession(options, failure);
    if (!cli)
        return std::nullopt;
    auto context = services::CurrentContext(cli->client, *cli->workspace);
    if (!context) {
        failure = UsageError("not signed in");
        return std::nullopt;
    }
    return FlightSession{std::move(*cli), std::move(*context)};
}

ExitCode RunList(const GlobalOptions& options) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli)
        return failure;
    auto listed = services::ListFlights(cli->client, *cli->workspace);
    if (!listed.Ok())
        return Fail(listed.Error());
    const auto& fetched = listed.Value();
    NoteIfCached(fetched);
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : fetched.value)
            out.push_back(contract::ToJson(f));
        PrintJson(out);
        return ExitCode::Ok;
    }
    TextTable table({"ID", "STATUS", "TITLE", "STARTS", "ENDS", "BUDGET", "ACCRUED", "SPENT"});
    for (const auto& f : fetched.value) {
        std::string status(domain::ToString(f.status));
        if (f.finish_reason)
            status += " (" + std::string(domain::ToString(*f.finish_reason)) + ")";
        table.AddRow({std::to_string(f.id), status, f.offer.title,
                      domain::FormatIsoDate(f.starts_on), domain::FormatIsoDate(f.ends_on),
                      domain::FormatRoublesEn(f.budget_kop), domain::FormatRoublesEn(f.accrued_kop),
                      Percent(f.accrued_kop, f.budget_kop)});
    }
    table.Print(std::cout);
    return ExitCode::Ok;
}

ExitCode RunCreate(const GlobalOptions& options, const std::string& path) {
    // The file first: a broken one is refused before anyone signs in.
    auto file = services::ReadFlightFile(path);
    if (!file.problems.empty()) {
        if (options.format == OutputFormat::Json)
            PrintJson({{"file", path}, {"problems", ProblemsJson(file.problems)}});
        return ProblemsError(path + ": nothing was sent; fix these first:", file.problems);
    }
    ExitCode failure = ExitCode::Ok;
    auto session = OpenFlightSession(options, failure);
    if (!session)
        return failure;
    auto saved = services::SaveDraft(session->cli.client, *session->cli.workspace, *file.flight);
    if (!saved.Ok())
        return FlightFailure("create", saved);
    const auto& flight = *saved.value;
    const auto today = services::PlatformToday(session->cli.client);
    const auto check = services::CheckDraft(*session->context.calendar, flight, today);
    PrintFlight(options, flight, "Flight " + std::to_string(flight.id) + " created as a draft");
    if (check.earliest_start) {
        const bool tooEarly = flight.starts_on < *check.earliest_start;
        Say("Submitted today (" + domain::FormatIsoDate(today) + "), it could start on " +
            domain::FormatIsoDate(*check.earliest_start) + " at the earliest" +
            (tooEarly
                 ? "; its starts_on " + domain::FormatIsoDate(flight.starts_on) + " is too early"
                 : ""));
    }
    SayCalendarNotes(check);
    return ExitCode::Ok;
}

ExitCode RunSubmit(const GlobalOptions& options, std::int64_t id) {
    ExitCode failure = ExitCode::Ok;
    auto session = OpenFlightSession(options, failure);
    if (!session)
        return failure;
    auto flight = services::LoadFlight(session->cli.client, id);
    if (!flight.Ok())
        return Fail(flight.Error());
    const auto check = services::CheckDraft(*session->context.calendar, flight.Value(),
                                            services::PlatformToday(session->cli.client));
    SayCalendarNotes(check);
    auto submitted = services::SubmitFlight(session->cli.client, *session->cli.workspace,
                                            *session->context.calendar, flight.Value());
    if (!submitted.Ok())
        return FlightFailure("submit", submitted);
    const auto& f = *submitted.value;
    PrintFlight(options, f,
                "Flight " + std::to_string(f.id) + " submitted" +
                    (f.submitted_on ? " on " + domain::FormatIsoDate(*f.submitted_on) : "") + ": " +
                    std::string(domain::ToString(f.status)) + ", starts " +
                    domain::FormatIsoDate(f.starts_on));
    return ExitCode::Ok;
}

ExitCode RunChange(const GlobalOptions& options, std::int64_t id, domain::FlightAction action) {
    ExitCode failure = ExitCode::Ok;
    auto session = OpenFlightSession(options, failure);
    if (!session)
        return failure;
    auto changed = services::ChangeFlight(session->cli.client, *session->cli.workspace, id, action);
    if (!changed.Ok())
        return FlightFailure(std::string(domain::ToString(action)), changed);
    const auto& f = *changed.value;
    PrintFlight(options, f,
                "Flight " + std::to_string(f.id) + ": " + std::string(domain::ToString(f.status)));
    return ExitCode::Ok;
}

// The forecast in a sentence: the day the budget runs out, or that it lasts to the flight's end and what is left.
std::string ForecastWords(const services::FlightReportView& view) {
    using Outcome = domain::BudgetForecast::Outcome;
    switch (view.forecast.outcome) {
    case Outcome::RunsOut:
        return "Forecast: the budget runs out on " + domain::FormatIsoDate(*view.forecast.runs_out_on) + ".";
    case Outcome::LastsToEnd:
        return "Forecast: the budget lasts to the end of the flight (" + domain::FormatIsoDate(view.ends_on) +
               "), " + domain::FormatRoublesEn(view.forecast.left_at_end_kop) + " left.";
    case Outcome::NoPace:
        break;
    }
    return "Forecast: none yet, nothing has accrued.";
}

ExitCode RunReport(const GlobalOptions& options, std::int64_t id) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli)
        return failure;
    auto loaded = services::LoadFlightReport(cli->client, id);
    if (!loaded.Ok())
        return Fail(loaded.Error());
    const auto& view = loaded.Value();
    const auto& r = view.report;
    using Outcome = domain::BudgetForecast::Outcome;
    const std::string forecast = view.forecast.runs_out_on
                                     ? domain::FormatIsoDate(*view.forecast.runs_out_on)
                                     : std::string();
    const bool lasts = view.forecast.outcome == Outcome::LastsToEnd;
    if (options.format == OutputFormat::Json) {
        auto json = contract::ToJson(r);
        json["forecast_exhausted_on"] =
            forecast.empty() ? nlohmann::json(nullptr) : nlohmann::json(forecast);
        json["forecast_lasts_to_end"] = lasts;
        json["forecast_left_at_end_kop"] =
            lasts ? nlohmann::json(view.forecast.left_at_end_kop) : nlohmann::json(nullptr);
        json["ends_on"] = domain::FormatIsoDate(view.ends_on);
        json["today"] = domain::FormatIsoDate(view.today);
        PrintJson(json);
        return ExitCode::Ok;
    }
    TextTable totals(
        {"FLIGHT", "SCANNED", "MATCHED", "ACCRUED", "REVERSED", "BUDGET", "LEFT", "RUNS OUT"});
    totals.AddRow({std::to_string(r.flight_id), std::to_string(r.receipts_scanned),
                   std::to_string(r.receipts_matched), domain::FormatRoublesEn(r.accrued_kop),
                   domain::FormatRoublesEn(r.reversed_kop), domain::FormatRoublesEn(r.budget_kop),
                   domain::FormatRoublesEn(r.budget_left_kop), forecast.empty() ? "-" : forecast});
    totals.Print(std::cout);
    if (!r.daily.empty()) {
        std::cout << '\n';
        TextTable daily({"DATE", "SCANNED", "MATCHED", "ACCRUED"});
        for (const auto& d : r.daily) {
            daily.AddRow({domain::FormatIsoDate(d.date), std::to_string(d.scanned),
                          std::to_string(d.matched), domain::FormatRoublesEn(d.accrued_kop)});
        }
        daily.Print(std::cout);
    }
    std::cout << '\n' << ForecastWords(view) << '\n';
    return ExitCode::Ok;
}

} // namespace

void AddCashbackCommands(CLI::App& app, const GlobalOptions& options,
                         std::function<ExitCode()>& run) {
    static CashbackArgs args; // lives as long as the parser that points into it
    auto* cashback =
        app.add_subcommand("cashback", "Cashback flights: offers paid back on scanned receipts")
            ->require_subcommand(1);
    cashback->fallthrough();
    cashback->add_subcommand("list", "Every flight, newest first, with its budget spent")
        ->callback([&] { run = [&] { return RunList(options); }; });
    auto* create = cashback->add_subcommand("create", "Create a draft flight from a JSON file");
    create
        ->add_option("file", args.file,
                     "The flight as JSON (offer, match, cashback, targeting, budget, dates)")
        ->required();
    create->callback([&] { run = [&] { return RunCreate(options, args.file); }; });
    auto* submit = cashback->add_subcommand(
        "submit", "Submit a draft: it may start no earlier than 5 business days after today");
    submit->add_option("id", args.id, "Flight id")->required();
    submit->callback([&] { run = [&] { return RunSubmit(options, args.id); }; });
    const std::pair<const char*, domain::FlightAction> actions[] = {
        {"pause", domain::FlightAction::Pause},
        {"resume", domain::FlightAction::Resume},
        {"stop", domain::FlightAction::Stop}};
    for (const auto& [name, action] : actions) {
        auto* cmd = cashback->add_subcommand(
            name, std::string(name) == "stop"    ? "Stop a flight for good"
                  : std::string(name) == "pause" ? "Pause a live flight"
                                                 : "Resume a paused flight");
        cmd->add_option("id", args.id, "Flight id")->required();
        const auto chosen = action;
        cmd->callback([&run, &options, chosen] {
            run = [&options, chosen] { return RunChange(options, args.id, chosen); };
        });
    }
    auto* report = cashback->add_subcommand(
        "report", "Receipts, accruals, budget left, daily series and forecast");
    report->add_option("id", args.id, "Flight id")->required();
    report->callback([&] { run = [&] { return RunReport(options, args.id); }; });
}

} // namespace kpd::cli
