#include "services/sign_in.h"

#include "services/desk_context.h"

namespace kpd::services {

Outcome<contract::TokenResponse> SignIn(api::PlatformClient& client, store::Workspace& workspace,
                                        const std::string& login, const std::string& password,
                                        const domain::CancelTokenPtr& cancel) {
    domain::Problems problems;
    if (login.empty()) {
        problems.push_back({"/login", "required", "login is required"});
    }
    if (password.empty()) {
        problems.push_back({"/password", "required", "password is required"});
    }
    if (!problems.empty()) {
        return Outcome<contract::TokenResponse>::Invalid(std::move(problems));
    }

    client.SetCancelToken(cancel);
    const std::string& url = client.Options().base_url;
    auto result = client.SignIn(login, password);
    if (!result.Ok()) {
        const auto& error = result.Error();
        workspace.Audit().Append({login, url, "sign_in.failed", "session", "",
                                  "sign-in refused: " + std::string(api::ToString(error.kind)) +
                                      (error.code.empty() ? "" : " " + error.code)});
        return Outcome<contract::TokenResponse>::Failure(error);
    }
    const auto& session = result.Value();
    RememberSession(workspace, url, session);
    workspace.Audit().Append({session.user.login, url, "sign_in", "session",
                              std::to_string(session.user.id),
                              "signed in to partner " + std::to_string(session.partner.id) +
                                  " as " + contract::RolesToJson(session.user.roles).dump()});
    return Outcome<contract::TokenResponse>::Success(session);
}

Outcome<contract::TokenResponse> ResumeSession(api::PlatformClient& client, store::Workspace& workspace,
                                               const std::string& login, const std::string& access_token,
                                               const std::string& expires_at,
                                               const domain::CancelTokenPtr& cancel) {
    const std::string& url = client.Options().base_url;
    auto remembered = LastSession(workspace, url);
    if (login.empty() || access_token.empty() || !remembered || remembered->user.login != login) {
        return Outcome<contract::TokenResponse>::Invalid(
            {{"/login", "no_remembered_session", "this workspace remembers no session of this login on this platform"}});
    }
    contract::TokenResponse session = *remembered;
    session.access_token = access_token;
    session.expires_at = expires_at;
    client.SetCancelToken(cancel);
    client.UseSession(session);

    // One cheap authenticated call proves the token and that it is still this partner's.
    auto partner = client.GetPartner();
    if (!partner.Ok()) {
        const auto& error = partner.Error();
        if (!error.IsOffline()) {
            client.SignOut();
            workspace.Audit().Append({login, url, "sign_in.resume_failed", "session", "",
                                      "kept token refused: " + std::string(api::ToString(error.kind)) +
                                          (error.code.empty() ? "" : " " + error.code)});
        }
        return Outcome<contract::TokenResponse>::Failure(error);
    }
    if (partner.Value().id != session.partner.id) {
        client.SignOut();
        return Outcome<contract::TokenResponse>::Invalid(
            {{"/login", "no_remembered_session", "the kept token belongs to another partner"}});
    }
    workspace.Audit().Append({login, url, "sign_in.resumed", "session", std::to_string(session.user.id),
                              "resumed with the kept token for partner " + std::to_string(session.partner.id)});
    return Outcome<contract::TokenResponse>::Success(session);
}

} // namespace kpd::services
