// partnerctl calendar add-business-days|is-business-day|business-days-between:
// the Russian production calendar the desk and the sandbox use (the same data
// file, found by services/calendar_file.h), offline: no sign-in. Every answer
// says when a year it touched is provisional (no decree entered yet).
#include "cli/commands.h"
#include "cli/console.h"
#include "domain/business_calendar.h"
#include "services/calendar_file.h"

#include <iostream>

namespace kpd::cli {
namespace {

const char* WeekdayName(domain::CivilDate date) {
    static const char* const names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return names[domain::WeekdayOf(date)];
}

// The calendar file, or nullopt after saying why (exit 2: the installation's to fix).
std::optional<services::CalendarFile> Calendar(ExitCode& failure) {
    auto file = services::LoadBusinessCalendar();
    if (!file.Ok()) {
        Say("partnerctl: " + file.error);
        failure = ExitCode::PlatformError;
        return std::nullopt;
    }
    return file;
}

std::optional<domain::CivilDate> DateArgument(const char* what, const std::string& text, ExitCode& failure) {
    const auto date = domain::ParseIsoDate(text);
    if (!date) failure = UsageError(std::string(what) + ": '" + text + "' is not a date YYYY-MM-DD");
    return date;
}

ExitCode CalendarFailure(const domain::CalendarError& error, const services::CalendarFile& file) {
    return UsageError(services::DescribeCalendarError(error, file.path));
}

// The provisional years among those from `a` to `b` (the calendar knows them all by now).
std::vector<int> ProvisionalYears(const domain::BusinessCalendar& calendar, domain::CivilDate a, domain::CivilDate b) {
    std::vector<int> years;
    for (int y = std::min(a.year, b.year); y <= std::max(a.year, b.year); ++y) {
        const auto provisional = calendar.IsProvisional(y);
        if (provisional.Ok() && provisional.Value()) years.push_back(y);
    }
    return years;
}

// "Note: 2027 is provisional: …" lines for the table output.
void PrintProvisionalNote(const std::vector<int>& years) {
    for (int y : years) {
        std::cout << "Note: " << y
                  << " is provisional: no Government decree on moving days off is entered for it yet; its days follow "
                     "the Labour Code (art. 112) alone and may change.\n";
    }
}

nlohmann::json YearsJson(const std::vector<int>& years) {
    nlohmann::json out = nlohmann::json::array();
    for (int y : years) out.push_back(y);
    return out;
}

} // namespace

ExitCode RunCalendarAddBusinessDays(const GlobalOptions& options, const std::string& dateText, int n) {
    ExitCode failure = ExitCode::Ok;
    const auto date = DateArgument("DATE", dateText, failure);
    if (!date) return failure;
    const auto file = Calendar(failure);
    if (!file) return failure;
    const auto result = file->calendar->AddBusinessDays(*date, n);
    if (!result) return CalendarFailure(result.Error(), *file);
    const auto provisional = ProvisionalYears(*file->calendar, *date, result.Value());
    if (options.format == OutputFormat::Json) {
        PrintJson({{"date", domain::FormatIsoDate(*date)},
                   {"n", n},
                   {"result", domain::FormatIsoDate(result.Value())},
                   {"weekday", WeekdayName(result.Value())},
                   {"provisional", !provisional.empty()},
                   {"provisional_years", YearsJson(provisional)},
                   {"calendar_file", file->path}});
    } else {
        std::cout << domain::FormatIsoDate(result.Value()) << " (" << WeekdayName(result.Value()) << "): " << (n < 0 ? -n : n)
                  << " business day(s) " << (n < 0 ? "before " : "after ") << domain::FormatIsoDate(*date) << '\n';
        PrintProvisionalNote(provisional);
    }
    return ExitCode::Ok;
}

ExitCode RunCalendarIsBusinessDay(const GlobalOptions& options, const std::string& dateText) {
    ExitCode failure = ExitCode::Ok;
    const auto date = DateArgument("DATE", dateText, failure);
    if (!date) return failure;
    const auto file = Calendar(failure);
    if (!file) return failure;
    const auto business = file->calendar->IsBusinessDay(*date);
    if (!business) return CalendarFailure(business.Error(), *file);
    const auto provisional = ProvisionalYears(*file->calendar, *date, *date);
    const domain::CalendarYear* year = file->calendar->FindYear(date->year);
    if (options.format == OutputFormat::Json) {
        PrintJson({{"date", domain::FormatIsoDate(*date)},
                   {"business_day", business.Value()},
                   {"weekday", WeekdayName(*date)},
                   {"provisional", !provisional.empty()},
                   {"source", year ? year->source : std::string()},
                   {"calendar_file", file->path}});
    } else {
        std::cout << domain::FormatIsoDate(*date) << " (" << WeekdayName(*date) << ") is "
                  << (business.Value() ? "a business day" : "a day off") << '\n';
        PrintProvisionalNote(provisional);
    }
    return ExitCode::Ok;
}

ExitCode RunCalendarBusinessDaysBetween(const GlobalOptions& options, const std::string& fromText,
                                        const std::string& toText) {
    ExitCode failure = ExitCode::Ok;
    const auto from = DateArgument("FROM", fromText, failure);
    if (!from) return failure;
    const auto to = DateArgument("TO", toText, failure);
    if (!to) return failure;
    const auto file = Calendar(failure);
    if (!file) return failure;
    const auto count = file->calendar->BusinessDaysBetween(*from, *to);
    if (!count) return CalendarFailure(count.Error(), *file);
    const auto provisional = ProvisionalYears(*file->calendar, *from, *to);
    if (options.format == OutputFormat::Json) {
        PrintJson({{"from", domain::FormatIsoDate(*from)},
                   {"to", domain::FormatIsoDate(*to)},
                   {"business_days", count.Value()},
                   {"provisional", !provisional.empty()},
                   {"provisional_years", YearsJson(provisional)},
                   {"calendar_file", file->path}});
    } else {
        std::cout << count.Value() << " business day(s) after " << domain::FormatIsoDate(*from) << " up to and including "
                  << domain::FormatIsoDate(*to) << '\n';
        PrintProvisionalNote(provisional);
    }
    return ExitCode::Ok;
}

} // namespace kpd::cli
