#pragma once
// A flight's editor: the form (flight_form.h) beside the offer as the app's
// catalog shows it (offer_preview.h). Every edit is checked at once by the
// flight rules and the start-date rule (domain, against the business
// calendar and the platform's date), the problems shown under their fields;
// the targeting's audience is estimated by the platform in the background.
// Save keeps the draft on the platform; Submit saves and submits it (the
// platform checks the start date against its own clock and may name a later
// earliest day). A submitted flight, or any flight for a viewer, is shown
// read-only, with its report a click away.
// UI thread only.
#include "domain/cashback_flight.h"
#include "services/cashback_calendar.h"

#include <wx/bitmap.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxStaticText;

namespace kpd::ui {

class DeskSession;
class DeskShell;
struct FlightChange;
class FlightForm;
class OfferPreview;

class FlightEditor : public wxPanel {
  public:
    FlightEditor(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    // Fetches the business calendar and the platform's date in the background (once).
    void LoadCalendar();
    void OpenNew();
    void Open(const domain::CashbackFlight& flight);
    void FocusFirstField();

    void Save();
    void Submit();
    // Uploads the file as the offer's image (checked by the image rules first) and shows it.
    void ChooseImage(const wxString& path);
    void RemoveImage();

    void SetOnBack(std::function<void()> handler) { m_onBack = std::move(handler); }
    // After a save or submit: the flight as the platform has it now.
    void SetOnChanged(std::function<void(const domain::CashbackFlight&)> h) { m_onChanged = std::move(h); }
    void SetOnReport(std::function<void(std::int64_t)> handler) { m_onReport = std::move(handler); }

    // For the GUI test.
    FlightForm* Form() const { return m_form; }
    OfferPreview* Preview() const { return m_preview; }
    const domain::CashbackFlight& Flight() const { return m_flight; }
    const domain::Problems& Problems() const { return m_problems; }
    bool IsBusy() const { return m_busy; }
    bool HasCalendar() const { return m_calendarLoaded; }
    bool IsEstimating() const { return m_estimating; }
    bool IsUploading() const { return m_uploading; }
    std::int64_t Audience() const { return m_audience; }
    wxButton* SubmitButton() const { return m_submit; }
    wxString Message() const;

  private:
    // The form into the flight, checked; the preview drawn again.
    void Check();
    void UpdateTitle();
    void UpdateButtons();
    void EstimateAudience();
    // The offer's image bytes (fetched when the flight names one), drawn in the preview.
    void LoadImage();
    void ShowImage(const std::vector<std::uint8_t>& bytes);
    void ShowMessage(const wxString& words, bool error);
    // After a refused save or submit: the problems under their fields, the rest as a message.
    void ShowRefusal(const FlightChange& change);
    void Saved(const domain::CashbackFlight& flight, const wxString& status);
    bool Editable() const;

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    domain::CashbackFlight m_flight; // as edited
    domain::Problems m_problems;     // what the last check found
    domain::Problems m_platformProblems; // the platform's answer, shown until the next edit
    services::DeskCalendar m_calendar;
    domain::CivilDate m_today;
    bool m_calendarLoaded = false;
    FlightForm* m_form = nullptr;
    OfferPreview* m_preview = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_submit = nullptr;
    wxButton* m_report = nullptr;
    wxTimer m_estimateTimer;
    std::int64_t m_audience = -1;
    bool m_busy = false;
    bool m_estimating = false;
    bool m_uploading = false;
    wxBitmap m_image; // the offer's image as the preview draws it (invalid: none)
    bool m_calendarLoading = false;
    bool m_dirty = false;
    std::function<void()> m_onBack;
    std::function<void(const domain::CashbackFlight&)> m_onChanged;
    std::function<void(std::int64_t)> m_onReport;
};

} // namespace kpd::ui
