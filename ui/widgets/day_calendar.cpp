#include "ui/widgets/day_calendar.h"

#include "ui/app/words.h"

#include <wx/calctrl.h>
#include <wx/choice.h>
#include <wx/generic/calctrlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

DayCalendar::DayCalendar(wxWindow* parent, const wxString& label) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    m_day = wxDateTime::Today();
    // Monday first, as Russian calendars are printed; days off in the holiday colour.
    m_calendar = new wxGenericCalendarCtrl(this, wxID_ANY, m_day, wxDefaultPosition, wxDefaultSize,
                                           wxCAL_MONDAY_FIRST | wxCAL_SHOW_HOLIDAYS);
    m_calendar->SetHolidayColours(wxColour(198, 40, 40), wxNullColour);
    // Month names from our catalogue: the C library's are the environment's language when no locale of the
    // UI language is installed, and genitive in Russian ("декабря") where a calendar heads the nominative.
    if (auto* months = dynamic_cast<wxChoice*>(m_calendar->GetMonthControl())) {
        for (unsigned m = 0; m < months->GetCount() && m < 12; ++m) months->SetString(m, MonthName(m + 1));
        months->InvalidateBestSize();
        m_calendar->InvalidateBestSize();
    }
    sizer->Add(m_calendar, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    m_note = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_note, wxSizerFlags().Expand());
    m_refused = new wxStaticText(this, wxID_ANY, wxString());
    m_refused->SetForegroundColour(wxColour(176, 0, 32));
    sizer->Add(m_refused, wxSizerFlags().Expand());
    SetSizer(sizer);

    m_calendar->Bind(wxEVT_CALENDAR_SEL_CHANGED, [this](wxCalendarEvent& event) {
        const wxDateTime wanted = event.GetDate();
        if (!Choose(wanted)) { // stay on the day chosen before (perhaps in another month)
            m_calendar->SetDate(m_day);
            Colour();
        }
    });
    m_calendar->Bind(wxEVT_CALENDAR_PAGE_CHANGED, [this](wxCalendarEvent&) { Colour(); });
    m_calendar->Bind(wxEVT_MOTION, [this](wxMouseEvent& event) {
        wxDateTime day;
        wxString tip;
        if (m_rule && m_calendar->HitTest(event.GetPosition(), &day) == wxCAL_HITTEST_DAY) {
            tip = m_rule(day).refusal;
        }
        if (tip != m_calendar->GetToolTipText()) {
            if (tip.empty()) {
                m_calendar->UnsetToolTip();
            } else {
                m_calendar->SetToolTip(tip);
            }
        }
        event.Skip();
    });
}

wxColour DayCalendar::GreyedColour() { return wxColour(170, 170, 170); }

void DayCalendar::SetRule(Rule rule) {
    m_rule = std::move(rule);
    Colour();
    // A refusal holds only while its reason does: asked again under the new rule, the day may be fine now
    // (the message goes) or refused for another reason (the message says that one).
    if (!m_refusal.empty()) ShowRefusal(m_rule && m_refusedDay.IsValid() ? m_rule(m_refusedDay).refusal : wxString());
}

void DayCalendar::SetDay(const wxDateTime& day) {
    if (!day.IsValid()) return;
    m_day = day;
    const bool monthChanged = m_calendar->GetDate().GetMonth() != day.GetMonth() ||
                              m_calendar->GetDate().GetYear() != day.GetYear();
    m_calendar->SetDate(day);
    if (monthChanged) Colour();
    ShowRefusal(wxString());
}

wxDateTime DayCalendar::Day() const { return m_day; }

void DayCalendar::SetNote(const wxString& note) {
    if (m_note->GetLabel() == note) return;
    m_note->SetLabel(note);
    m_note->Wrap(m_calendar->GetBestSize().x + FromDIP(24));
    Layout();
    GetParent()->Layout();
}

wxString DayCalendar::Note() const { return m_note->GetLabel(); }

void DayCalendar::SetReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    m_calendar->Enable(!readOnly);
    if (readOnly) ShowRefusal(wxString()); // nothing is chosen, so nothing is refused
}

bool DayCalendar::Choose(const wxDateTime& day) {
    if (m_readOnly || !day.IsValid()) return false;
    if (m_rule) {
        const DayLook look = m_rule(day);
        if (!look.refusal.empty()) {
            m_refusedDay = day;
            ShowRefusal(look.refusal);
            return false;
        }
    }
    ShowRefusal(wxString());
    SetDay(day);
    if (m_onChosen) m_onChosen(m_day);
    return true;
}

void DayCalendar::ShowRefusal(const wxString& why) {
    m_refusal = why;
    if (why.empty()) m_refusedDay = wxDateTime();
    if (m_refused->GetLabel() == why) return;
    m_refused->SetLabel(why);
    m_refused->Wrap(m_calendar->GetBestSize().x + FromDIP(24));
    // The refusal says what the note says, and more: one of the two at a time.
    m_refused->Show(!why.empty());
    m_note->Show(why.empty());
    Layout();
    GetParent()->Layout();
}

void DayCalendar::Colour() {
    // Attributes belong to the day numbers of the month shown, so they are set afresh for each month.
    const wxDateTime shown = m_calendar->GetDate();
    const wxDateTime::wxDateTime_t days = wxDateTime::GetNumberOfDays(shown.GetMonth(), shown.GetYear());
    for (wxDateTime::wxDateTime_t d = 1; d <= days; ++d) {
        if (!m_rule) {
            m_calendar->ResetAttr(d);
            continue;
        }
        const DayLook look = m_rule(wxDateTime(d, shown.GetMonth(), shown.GetYear()));
        auto* attr = new wxCalendarDateAttr;
        if (!look.refusal.empty()) {
            attr->SetTextColour(GreyedColour());
        } else if (look.day_off) {
            attr->SetHoliday(true);
        }
        m_calendar->SetAttr(d, attr);
    }
    m_calendar->Refresh();
}

wxRect DayCalendar::DayRect(const wxDateTime& day) const {
    // The generic calendar has no call for this: find the cells its hit test gives the day.
    const wxSize size = m_calendar->GetClientSize();
    wxRect found;
    for (int y = 0; y < size.y; y += 2) {
        for (int x = 0; x < size.x; x += 2) {
            wxDateTime hit;
            if (const_cast<wxGenericCalendarCtrl*>(m_calendar)->HitTest(wxPoint(x, y), &hit) == wxCAL_HITTEST_DAY &&
                hit.IsSameDate(day)) {
                found = found.IsEmpty() ? wxRect(x, y, 2, 2) : found.Union(wxRect(x, y, 2, 2));
            }
        }
    }
    return found;
}

} // namespace kpd::ui
