#include "ui/signin/sign_in_dialog.h"

#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

namespace kpd::ui {

SignInDialog::SignInDialog(const wxString& platformUrl, const wxString& login, const wxString& note)
    : wxDialog(nullptr, wxID_ANY, _("Sign in — Koshelek Partner"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY, _("Koshelek Partner"));
    title->SetFont(title->GetFont().Scaled(1.6f).Bold());
    sizer->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    auto* intro = new wxStaticText(this, wxID_ANY, _("Sign in with the login your partner administrator gave you."));
    sizer->Add(intro, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1);
    const wxSize fieldSize = FromDIP(wxSize(300, -1));
    m_url = new wxTextCtrl(this, wxID_ANY, platformUrl, wxDefaultPosition, fieldSize);
    m_login = new wxTextCtrl(this, wxID_ANY, login, wxDefaultPosition, fieldSize);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fieldSize,
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    const std::pair<wxString, wxTextCtrl*> rows[] = {
        {_("&Platform address:"), m_url}, {_("&Login:"), m_login}, {_("Pass&word:"), m_password}};
    for (const auto& [label, field] : rows) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        grid->Add(field, wxSizerFlags(1).Expand());
    }
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(wxColour(0xB0, 0x1E, 0x1E));
    sizer->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    if (!note.empty()) {
        auto* noteText = new wxStaticText(this, wxID_ANY, note);
        noteText->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        noteText->Wrap(FromDIP(440));
        sizer->Add(noteText, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    }

    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(-1, 6)));
    m_gauge->Hide();
    sizer->Add(m_gauge, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    // A modeless dialog that ends after the platform's answer: both clicks are handled below.
    m_cancel = MakeEscapeButton(this, _("Cancel"), false);
    m_signIn = MakeAffirmativeButton(this, _("Sign in"), wxID_OK, false);
    m_signIn->SetDefault();
    buttons->Add(m_cancel, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(m_signIn);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    SetSizerAndFit(sizer);
    CentreOnScreen();

    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { m_gauge->Pulse(); });
    m_signIn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Submit(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancel(); });
    // A modeless dialog is not destroyed by closing it: do it here (the
    // application exits when this was its last window).
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (m_busy && m_onCancelSignIn) m_onCancelSignIn();
        m_pulse.Stop();
        Destroy();
    });

    (m_login->IsEmpty() ? m_login : m_password)->SetFocus();
}

void SignInDialog::Submit() {
    if (m_busy) return;
    SignInFields fields{m_url->GetValue().Strip(wxString::both), m_login->GetValue().Strip(wxString::both),
                        m_password->GetValue()};
    if (fields.platform_url.empty()) {
        ShowError(_("Enter the platform address, e.g. https://partner-api.koshelek.app"));
        m_url->SetFocus();
        return;
    }
    if (fields.login.empty()) {
        ShowError(_("Enter your login."));
        m_login->SetFocus();
        return;
    }
    if (fields.password.empty()) {
        ShowError(_("Enter your password."));
        m_password->SetFocus();
        return;
    }
    m_error->SetLabel(wxString());
    if (m_onSubmit) m_onSubmit(fields);
}

void SignInDialog::OnCancel() {
    if (m_busy) {
        if (m_onCancelSignIn) m_onCancelSignIn();
        return;
    }
    Close();
}

void SignInDialog::SetBusy(bool busy) {
    m_busy = busy;
    m_url->Enable(!busy);
    m_login->Enable(!busy);
    m_password->Enable(!busy);
    m_signIn->Enable(!busy);
    m_gauge->Show(busy);
    if (busy) {
        m_pulse.Start(80);
        m_error->SetLabel(_("Signing in…"));
        m_error->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    } else {
        m_pulse.Stop();
    }
    Layout();
}

void SignInDialog::ShowError(const wxString& message) {
    SetBusy(false);
    m_error->SetForegroundColour(wxColour(0xB0, 0x1E, 0x1E));
    m_error->SetLabel(message);
    m_error->Wrap(GetClientSize().x - FromDIP(32));
    Layout();
    Fit();
    m_password->SetFocus();
    m_password->SelectAll();
}

wxString SignInDialog::ErrorText() const { return m_error->GetLabel(); }

} // namespace kpd::ui
