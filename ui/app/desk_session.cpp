#include "ui/app/desk_session.h"

#include "ui/app/desk_session_impl.h"

#include "api/platform_client.h"
#include "services/audit.h"
#include "services/desk_context.h"
#include "services/message.h"
#include "services/partner_profile.h"
#include "services/sign_in.h"
#include "services/user_commands.h"
#include "services/users.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <mutex>

namespace kpd::ui {

namespace {

SessionInfo InfoFrom(const std::string& platformUrl, const contract::TokenResponse& token) {
    return SessionInfo{platformUrl,      token.user.login,   token.user.name, token.user.roles,
                       token.partner.id, token.partner.name, token.expires_at, token.user.id};
}

} // namespace

DeskSession::DeskSession(std::unique_ptr<Impl> impl, SessionInfo info)
    : m_impl(std::move(impl)), m_info(std::move(info)) {}

DeskSession::~DeskSession() = default;

OpenOutcome DeskSession::Open(const OpenRequest& request, domain::CancelTokenPtr cancel) {
    OpenOutcome out;
    auto impl = std::make_unique<Impl>();
    api::ClientOptions options;
    options.base_url = request.platform_url;
    while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
    options.user_agent = "partner-desk/" KPD_VERSION;
    try {
        impl->workspace = std::make_unique<store::Workspace>(
            request.workspace_url.empty() ? store::DefaultWorkspaceUrl() : request.workspace_url);
    } catch (const store::StoreError& e) {
        out.failure = services::Describe(e).english;
        out.failure_code = services::Describe(e).code;
        return out;
    }
    impl->client = std::make_unique<api::PlatformClient>(options);
    impl->client->SetCancelToken(cancel);
    const bool resume = request.password.empty() && !request.kept_token.empty();
    auto signIn = resume ? services::ResumeSession(*impl->client, *impl->workspace, request.login,
                                                   request.kept_token, request.kept_expires_at, cancel)
                         : services::SignIn(*impl->client, *impl->workspace, request.login, request.password, cancel);
    if (signIn.value) {
        impl->online_session = true;
        SessionInfo info = InfoFrom(options.base_url, *signIn.value);
        out.session = std::shared_ptr<DeskSession>(new DeskSession(std::move(impl), std::move(info)));
        return out;
    }
    if (signIn.error && signIn.error->IsOffline()) {
        // The platform cannot be reached: keep working on what this workspace
        // has, as the same user, if this desk has seen them sign in before.
        auto last = services::LastSession(*impl->workspace, options.base_url);
        if (last && last->user.login == request.login) {
            SessionInfo info = InfoFrom(options.base_url, *last);
            out.session = std::shared_ptr<DeskSession>(new DeskSession(std::move(impl), std::move(info)));
            out.error = signIn.error; // said in the status bar
            return out;
        }
    }
    out.error = signIn.error;
    if (!out.error) {
        api::ApiError local;
        local.kind = api::ApiErrorKind::Validation;
        local.problems = signIn.problems;
        out.error = local;
    }
    return out;
}

std::string DeskSession::AccessToken() const {
    const std::lock_guard lock(m_impl->mutex);
    auto session = m_impl->client->CurrentSession();
    return session ? session->access_token : std::string();
}

bool DeskSession::IsOnlineSession() const { return m_impl->online_session; }

Loaded<domain::Partner> DeskSession::LoadPartnerProfile(domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return ToLoaded(services::LoadPartnerProfile(*m_impl->client, *m_impl->workspace, cancel));
}

Loaded<std::vector<domain::User>> DeskSession::ListUsers(domain::CancelTokenPtr cancel,
                                                         domain::ProgressSink* progress) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return ToLoaded(services::ListUsers(*m_impl->client, *m_impl->workspace, cancel, progress));
}

RolesChange DeskSession::SetUserRoles(const domain::User& user, domain::RoleSet roles,
                                      domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    services::RolesOutcome outcome =
        services::SetUserRoles(*m_impl->client, *m_impl->workspace, user.id, roles, user.version, cancel);
    RolesChange change{ToResult<domain::User>(outcome), outcome.current};
    return change;
}

UserChange DeskSession::CreateUser(const domain::NewUser& user, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    auto outcome = services::CreateUser(*m_impl->client, *m_impl->workspace, user, cancel);
    const bool queued = outcome.queued;
    return UserChange{ToResult<domain::User>(std::move(outcome)), queued};
}

UserChange DeskSession::SetUserDisabled(const domain::User& user, bool disabled, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    auto outcome = disabled ? services::DisableUser(*m_impl->client, *m_impl->workspace, user.id, cancel)
                            : services::EnableUser(*m_impl->client, *m_impl->workspace, user.id, cancel);
    const bool queued = outcome.queued;
    return UserChange{ToResult<domain::User>(std::move(outcome)), queued};
}

int DeskSession::ResendPending(domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    auto report = services::ResendPending(*m_impl->client, *m_impl->workspace, cancel);
    return report.Ok() ? report.Value().still_pending : -1;
}

Loaded<std::vector<domain::AuditEntry>> DeskSession::ListAudit(domain::CancelTokenPtr cancel,
                                                               domain::ProgressSink* progress) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return ToLoaded(services::ListAudit(*m_impl->client, *m_impl->workspace, 500, cancel, progress));
}

void DeskSession::SignOut() {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SignOut();
}

} // namespace kpd::ui
