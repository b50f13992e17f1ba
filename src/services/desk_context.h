#pragma once
// Who works where: the platform URL, partner and login that scope the
// workspace cache and sign audit rows. Taken from the client's session, or,
// when there is none because the platform could not be reached, from the last
// session this workspace remembers for that platform, so the desk can still
// show what it has offline. The remembered session never includes the token.
//
// Thread affinity: worker threads (these read and write the workspace).
#include "api/platform_client.h"
#include "contract/auth.h"
#include "services/cashback_calendar.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kpd::services {

struct DeskContext {
    std::string platform_url;
    std::int64_t partner_id = 0;
    std::string login;
    bool signed_in = false; // false: taken from the remembered session
    // The business calendar of this process (cashback_calendar.h), loaded once
    // and shared; set by CurrentContext, never null there.
    const DeskCalendar* calendar = nullptr;
};

// Stores `session` (minus its token) as the last one for `platform_url`.
void RememberSession(store::Workspace& workspace, const std::string& platform_url,
                     const contract::TokenResponse& session);

// The last session remembered for `platform_url` (access_token empty).
std::optional<contract::TokenResponse> LastSession(store::Workspace& workspace,
                                                   const std::string& platform_url);

// The client's session, else the remembered one; nullopt when neither exists.
std::optional<DeskContext> CurrentContext(api::PlatformClient& client, store::Workspace& workspace);

} // namespace kpd::services
