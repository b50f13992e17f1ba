#pragma once
// The dates of a flight: two month calendars, "Starts on" and "Ends on".
// Days before the earliest start (5 Russian business days after submission,
// counted by the production calendar) are greyed and refused, with the
// earliest date and the reason under the calendar; days off are in the
// holiday colour; a date in a year whose Government decree is not entered
// yet is said to be provisional; a year with no calendar data is said so
// rather than guessed. The end cannot be before the start.
// UI thread only.
#include "services/cashback_calendar.h"
#include "services/cashback_flights.h"

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>

namespace kpd::ui {

class DayCalendar;

class FlightDates : public wxPanel {
  public:
    explicit FlightDates(wxWindow* parent);

    // The calendar the rule is counted by and the day a submission would be made (the platform's date).
    // Without a calendar its problem is said, and the platform checks the start when the flight is submitted.
    void SetCalendar(const services::DeskCalendar& calendar, domain::CivilDate today);
    // The last check of the flight (services::CheckDraft): the earliest start, provisional years, a calendar
    // that cannot answer.
    void SetCheck(const services::DraftCheck& check);
    // The platform answered that the earliest start is later than the desk counted (its clock is the judge).
    void SetEarliestFromPlatform(domain::CivilDate earliest);
    void SetDates(domain::CivilDate starts, domain::CivilDate ends);
    domain::CivilDate Starts() const;
    domain::CivilDate Ends() const;
    // A submitted flight: the dates are shown, not chosen.
    void SetReadOnly(bool readOnly, std::optional<domain::CivilDate> submittedOn);
    void SetOnChanged(std::function<void()> handler) { m_onChanged = std::move(handler); }

    // The earliest start for a submission today (nullopt without a calendar or when its year has no data).
    std::optional<domain::CivilDate> Earliest() const { return m_earliest; }
    DayCalendar* StartCalendar() const { return m_start; }
    DayCalendar* EndCalendar() const { return m_end; }

  private:
    void ApplyRules();
    void UpdateNotes();
    wxString ProvisionalNote() const;

    DayCalendar* m_start = nullptr;
    DayCalendar* m_end = nullptr;
    services::DeskCalendar m_calendar;
    domain::CivilDate m_today;
    std::optional<domain::CivilDate> m_earliest;
    std::optional<domain::CivilDate> m_platformEarliest;
    std::vector<int> m_provisionalYears;
    wxString m_failure;
    bool m_readOnly = false;
    std::optional<domain::CivilDate> m_submittedOn;
    std::function<void()> m_onChanged;
};

} // namespace kpd::ui
