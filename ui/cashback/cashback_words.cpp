#include "ui/cashback/cashback_words.h"

#include "ui/app/desk_session.h"
#include "ui/app/i18n.h"
#include "ui/app/words.h"
#include "ui/card_screen/card_screen_words.h"
#include "ui/settlements/settlement_words.h"

#include <wx/intl.h>

namespace kpd::ui {

wxString FlightStatusName(domain::FlightStatus status) {
    using S = domain::FlightStatus;
    switch (status) {
    case S::Draft: return _("Draft");
    // TRANSLATORS: a flight's state: submitted, waiting for its start date.
    case S::Scheduled: return _("Scheduled");
    // TRANSLATORS: a flight's state: receipts get cashback now.
    case S::Live: return _("Running");
    case S::Paused: return _("Paused");
    case S::Stopped: return _("Stopped");
    case S::Finished: return _("Finished");
    }
    return wxString();
}

wxString FlightStatusWords(const domain::CashbackFlight& flight) {
    // A flight that ran out of money says so instead of "Finished".
    if (flight.status == domain::FlightStatus::Finished && flight.finish_reason == domain::FinishReason::BudgetSpent) {
        // TRANSLATORS: a flight's state: finished because its budget is spent.
        return _("Budget spent");
    }
    return FlightStatusName(flight.status);
}

std::optional<std::int64_t> PercentBp(const domain::CashbackFlight& flight) { return flight.cashback.percent_bp; }
std::optional<std::int64_t> FixedKop(const domain::CashbackFlight& flight) { return flight.cashback.fixed_kop; }

void SetCashback(domain::CashbackFlight& flight, std::optional<std::int64_t> percentBp,
                 std::optional<std::int64_t> fixedKop) {
    flight.cashback.percent_bp = percentBp;
    flight.cashback.fixed_kop = fixedKop;
}

wxString CashbackBadge(const domain::CashbackFlight& flight) {
    if (const auto bp = PercentBp(flight)) return BasisPointsToText(static_cast<int>(*bp)) + wxString::FromUTF8(" %");
    if (const auto kop = FixedKop(flight)) return Money(*kop);
    return wxString();
}

wxString CashbackWords(const domain::CashbackFlight& flight) {
    wxString what;
    if (const auto bp = PercentBp(flight)) {
        // TRANSLATORS: cashback as a share of the item's price, e.g. "5 % of the price".
        what = wxString::Format(_("%s of the price"), CashbackBadge(flight));
    } else if (const auto kop = FixedKop(flight)) {
        // TRANSLATORS: a fixed cashback for each item bought, e.g. "50,00 ₽ per item".
        what = wxString::Format(_("%s per item"), Money(*kop));
    }
    if (flight.cap_per_receipt_kop > 0) {
        // TRANSLATORS: the cashback and its cap, e.g. "5 % of the price, at most 300,00 ₽ a receipt".
        what = wxString::Format(_("%s, at most %s a receipt"), what, Money(flight.cap_per_receipt_kop));
    }
    return what;
}

wxString CivilDateWords(domain::CivilDate date) {
    if (CurrentLanguage() == UiLanguage::Russian) return wxString::Format("%02u.%02u.%04d", date.day, date.month, date.year);
    return wxString::Format("%04d-%02u-%02u", date.year, date.month, date.day);
}

wxString FlightDatesWords(const domain::CashbackFlight& flight) {
    return CivilDateWords(flight.starts_on) + wxString::FromUTF8(" – ") + CivilDateWords(flight.ends_on);
}

wxString FlightName(const domain::CashbackFlight& flight) {
    const wxString brand = FromUtf8(flight.offer.brand);
    const wxString title = FromUtf8(flight.offer.title);
    if (brand.empty()) return title.empty() ? _("(untitled)") : title;
    if (title.empty()) return brand;
    return brand + wxString::FromUTF8(" — ") + title;
}

wxString DescribeFlightProblem(const domain::Problem& problem) {
    const std::string& code = problem.code;
    const std::string& field = problem.field;
    if (code == "not_money") return _("Write a sum in roubles, e.g. 1500 or 1500,50.");
    if (code == "not_percent") return _("Write a percentage from 0 to 100, e.g. 5 or 7,5.");
    if (code == "required") {
        if (field == "/match") return _("List at least one SKU, keyword or category.");
        if (field.rfind("/cashback", 0) == 0) return _("Choose the cashback: a percentage or a fixed sum.");
        return _("Required.");
    }
    if (code == "too_long") {
        if (field == "/offer/title") return _("At most 60 characters.");
        if (field == "/offer/description") return _("At most 500 characters.");
        return _("Too long.");
    }
    if (code == "out_of_range" || code == "not_positive" || code == "too_small" || code == "too_large") {
        if (field == "/cashback/percent_bp") return _("From 0,01 % to 100 %.");
        if (field == "/budget_kop") return _("The budget must be more than zero.");
        if (field == "/cap_per_receipt_kop") return _("The cap must be more than zero.");
        if (field == "/cashback/fixed_kop") return _("The sum must be more than zero.");
        return _("Out of range.");
    }
    if (code == "both" || code == "one_of") return _("Choose one kind of cashback: a percentage or a fixed sum.");
    if (code == "ends_before_start") return _("The flight cannot end before it starts.");
    if (code == "starts_too_early") {
        // The rule names the earliest day in its words ("… 2026-11-30"): take the date, word it here.
        for (std::size_t i = 0; i + 10 <= problem.message.size(); ++i) {
            if (const auto date = domain::ParseIsoDate(std::string_view(problem.message).substr(i, 10))) {
                return TooEarlyWords(*date);
            }
        }
        return _("Too early: a flight starts 5 business days after submission at the earliest.");
    }
    if (code == "calendar_unknown") return _("The business calendar has no data for this year.");
    return DescribeProblem(problem);
}

wxString DescribeFlightError(const api::ApiError& error) {
    if (error.code == "flight_not_draft") return _("The flight is no longer a draft: it was submitted elsewhere.");
    if (error.code == "invalid_transition") {
        return _("The flight's state does not allow this now (it may have changed elsewhere). The list is loaded "
                 "again.");
    }
    if (error.code == "calendar_unknown") {
        return _("The platform has no business calendar for the year of this date, so it cannot check the start.");
    }
    if (error.kind == api::ApiErrorKind::Validation && !error.problems.empty()) {
        return _("The platform refused the flight: see the problems under the fields.");
    }
    if (error.kind == api::ApiErrorKind::PreconditionFailed) {
        return _("Someone changed this flight meanwhile. Go back to the list and open it again.");
    }
    return DescribeApiError(error);
}

wxString DescribeCalendarProblem(const services::Message& message) {
    if (message.code == "calendar.unknown_year" || message.code == "calendar_unknown") {
        const auto year = message.params.find("year");
        if (year != message.params.end()) {
            // TRANSLATORS: %s is a year the business calendar has no data for.
            return wxString::Format(_("The business calendar has no data for %s: the platform checks the start date "
                                      "when you submit."),
                                    FromUtf8(year->second));
        }
    }
    // TRANSLATORS: %s is the reason in English (from the file reader), e.g. "line 12: bad date".
    return wxString::Format(_("The business calendar could not be read (%s): the platform checks the start date "
                              "when you submit."),
                            FromUtf8(message.english));
}

wxString TooEarlyWords(domain::CivilDate earliest) {
    // TRANSLATORS: %s is the earliest allowed start date, e.g. "30.11.2026".
    return wxString::Format(_("Too early: the earliest start is 5 business days after submission: %s."),
                            CivilDateWords(earliest));
}

wxDateTime ToWxDate(domain::CivilDate date) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(date.day),
                      static_cast<wxDateTime::Month>(date.month - 1), date.year);
}

domain::CivilDate FromWxDate(const wxDateTime& date) {
    if (!date.IsValid()) return {};
    return {date.GetYear(), static_cast<unsigned>(date.GetMonth()) + 1, static_cast<unsigned>(date.GetDay())};
}

} // namespace kpd::ui
