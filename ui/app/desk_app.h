#pragma once
// The application object: reads the command line, sets up languages,
// settings, logging and the token vault, runs the sign-in (through the dialog
// or, for scripted starts, with PARTNER_DESK_PASSWORD, or with the token kept
// in the secret store from the last run) and opens the main
// frame; Sign out returns to the dialog. UI thread only.
#include "api/api_error.h"
#include "ui/app/command_line.h"

#include <wx/app.h>

#include <memory>
#include <optional>

namespace kpd::ui {

class DeskSession;
class MainFrame;
class SignInDialog;
class TokenVault;
struct SignInFields;

class DeskApp : public wxApp {
  public:
    DeskApp();
    ~DeskApp() override;

    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;

    // For the GUI smoke test: the windows of the current stage (null when absent).
    SignInDialog* SignInWindow() const { return m_dialog; }
    MainFrame* MainWindow() const { return m_frame; }
    // Options parsed from the command line (the test passes its own argv).
    const DeskOptions& Options() const { return m_options; }
    TokenVault& Vault() const { return *m_vault; }

  private:
    void ShowSignIn(const wxString& error, bool show);
    void StartSignIn(const SignInFields& fields);
    // Signs in with the token the secret store kept from the last run, if any;
    // the dialog stays for the password when there is none or it has ended.
    void StartResume();
    void OpenDesk(std::shared_ptr<DeskSession> session, const std::optional<api::ApiError>& offline);
    void SignOut();

    DeskOptions m_options;
    std::unique_ptr<TokenVault> m_vault;
    SignInDialog* m_dialog = nullptr; // the sign-in stage
    MainFrame* m_frame = nullptr;     // the signed-in stage
    std::shared_ptr<DeskSession> m_session;
    bool m_scriptedSignIn = false;
    std::optional<int> m_exitBeforeRunning; // set by --help or a usage error
};

wxDECLARE_APP(DeskApp);

} // namespace kpd::ui
