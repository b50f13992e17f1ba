#pragma once
// The rules a cashback flight keeps, shared by the desk (checked while the
// manager types) and the sandbox (enforced on POST, PUT and submit). Every
// problem carries the JSON pointer of its field in the flight's JSON body,
// e.g. "/offer/title", "/cashback/percent_bp", "/match/keywords/2".
// Pure functions: any thread.
#include "domain/business_calendar.h"
#include "domain/cashback_flight.h"
#include "domain/problem.h"

namespace kpd::domain {

// Every problem with what the partner edits: /offer/brand and /offer/title
// required (title at most 60 characters, description at most 500); /match
// needs at least one SKU, keyword or category, none of them empty;
// /cashback exactly one of percent_bp (1..10000) and fixed_kop (> 0);
// /cap_per_receipt_kop > 0; /budget_kop > 0; /ends_on not before
// /starts_on; no empty loyalty card or region in /targeting. Fields the
// platform sets (id, status, accrued_kop, …) are not checked.
Problems ValidateFlight(const CashbackFlight& flight);

// The first day a flight submitted on `submitted_on` (the platform's Moscow
// date) may start: kMinStartBusinessDays business days after the day of
// submission, AddBusinessDays(submitted_on, 5) (submitted Monday 23 Nov 2026
// → Monday 30 Nov 2026). The calendar's error when a year on the way has no data.
CalendarResult<CivilDate> EarliestStart(const BusinessCalendar& calendar, CivilDate submitted_on);

// No problem when `starts_on` is on or after EarliestStart; otherwise one at
// "/starts_on": code "starts_too_early" with the earliest date in its message
// (the sandbox adds `earliest_starts_on` from EarliestStart to its answer), or
// code "calendar_unknown" when the calendar has no data for a year involved.
Problems CheckStartDate(const BusinessCalendar& calendar, CivilDate submitted_on, CivilDate starts_on);

} // namespace kpd::domain
