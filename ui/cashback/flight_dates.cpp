#include "ui/cashback/flight_dates.h"

#include "ui/cashback/cashback_words.h"
#include "ui/widgets/day_calendar.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/wrapsizer.h>

namespace kpd::ui {

FlightDates::FlightDates(wxWindow* parent) : wxPanel(parent) {
    // Side by side when the form is wide enough, one under the other when not.
    auto* sizer = new wxWrapSizer(wxHORIZONTAL);
    m_start = new DayCalendar(this, _("Starts on:"));
    m_start->SetName("starts-on");
    m_end = new DayCalendar(this, _("Ends on:"));
    m_end->SetName("ends-on");
    sizer->Add(m_start, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(16)));
    sizer->Add(m_end, wxSizerFlags().Border(wxBOTTOM, FromDIP(16)));
    SetSizer(sizer);
    m_start->SetOnChosen([this](const wxDateTime&) {
        if (Ends() < Starts()) m_end->SetDay(m_start->Day()); // an end before the new start moves with it
        ApplyRules();
        if (m_onChanged) m_onChanged();
    });
    m_end->SetOnChosen([this](const wxDateTime&) {
        if (m_onChanged) m_onChanged();
    });
    ApplyRules();
}

void FlightDates::SetCalendar(const services::DeskCalendar& calendar, domain::CivilDate today) {
    m_calendar = calendar;
    m_today = today;
    m_failure = calendar.problem ? DescribeCalendarProblem(*calendar.problem) : wxString();
    ApplyRules();
}

void FlightDates::SetCheck(const services::DraftCheck& check) {
    std::optional<domain::CivilDate> earliest = check.earliest_start;
    // The platform's clock is the judge: a later earliest day it named stays until the flight is opened again.
    if (m_platformEarliest && (!earliest || *earliest < *m_platformEarliest)) earliest = m_platformEarliest;
    const wxString failure = check.calendar_problem ? DescribeCalendarProblem(*check.calendar_problem)
                             : m_calendar.problem   ? DescribeCalendarProblem(*m_calendar.problem)
                                                    : wxString();
    if (earliest == m_earliest && check.provisional_years == m_provisionalYears && failure == m_failure) return;
    m_earliest = earliest;
    m_provisionalYears = check.provisional_years;
    m_failure = failure;
    ApplyRules();
}

void FlightDates::SetEarliestFromPlatform(domain::CivilDate earliest) {
    m_platformEarliest = earliest;
    if (!m_earliest || *m_earliest < earliest) m_earliest = earliest;
    ApplyRules();
}

void FlightDates::SetDates(domain::CivilDate starts, domain::CivilDate ends) {
    m_start->SetDay(ToWxDate(starts));
    m_end->SetDay(ToWxDate(ends));
    ApplyRules();
}

domain::CivilDate FlightDates::Starts() const { return FromWxDate(m_start->Day()); }
domain::CivilDate FlightDates::Ends() const { return FromWxDate(m_end->Day()); }

void FlightDates::SetReadOnly(bool readOnly, std::optional<domain::CivilDate> submittedOn) {
    m_readOnly = readOnly;
    m_submittedOn = submittedOn;
    if (!readOnly) m_platformEarliest.reset(); // another flight is being edited
    m_start->SetReadOnly(readOnly);
    m_end->SetReadOnly(readOnly);
    ApplyRules();
}

void FlightDates::ApplyRules() {
    const services::DeskCalendar calendar = m_calendar;
    const domain::CivilDate today = m_today;
    const auto earliest = m_earliest;
    const bool readOnly = m_readOnly;
    auto dayOff = [calendar](domain::CivilDate date) {
        if (!calendar.calendar) return false;
        const auto business = calendar.calendar->IsBusinessDay(date);
        return business.Ok() && !business.Value();
    };
    m_start->SetRule([calendar, today, earliest, readOnly, dayOff](const wxDateTime& day) {
        DayCalendar::DayLook look;
        const domain::CivilDate date = FromWxDate(day);
        look.day_off = dayOff(date);
        if (readOnly) return look;
        if (earliest && date < *earliest) {
            look.refusal = TooEarlyWords(*earliest);
        } else if (calendar.calendar) {
            if (const auto why = services::WhyNotStartOn(calendar, today, date)) look.refusal = DescribeFlightProblem(*why);
        }
        return look;
    });
    const domain::CivilDate starts = Starts();
    m_end->SetRule([starts, readOnly, dayOff](const wxDateTime& day) {
        DayCalendar::DayLook look;
        const domain::CivilDate date = FromWxDate(day);
        look.day_off = dayOff(date);
        if (!readOnly && date < starts) {
            // TRANSLATORS: %s is the flight's start date.
            look.refusal = wxString::Format(_("The flight cannot end before it starts (%s)."), CivilDateWords(starts));
        }
        return look;
    });
    UpdateNotes();
}

wxString FlightDates::ProvisionalNote() const {
    wxString note;
    for (const int year : m_provisionalYears) {
        if (!note.empty()) note += "\n";
        // TRANSLATORS: %d is a year whose Government decree on moved days off is not entered yet.
        note += wxString::Format(_("%d is provisional: the Government's decree on moved days off is not entered "
                                   "yet, so days off may still change."),
                                 year);
    }
    return note;
}

void FlightDates::UpdateNotes() {
    wxString startNote;
    if (m_readOnly) {
        // TRANSLATORS: %s is the day the flight was submitted.
        if (m_submittedOn) startNote = wxString::Format(_("Submitted on %s."), CivilDateWords(*m_submittedOn));
    } else if (m_earliest) {
        // TRANSLATORS: %s is the earliest allowed start date, e.g. "30.11.2026".
        startNote = wxString::Format(_("The earliest start is 5 business days after submission: %s."),
                                     CivilDateWords(*m_earliest));
    } else {
        startNote = m_failure;
    }
    m_start->SetNote(startNote);
    // A year counted from the Labour Code alone is said under the end, where a long flight reaches into it.
    m_end->SetNote(m_readOnly ? wxString() : ProvisionalNote());
}

} // namespace kpd::ui
