#pragma once
// Signing in to the platform (pairs with the desk's sign-in dialog and
// `partnerctl login`).
//
// Thread affinity: a worker thread (talks to the platform and the workspace).
// Throws store::StoreError only when the workspace fails.
#include "api/platform_client.h"
#include "contract/auth.h"
#include "domain/cancel_token.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <string>

namespace kpd::services {

// Checks locally that login and password are not empty (problems at /login,
// /password, nothing sent); then signs `client` in. Either way the workspace
// audit log records the attempt ("sign_in" or "sign_in.failed", never the
// password). On success the session (without its token) is remembered for
// offline use (desk_context.h).
Outcome<contract::TokenResponse> SignIn(api::PlatformClient& client, store::Workspace& workspace,
                                        const std::string& login, const std::string& password,
                                        const domain::CancelTokenPtr& cancel = nullptr);

// Resumes the session of `login` with a token kept from an earlier run (the
// desk's secret store) instead of asking for the password. The token must
// belong to the session this workspace remembers for the client's platform
// and that login (otherwise a problem at /login, code "no_remembered_session",
// nothing sent); the platform then confirms it (GET /partner, same partner).
// A token it refuses (expired, revoked, user disabled) comes back as that
// Unauthorized error and the client is signed out; an unreachable platform is
// an offline error, the client keeping the token for later calls. The audit
// log records "sign_in.resumed" or "sign_in.resume_failed".
Outcome<contract::TokenResponse> ResumeSession(api::PlatformClient& client, store::Workspace& workspace,
                                               const std::string& login, const std::string& access_token,
                                               const std::string& expires_at,
                                               const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
