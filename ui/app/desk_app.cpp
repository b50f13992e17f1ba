#include "ui/app/desk_app.h"

#include "ui/app/desk_session.h"
#include "ui/app/i18n.h"
#include "ui/app/settings.h"
#include "ui/app/task_runner.h"
#include "ui/app/token_vault.h"
#include "ui/app/words.h"
#include "ui/main/main_frame.h"
#include "ui/signin/sign_in_dialog.h"
#include "ui/widgets/app_icon.h"

#include <wx/image.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/utils.h>

namespace kpd::ui {

DeskApp::DeskApp() = default;
DeskApp::~DeskApp() = default;

bool DeskApp::OnInit() {
    // Not wxApp::OnInit(): the desk parses its own command line.
    SetAppName("partner-desk");
    int exitCode = 0;
    auto options = ParseCommandLine(argc, argv, exitCode);
    if (!options) { // --help, or a usage error the parser has printed on stderr
        m_exitBeforeRunning = exitCode;
        return true; // OnRun returns the code without a window or a dialog
    }
    m_options = *options;

    // The log is a diagnostic trail on stderr (for support, scripts and tests),
    // never a modal window: whatever the user must know is shown in the desk
    // itself, in their language, where it happened.
    delete wxLog::SetActiveTarget(new wxLogStderr);
    wxInitAllImageHandlers();
    SetUpLanguage(m_options.language);
    SetAppDisplayName(_("Koshelek Partner"));
    Settings::Install();
    if (m_options.platform_url) Settings::SetPlatformUrl(*m_options.platform_url);
    if (m_options.login) Settings::SetLastLogin(*m_options.login);
    if (m_options.workspace_url) Settings::SetWorkspaceUrl(*m_options.workspace_url);
    m_vault = std::make_unique<TokenVault>();
    if (!m_vault->IsPersistent()) wxLogMessage("%s", m_vault->Why());

    // A scripted start signs in at once, without waiting on the dialog; the
    // dialog appears only if that sign-in fails.
    m_scriptedSignIn = m_options.password.has_value() && !Settings::LastLogin().empty();
    ShowSignIn(wxString(), !m_scriptedSignIn);
    if (m_scriptedSignIn) {
        StartSignIn({Settings::PlatformUrl(), Settings::LastLogin(), *m_options.password});
    } else if (!Settings::LastLogin().empty()) {
        StartResume();
    }
    return true;
}

int DeskApp::OnRun() {
    if (m_exitBeforeRunning) return *m_exitBeforeRunning;
    return wxApp::OnRun();
}

int DeskApp::OnExit() {
    TaskRunner::Get().Shutdown();
    m_session.reset();
    return wxApp::OnExit();
}

void DeskApp::ShowSignIn(const wxString& error, bool show) {
    m_dialog = new SignInDialog(Settings::PlatformUrl(), Settings::LastLogin(), m_vault->Why());
    m_dialog->SetIcons(AppIcons());
    m_dialog->SetOnSubmit([this](const SignInFields& fields) { StartSignIn(fields); });
    m_dialog->Bind(wxEVT_DESTROY, [this, dialog = m_dialog](wxWindowDestroyEvent& event) {
        if (event.GetWindow() == dialog && m_dialog == dialog) m_dialog = nullptr;
        event.Skip();
    });
    SetTopWindow(m_dialog);
    if (!error.empty()) m_dialog->ShowError(error);
    if (show) m_dialog->Show();
}

void DeskApp::StartSignIn(const SignInFields& fields) {
    if (!m_dialog) return;
    m_dialog->SetBusy(true);
    OpenRequest request{ToUtf8(fields.platform_url), ToUtf8(fields.login), ToUtf8(fields.password),
                        ToUtf8(Settings::WorkspaceUrl()), std::string(), std::string()};
    TokenVault* vault = m_vault.get();
    auto task = RunAsync<OpenOutcome>(_("Signing in"), [request, vault](TaskContext& context) {
        OpenOutcome outcome = DeskSession::Open(request, context.cancel);
        if (outcome.session) {
            // Off the UI thread: a keyring can be slow. Kept as text, never in a file.
            const SessionInfo& info = outcome.session->Info();
            vault->Save(FromUtf8(info.platform_url), FromUtf8(info.login),
                        StoredToken{FromUtf8(outcome.session->AccessToken()), FromUtf8(info.expires_at)});
        }
        return outcome;
    });
    m_dialog->SetOnCancelSignIn([task]() mutable { task.Cancel(); });
    task.ThenOnWindow(m_dialog, [this, fields](OpenOutcome& outcome) {
            if (outcome.session) {
                Settings::SetPlatformUrl(fields.platform_url);
                Settings::SetLastLogin(fields.login);
                Settings::Flush();
                OpenDesk(std::move(outcome.session), outcome.error);
                return;
            }
            const wxString why = outcome.error ? DescribeApiError(*outcome.error)
                                               : DescribeWorkspaceFailure(outcome.failure_code, outcome.failure);
            wxLogMessage("Sign-in failed: %s", why);
            m_dialog->ShowError(why);
            if (!m_dialog->IsShown()) m_dialog->Show(); // a scripted sign-in failed: ask
        })
        .CatchAll([this](const wxString& why) {
            m_dialog->ShowError(why);
            if (!m_dialog->IsShown()) m_dialog->Show();
        });
}

void DeskApp::StartResume() {
    if (!m_dialog) return;
    m_dialog->SetBusy(true);
    OpenRequest request{ToUtf8(Settings::PlatformUrl()), ToUtf8(Settings::LastLogin()), std::string(),
                        ToUtf8(Settings::WorkspaceUrl()), std::string(), std::string()};
    TokenVault* vault = m_vault.get();
    auto task = RunAsync<OpenOutcome>(_("Resuming the saved sign-in"), [request, vault](TaskContext& context) {
        OpenRequest withToken = request;
        // Off the UI thread: a keyring can be slow to answer.
        const auto kept = vault->Load(FromUtf8(request.platform_url), FromUtf8(request.login));
        if (!kept) return OpenOutcome{}; // nothing kept: the dialog asks for the password
        withToken.kept_token = ToUtf8(kept->access_token);
        withToken.kept_expires_at = ToUtf8(kept->expires_at);
        OpenOutcome outcome = DeskSession::Open(withToken, context.cancel);
        if (!outcome.session && outcome.error && !outcome.error->IsOffline()) {
            vault->Erase(FromUtf8(request.platform_url), FromUtf8(request.login)); // ended: forget it
        }
        return outcome;
    });
    m_dialog->SetOnCancelSignIn([task]() mutable { task.Cancel(); });
    task.ThenOnWindow(m_dialog, [this](OpenOutcome& outcome) {
            if (outcome.session) {
                OpenDesk(std::move(outcome.session), outcome.error);
                return;
            }
            if (outcome.error) {
                wxLogMessage("The saved sign-in was not resumed: %s", DescribeApiError(*outcome.error));
                m_dialog->ShowError(_("Your saved sign-in has ended. Enter your password."));
            } else {
                m_dialog->SetBusy(false);
            }
        })
        .CatchAll([this](const wxString& why) { m_dialog->ShowError(why); });
}

void DeskApp::OpenDesk(std::shared_ptr<DeskSession> session, const std::optional<api::ApiError>& offline) {
    m_session = std::move(session);
    // The full reason is in the log and the sign-in dialog; the status bar keeps it short.
    m_frame = new MainFrame(m_session, m_vault->IsPersistent() ? wxString() : _("Sign-in is not saved: no secret store"));
    m_frame->SetOnSignOut([this] { CallAfter([this] { SignOut(); }); });
    m_frame->Bind(wxEVT_DESTROY, [this, frame = m_frame](wxWindowDestroyEvent& event) {
        if (event.GetWindow() == frame && m_frame == frame) m_frame = nullptr;
        event.Skip();
    });
    SetTopWindow(m_frame);
    m_frame->Show();
    if (!m_session->IsOnlineSession()) { // the platform was unreachable: offline on the workspace's copy
        m_frame->SetOnline(false);
        m_frame->ShowStatus(offline ? DescribeApiError(*offline) : _("Offline"));
    }
    if (m_dialog) {
        m_dialog->SetOnCancelSignIn(nullptr);
        m_dialog->Destroy();
        m_dialog = nullptr;
    }
    wxLogMessage("Signed in as %s to %s", FromUtf8(m_session->Info().login),
                 FromUtf8(m_session->Info().platform_url));
}

void DeskApp::SignOut() {
    if (!m_frame || !m_session) return;
    TaskRunner::Get().CancelAll();
    const SessionInfo info = m_session->Info();
    m_vault->Erase(FromUtf8(info.platform_url), FromUtf8(info.login));
    m_session->SignOut();
    m_session.reset();
    ShowSignIn(wxString(), true); // first, so the application keeps a window
    m_frame->Close(true);
    m_frame = nullptr;
}

} // namespace kpd::ui
