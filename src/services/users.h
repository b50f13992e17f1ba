#pragma once
// The users page (pairs with ui/users/users_panel and `partnerctl users …`):
// reading the partner's users and changing their roles. Adding, disabling and
// enabling go through the outbox: see user_commands.h.
//
// Thread affinity: a worker thread. Throws store::StoreError only when the
// workspace fails.
#include "api/platform_client.h"
#include "domain/cancel_token.h"
#include "domain/user.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kpd::services {

// Every user of the partner (all pages, ordered by id), cached as a whole;
// offline it answers the cached list (from_cache). Progress counts users read;
// cancelling between pages answers ApiErrorKind::Cancelled.
api::Result<Fetched<std::vector<domain::User>>>
ListUsers(api::PlatformClient& client, store::Workspace& workspace,
          const domain::CancelTokenPtr& cancel = nullptr, domain::ProgressSink* progress = nullptr);

// The answer to a change of roles. On a stale version (412) `current` holds
// the user as the platform has it now, so the UI can show both and let the
// person decide; nothing was overwritten.
struct RolesOutcome : Outcome<domain::User> {
    std::optional<domain::User> current;
    bool Conflict() const { return current.has_value(); }
};

// PUT /partner/users/{id}/roles with If-Match `expected_version`. The roles
// are validated first (at least one; problems at /roles, nothing sent). The
// workspace audit log records the change when the platform accepts it.
RolesOutcome SetUserRoles(api::PlatformClient& client, store::Workspace& workspace,
                          std::int64_t user_id, domain::RoleSet roles,
                          std::int64_t expected_version,
                          const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
