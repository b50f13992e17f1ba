#pragma once
// A month calendar for choosing one day where some days cannot be chosen:
// they are greyed, hovering one says why, and choosing one (click or keys)
// keeps the day chosen before and says why under the calendar, for as long
// as the reason holds (another day chosen, a new rule that allows the day,
// or the value set afresh take the words away). Days off can
// be shown in the holiday colour. Built on wx's generic calendar, the one
// that colours single days (GTK's native calendar cannot).
// UI thread only.
#include <wx/datetime.h>
#include <wx/panel.h>

#include <functional>

class wxGenericCalendarCtrl;
class wxStaticText;

namespace kpd::ui {

class DayCalendar : public wxPanel {
  public:
    // How one day looks and whether it can be chosen.
    struct DayLook {
        wxString refusal;    // empty: the day can be chosen; else why not (a sentence)
        bool day_off = false; // a weekend or holiday: shown in the holiday colour
    };
    using Rule = std::function<DayLook(const wxDateTime& day)>;

    DayCalendar(wxWindow* parent, const wxString& label);

    // Replaces the rule and colours the shown month by it again.
    void SetRule(Rule rule);
    // Shows `day` as chosen (no check, no event): the value being edited.
    void SetDay(const wxDateTime& day);
    wxDateTime Day() const;
    // Called when the user chose an allowed day.
    void SetOnChosen(std::function<void(const wxDateTime&)> handler) { m_onChosen = std::move(handler); }
    // A standing line under the calendar, e.g. what the earliest day is and why.
    void SetNote(const wxString& note);
    wxString Note() const;
    void SetReadOnly(bool readOnly);

    // As a click on `day` would: false when refused (then Refusal() says why and the day stays).
    bool Choose(const wxDateTime& day);
    const wxString& Refusal() const { return m_refusal; }
    wxGenericCalendarCtrl* Control() const { return m_calendar; }
    // Where `day` of the shown month is drawn, in the calendar's client pixels (empty if not shown).
    wxRect DayRect(const wxDateTime& day) const;

    static wxColour GreyedColour();

  private:
    void Colour();
    void ShowRefusal(const wxString& why);

    wxGenericCalendarCtrl* m_calendar = nullptr;
    wxStaticText* m_note = nullptr;
    wxStaticText* m_refused = nullptr;
    Rule m_rule;
    wxDateTime m_day;
    wxString m_refusal;    // why m_refusedDay was refused; empty when nothing is
    wxDateTime m_refusedDay;
    std::function<void(const wxDateTime&)> m_onChosen;
    bool m_readOnly = false;
};

} // namespace kpd::ui
