#pragma once
// The fields of a flight, in sections: the offer (brand, title, description),
// what matches (SKUs, name keywords, categories), the cashback (a percentage
// of the price or a fixed sum per item, and a cap per receipt), targeting
// (loyalty cards held, regions, and the audience estimate), the budget and
// the dates (flight_dates.h). Under every field a line shows its problems,
// by the JSON pointer the rules name; problems no field takes show at the
// top. The form only reads and shows: the editor decides what to check.
// UI thread only.
#include "domain/cashback_flight.h"
#include "domain/problem.h"

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace kpd::ui {

class FlightDates;

class FlightForm : public wxScrolledWindow {
  public:
    explicit FlightForm(wxWindow* parent);

    // Shows the flight's values (no edit events).
    void Fill(const domain::CashbackFlight& flight);
    // The fields into `flight` (id, status and the rest kept); what cannot be
    // read (letters in a sum) comes back as problems at the field's pointer.
    domain::Problems Read(domain::CashbackFlight& flight) const;
    void ShowProblems(const domain::Problems& problems);
    void SetReadOnly(bool readOnly);
    void SetAudience(const wxString& words);
    // Any edit of a field or a date.
    void SetOnEdited(std::function<void()> handler) { m_onEdited = std::move(handler); }
    // "Choose image…" (the editor asks for a file and uploads it) and "Remove image".
    void SetOnChooseImage(std::function<void()> handler) { m_onChooseImage = std::move(handler); }
    void SetOnRemoveImage(std::function<void()> handler) { m_onRemoveImage = std::move(handler); }
    // What the offer's image is, in words ("No image", "640 × 360 JPEG").
    void SetImageWords(const wxString& words);
    // An edit of the targeting (the audience estimate is fetched again).
    void SetOnTargetingEdited(std::function<void()> handler) { m_onTargeting = std::move(handler); }

    FlightDates* Dates() const { return m_dates; }
    wxTextCtrl* Field(const std::string& pointer) const;
    // The problem line under a field (empty label when none), for the GUI test.
    wxString ProblemText(const std::string& pointer) const;
    void FocusFirst();
    // Scrolls the dates into view.
    void ScrollToDates();

  private:
    wxTextCtrl* AddText(wxWindow* parent, wxSizer* sizer, const wxString& label, const std::string& pointer,
                        const wxString& hint, bool multiline = false);
    wxStaticText* AddProblemLine(wxWindow* parent, wxSizer* sizer, const std::string& pointer);
    wxStaticText* AddSection(wxWindow* parent, wxSizer* sizer, const wxString& title);
    void UpdateCashbackKind();
    void Edited(bool targeting);

    std::map<std::string, wxTextCtrl*> m_fields;        // by pointer
    std::map<std::string, wxStaticText*> m_problemLines; // by pointer
    wxStaticText* m_general = nullptr;
    wxRadioButton* m_percent = nullptr;
    wxRadioButton* m_fixed = nullptr;
    wxStaticText* m_valueUnit = nullptr;
    wxStaticText* m_audience = nullptr;
    wxStaticText* m_titleCount = nullptr;
    wxStaticText* m_descriptionCount = nullptr;
    FlightDates* m_dates = nullptr;
    bool m_filling = false;
    std::function<void()> m_onEdited;
    std::function<void()> m_onTargeting;
    std::function<void()> m_onChooseImage;
    std::function<void()> m_onRemoveImage;
    wxStaticText* m_imageWords = nullptr;
    wxWindow* m_chooseImage = nullptr;
    wxWindow* m_removeImage = nullptr;
};

} // namespace kpd::ui
