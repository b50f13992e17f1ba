#include "ui/cashback/flight_editor.h"

#include "services/cashback_flights.h"
#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/cashback/cashback_words.h"
#include "ui/cashback/flight_dates.h"
#include "ui/cashback/flight_form.h"
#include "ui/cashback/offer_preview.h"
#include "ui/main/area_page.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/mstream.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <chrono>

namespace kpd::ui {
namespace {

// A new flight starts as a month from the earliest start, 5 % up to 300 ₽ a
// receipt, 50 000 ₽ of budget: the user changes what differs.
domain::CashbackFlight NewDraft(domain::CivilDate earliest) {
    domain::CashbackFlight flight;
    flight.status = domain::FlightStatus::Draft;
    SetCashback(flight, 500, std::nullopt);
    flight.cap_per_receipt_kop = 30'000;
    flight.budget_kop = 5'000'000;
    flight.starts_on = earliest;
    flight.ends_on = domain::CivilFromDays(domain::DaysFromCivil(earliest) + 30);
    return flight;
}

} // namespace

FlightEditor::FlightEditor(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell), m_estimateTimer(this) {
    const int gap = FromDIP(8);
    const int edge = FromDIP(16);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* back = new wxButton(this, wxID_ANY, _("&Back to flights"));
    top->Add(back, wxSizerFlags().Border(wxRIGHT, gap * 2));
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Scaled(1.3f).Bold());
    top->Add(m_title, wxSizerFlags(1).CentreVertical());
    m_report = new wxButton(this, wxID_ANY, _("&Report"));
    m_save = new wxButton(this, wxID_ANY, _("&Save draft"));
    m_submit = new wxButton(this, wxID_ANY, _("Sub&mit"));
    top->Add(m_report, wxSizerFlags().Border(wxLEFT, gap));
    top->Add(m_save, wxSizerFlags().Border(wxLEFT, gap));
    top->Add(m_submit, wxSizerFlags().Border(wxLEFT, gap));
    sizer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->Hide();
    sizer->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    m_form = new FlightForm(this);
    body->Add(m_form, wxSizerFlags(1).Expand());
    auto* side = new wxBoxSizer(wxVERTICAL);
    auto* previewLabel = new wxStaticText(this, wxID_ANY, _("In the app's catalog"));
    previewLabel->SetFont(previewLabel->GetFont().Bold());
    side->Add(previewLabel, wxSizerFlags().Border(wxLEFT | wxTOP, edge));
    m_preview = new OfferPreview(this);
    side->Add(m_preview, wxSizerFlags(1).Expand());
    body->Add(side, wxSizerFlags().Expand());
    sizer->Add(body, wxSizerFlags(1).Expand().Border(wxTOP, gap));
    SetSizer(sizer);

    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onBack) m_onBack();
    });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    m_submit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); });
    m_report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onReport && m_flight.id != 0) m_onReport(m_flight.id);
    });
    m_form->SetOnEdited([this] {
        m_dirty = true;
        m_platformProblems.clear();
        Check();
        UpdateButtons();
    });
    // The estimate waits until typing pauses.
    m_form->SetOnTargetingEdited([this] { m_estimateTimer.StartOnce(600); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { EstimateAudience(); });
    m_form->SetOnChooseImage([this] {
        wxFileDialog dialog(this, _("Choose the offer's image"), wxString(), wxString(),
                            _("Images (*.png;*.jpg;*.jpeg)|*.png;*.jpg;*.jpeg"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) ChooseImage(dialog.GetPath());
    });
    m_form->SetOnRemoveImage([this] { RemoveImage(); });
    // Until the platform tells its date: this computer's, in Moscow.
    m_today = services::MoscowDate(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    UpdateButtons();
}

void FlightEditor::LoadCalendar() {
    if (m_calendarLoaded || m_calendarLoading) return;
    m_calendarLoading = true;
    auto session = m_session;
    RunAsync<CashbackCalendar>(_("Reading the business calendar"),
                               [session](TaskContext& context) { return session->LoadCashbackCalendar(context.cancel); })
        .ThenOnWindow(this, [this](CashbackCalendar& loaded) {
            m_calendarLoading = false;
            m_calendarLoaded = true;
            m_calendar = loaded.calendar;
            m_today = loaded.today;
            m_form->Dates()->SetCalendar(m_calendar, m_today);
            // A new flight not yet touched starts on the earliest day the calendar allows.
            if (m_flight.id == 0 && !m_dirty && Editable()) {
                const auto check = services::CheckDraft(m_calendar, m_flight, m_today);
                if (check.earliest_start) {
                    m_flight.starts_on = *check.earliest_start;
                    m_flight.ends_on = domain::CivilFromDays(domain::DaysFromCivil(m_flight.starts_on) + 30);
                    m_form->Dates()->SetDates(m_flight.starts_on, m_flight.ends_on);
                }
            }
            Check();
        })
        .CatchAll([this](const wxString& why) {
            m_calendarLoading = false;
            ShowMessage(why, true);
        });
}

bool FlightEditor::Editable() const {
    return m_session->CanEditCashback() && m_flight.status == domain::FlightStatus::Draft;
}

void FlightEditor::OpenNew() {
    domain::CashbackFlight draft = NewDraft(domain::CivilFromDays(domain::DaysFromCivil(m_today) + 7));
    if (m_calendarLoaded) {
        if (const auto earliest = services::CheckDraft(m_calendar, draft, m_today).earliest_start) {
            draft = NewDraft(*earliest);
        }
    }
    m_flight = draft;
    m_image = wxBitmap();
    m_form->SetImageWords(_("No image: the app shows the brand's initial."));
    m_dirty = false;
    m_platformProblems.clear();
    m_form->Fill(m_flight);
    m_form->SetReadOnly(false);
    m_form->Dates()->SetReadOnly(false, std::nullopt);
    ShowMessage(wxString(), false);
    Check();
    UpdateTitle();
    UpdateButtons();
    EstimateAudience();
}

void FlightEditor::Open(const domain::CashbackFlight& flight) {
    m_flight = flight;
    m_dirty = false;
    m_platformProblems.clear();
    m_form->Fill(flight);
    m_form->SetReadOnly(!Editable());
    m_form->Dates()->SetReadOnly(!Editable(), flight.submitted_on);
    LoadImage();
    if (!Editable()) {
        ShowMessage(m_session->CanEditCashback()
                        ? _("A submitted flight cannot be edited. Pause or stop it from the list or its report.")
                        : _("You can see flights; changing them needs the Marketing or Partner administrator role."),
                    false);
    } else {
        ShowMessage(wxString(), false);
    }
    Check();
    UpdateTitle();
    UpdateButtons();
    EstimateAudience();
}

void FlightEditor::FocusFirstField() { m_form->FocusFirst(); }

void FlightEditor::Check() {
    domain::CashbackFlight read = m_flight;
    domain::Problems problems = m_form->Read(read);
    if (Editable()) {
        m_flight = read;
        // The rules and the start date as the services check them (pure: fine on every keystroke).
        const services::DraftCheck check = services::CheckDraft(m_calendar, m_flight, m_today);
        m_form->Dates()->SetCheck(check);
        for (const auto& p : check.problems) {
            // A field that could not be read already says so; the rules' "required" would repeat it.
            bool said = false;
            for (const auto& q : problems) said = said || p.field.rfind(q.field, 0) == 0 || q.field.rfind(p.field, 0) == 0;
            if (!said) problems.push_back(p);
        }
    }
    for (const auto& p : m_platformProblems) {
        if (std::find(problems.begin(), problems.end(), p) == problems.end()) problems.push_back(p);
    }
    m_problems = problems;
    m_form->ShowProblems(Editable() ? problems : domain::Problems{});

    OfferCard card;
    card.brand = FromUtf8(m_flight.offer.brand);
    card.title = FromUtf8(m_flight.offer.title);
    card.description = FromUtf8(m_flight.offer.description);
    card.badge = CashbackBadge(m_flight);
    card.dates = FlightDatesWords(m_flight);
    card.image = m_image;
    m_preview->SetCard(std::move(card));
}

void FlightEditor::UpdateTitle() {
    if (m_flight.id == 0) {
        m_title->SetLabel(_("New flight"));
    } else {
        // TRANSLATORS: the editor's title: the flight's number and its state, e.g. "Flight 12 · Draft".
        m_title->SetLabel(wxString::Format(_("Flight %lld · %s"), static_cast<long long>(m_flight.id),
                                           FlightStatusWords(m_flight)));
    }
    Layout();
}

void FlightEditor::UpdateButtons() {
    const bool editable = Editable();
    m_save->Show(editable);
    m_submit->Show(editable);
    m_save->Enable(editable && !m_busy);
    m_submit->Enable(editable && !m_busy);
    m_report->Show(m_flight.id != 0 && m_flight.status != domain::FlightStatus::Draft &&
                   m_flight.status != domain::FlightStatus::Scheduled);
    Layout();
}

void FlightEditor::ShowMessage(const wxString& words, bool error) {
    m_message->SetForegroundColour(error ? wxColour(176, 0, 32) : GetForegroundColour());
    m_message->SetLabel(words);
    m_message->Wrap(GetClientSize().x > FromDIP(200) ? GetClientSize().x - FromDIP(32) : FromDIP(800));
    m_message->Show(!words.empty());
    Layout();
}

wxString FlightEditor::Message() const { return m_message->GetLabel(); }

void FlightEditor::EstimateAudience() {
    if (m_estimating) { // the answer on its way is for older words: ask again after it
        m_estimateTimer.StartOnce(300);
        return;
    }
    m_estimating = true;
    m_form->SetAudience(_("Estimating the audience…"));
    auto session = m_session;
    const domain::FlightTargeting targeting = m_flight.targeting;
    RunAsync<api::Result<std::int64_t>>(_("Estimating the audience"),
                                        [session, targeting](TaskContext& context) {
                                            return session->EstimateCashbackAudience(targeting, context.cancel);
                                        })
        .ThenOnWindow(this, [this](api::Result<std::int64_t>& answer) {
            m_estimating = false;
            if (answer.Ok()) {
                m_audience = answer.Value();
                // TRANSLATORS: %lld is how many of the app's users the targeting reaches.
                m_form->SetAudience(wxString::Format(_("Audience: about %lld app users."),
                                                     static_cast<long long>(m_audience)));
            } else {
                m_audience = -1;
                m_form->SetAudience(_("The audience could not be estimated: ") + DescribeFlightError(answer.Error()));
            }
        })
        .CatchAll([this](const wxString& why) {
            m_estimating = false;
            m_form->SetAudience(why);
        });
}

void FlightEditor::ShowImage(const std::vector<std::uint8_t>& bytes) {
    wxMemoryInputStream stream(bytes.data(), bytes.size());
    wxImage image(stream, wxBITMAP_TYPE_ANY);
    m_image = image.IsOk() ? wxBitmap(image) : wxBitmap();
    if (image.IsOk()) {
        // TRANSLATORS: the offer image's size in pixels, e.g. "640 × 360 pixels".
        m_form->SetImageWords(wxString::Format(_("%d × %d pixels"), image.GetWidth(), image.GetHeight()));
    }
    Check();
}

void FlightEditor::LoadImage() {
    m_image = wxBitmap();
    if (!m_flight.offer.image_asset_id) {
        m_form->SetImageWords(_("No image: the app shows the brand's initial."));
        return;
    }
    m_form->SetImageWords(_("Loading the image…"));
    auto session = m_session;
    const std::string id = *m_flight.offer.image_asset_id;
    RunAsync<api::Result<std::vector<std::uint8_t>>>(
        _("Loading the offer's image"), [session, id](TaskContext& context) { return session->LoadCardImage(id, context.cancel); })
        .ThenOnWindow(this, [this, id](api::Result<std::vector<std::uint8_t>>& answer) {
            if (m_flight.offer.image_asset_id != id) return; // another image or flight meanwhile
            if (answer.Ok()) {
                ShowImage(answer.Value());
            } else {
                m_form->SetImageWords(DescribeFlightError(answer.Error()));
            }
        })
        .CatchAll([this](const wxString& why) { m_form->SetImageWords(why); });
}

void FlightEditor::ChooseImage(const wxString& path) {
    if (!Editable() || m_uploading) return;
    m_uploading = true;
    m_form->SetImageWords(_("Uploading the image…"));
    auto session = m_session;
    const std::string file = ToUtf8(path);
    RunAsync<ImageUpload>(_("Uploading the offer's image"),
                          [session, file](TaskContext& context) {
                              return session->UploadCardImage(domain::ImageSlot::Promo, "/offer/image_asset_id", file,
                                                              context.cancel);
                          })
        .ThenOnWindow(this, [this](ImageUpload& upload) {
            m_uploading = false;
            if (upload.result.Ok()) {
                m_flight.offer.image_asset_id = upload.result.Value().id;
                m_dirty = true;
                m_platformProblems.clear();
                ShowImage(upload.bytes);
            } else {
                m_platformProblems = upload.result.Error().problems;
                m_form->SetImageWords(_("No image: the app shows the brand's initial."));
                if (m_platformProblems.empty()) ShowMessage(DescribeFlightError(upload.result.Error()), true);
                Check();
            }
        })
        .CatchAll([this](const wxString& why) {
            m_uploading = false;
            ShowMessage(why, true);
        });
}

void FlightEditor::RemoveImage() {
    if (!Editable()) return;
    m_flight.offer.image_asset_id.reset();
    m_image = wxBitmap();
    m_dirty = true;
    m_form->SetImageWords(_("No image: the app shows the brand's initial."));
    Check();
}

void FlightEditor::Saved(const domain::CashbackFlight& flight, const wxString& status) {
    m_flight = flight;
    m_dirty = false;
    m_platformProblems.clear();
    m_form->Fill(flight);
    m_form->SetReadOnly(!Editable());
    m_form->Dates()->SetReadOnly(!Editable(), flight.submitted_on);
    Check(); // the image shown stays: it is the one the flight names
    UpdateTitle();
    UpdateButtons();
    ShowMessage(status, false);
    m_shell.ShowStatus(status);
    if (m_onChanged) m_onChanged(flight);
}

void FlightEditor::ShowRefusal(const FlightChange& change) {
    if (change.error) m_shell.SetOnline(!change.error->IsOffline());
    if (change.earliest_starts_on) m_form->Dates()->SetEarliestFromPlatform(*change.earliest_starts_on);
    m_platformProblems = change.problems;
    Check();
    if (change.queued) {
        ShowMessage(_("The platform did not answer. The change waits in the workspace and is sent again on the next "
                      "refresh."),
                    true);
    } else if (change.current) {
        ShowMessage(_("Someone changed this flight meanwhile. Go back to the list and open it again."), true);
    } else if (change.error) {
        ShowMessage(DescribeFlightError(*change.error), true);
    } else {
        ShowMessage(_("The flight has problems to fix: see the lines under the fields."), true);
    }
}

void FlightEditor::Save() {
    if (!Editable() || m_busy) return;
    Check();
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    const domain::CashbackFlight flight = m_flight;
    RunAsync<FlightChange>(_("Saving the flight"),
                           [session, flight](TaskContext& context) { return session->SaveCashbackFlight(flight, context.cancel); })
        .ThenOnWindow(this, [this](FlightChange& answer) {
            m_busy = false;
            if (answer.flight) {
                m_shell.SetOnline(true);
                Saved(*answer.flight, _("The draft is saved on the platform."));
            } else {
                ShowRefusal(answer);
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowMessage(why, true);
            UpdateButtons();
        });
}

void FlightEditor::Submit() {
    if (!Editable() || m_busy) return;
    Check();
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    const domain::CashbackFlight flight = m_flight;
    const bool save = m_dirty || flight.id == 0;
    // Saved first when edited, then submitted, in one task: what is submitted is what is shown.
    struct Answer {
        FlightChange saved;
        FlightChange submitted;
    };
    RunAsync<Answer>(_("Submitting the flight"),
                     [session, flight, save](TaskContext& context) {
                         Answer a;
                         if (save) {
                             a.saved = session->SaveCashbackFlight(flight, context.cancel);
                         } else {
                             a.saved.flight = flight;
                         }
                         if (a.saved.flight) a.submitted = session->SubmitCashbackFlight(*a.saved.flight, context.cancel);
                         return a;
                     })
        .ThenOnWindow(this, [this, save](Answer& answer) {
            m_busy = false;
            if (!answer.saved.flight) {
                ShowRefusal(answer.saved);
            } else if (!answer.submitted.flight) {
                if (save) Saved(*answer.saved.flight, wxString()); // kept as a draft: fix and submit again
                ShowRefusal(answer.submitted);
            } else {
                m_shell.SetOnline(true);
                const auto& f = *answer.submitted.flight;
                // TRANSLATORS: %s is the day the submitted flight starts.
                Saved(f, wxString::Format(_("Submitted. The flight starts on %s."), CivilDateWords(f.starts_on)));
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            ShowMessage(why, true);
            UpdateButtons();
        });
}

} // namespace kpd::ui
