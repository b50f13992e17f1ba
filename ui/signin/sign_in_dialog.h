#pragma once
// The sign-in dialog: platform address, login and password, a line for what
// went wrong, and a pulsing gauge while the sign-in runs. It is a view only:
// the application receives the fields through the submit handler, runs the
// sign-in in the background and calls SetBusy/ShowError back. Modeless, so
// the event loop (and a test driving it) keeps running. UI thread only.
#include <wx/dialog.h>

#include <wx/timer.h>

#include <functional>

class wxButton;
class wxGauge;
class wxStaticText;
class wxTextCtrl;

namespace kpd::ui {

struct SignInFields {
    wxString platform_url;
    wxString login;
    wxString password;
};

class SignInDialog : public wxDialog {
  public:
    SignInDialog(const wxString& platformUrl, const wxString& login, const wxString& note);

    void SetOnSubmit(std::function<void(const SignInFields&)> handler) { m_onSubmit = std::move(handler); }
    // Cancel while busy cancels the sign-in under way; otherwise it closes the dialog.
    void SetOnCancelSignIn(std::function<void()> handler) { m_onCancelSignIn = std::move(handler); }

    void SetBusy(bool busy);
    void ShowError(const wxString& message);
    bool IsBusy() const { return m_busy; }

    // For the GUI smoke test and accessibility tools.
    wxTextCtrl* UrlField() const { return m_url; }
    wxTextCtrl* LoginField() const { return m_login; }
    wxTextCtrl* PasswordField() const { return m_password; }
    wxButton* SignInButton() const { return m_signIn; }
    wxString ErrorText() const;

  private:
    void Submit();
    void OnCancel();

    wxTextCtrl* m_url = nullptr;
    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_error = nullptr;
    wxGauge* m_gauge = nullptr;
    wxButton* m_signIn = nullptr;
    wxButton* m_cancel = nullptr;
    wxTimer m_pulse{this}; // owned: stops with the window
    bool m_busy = false;
    std::function<void(const SignInFields&)> m_onSubmit;
    std::function<void()> m_onCancelSignIn;
};

} // namespace kpd::ui
