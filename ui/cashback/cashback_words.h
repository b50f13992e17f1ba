#pragma once
// Words for the cashback pages (HOUSE-STYLE 7, 13): flight states, the
// cashback as the app writes it, dates, the rules' problems and the
// platform's refusals of flight changes. UI thread only (translations).
#include "api/api_error.h"
#include "domain/cashback_flight.h"
#include "domain/problem.h"
#include "domain/timestamp.h"
#include "services/message.h"

#include <wx/datetime.h>
#include <wx/string.h>

#include <cstdint>
#include <optional>

namespace kpd::ui {

wxString FlightStatusName(domain::FlightStatus status);
// "ended" / "budget spent" after "Finished", when the flight says why.
wxString FlightStatusWords(const domain::CashbackFlight& flight);
// The app's badge: "5 %" or "50 ₽" (per item).
wxString CashbackBadge(const domain::CashbackFlight& flight);
// "5 % of the price, at most 300,00 ₽ a receipt".
wxString CashbackWords(const domain::CashbackFlight& flight);
// "30.11.2026" in Russian, "2026-11-30" in English.
wxString CivilDateWords(domain::CivilDate date);
// "30.11.2026 – 31.12.2026".
wxString FlightDatesWords(const domain::CashbackFlight& flight);
// "Brand — Title", or the title alone.
wxString FlightName(const domain::CashbackFlight& flight);

// A problem of the flight rules (or of the platform's check) as a sentence.
wxString DescribeFlightProblem(const domain::Problem& problem);
// A refused save, submit, pause, resume or stop, in words (problems listed).
wxString DescribeFlightError(const api::ApiError& error);

// The cashback of a flight, one of the two kinds (the only place that knows
// how the domain holds it).
std::optional<std::int64_t> PercentBp(const domain::CashbackFlight& flight);
std::optional<std::int64_t> FixedKop(const domain::CashbackFlight& flight);
void SetCashback(domain::CashbackFlight& flight, std::optional<std::int64_t> percentBp,
                 std::optional<std::int64_t> fixedKop);

// Why the business calendar cannot answer (services' calendar.* messages), in words.
wxString DescribeCalendarProblem(const services::Message& message);
// "Too early: the earliest start is 5 business days after submission: 30.11.2026."
wxString TooEarlyWords(domain::CivilDate earliest);

// Between the domain's dates and the calendar control's.
wxDateTime ToWxDate(domain::CivilDate date);
domain::CivilDate FromWxDate(const wxDateTime& date);

} // namespace kpd::ui
