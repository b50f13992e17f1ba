#pragma once
// Editing the card screen (pairs with ui/card_screen/card_screen_panel and
// `partnerctl card-screen get|put`): what the platform has, the draft kept in
// the workspace, and pushing that draft to the platform. A push carries the
// version the edit started from (If-Match); when someone else changed the
// screen meanwhile the outcome is a conflict holding both the user's draft
// and the platform's state, and nothing is overwritten until the user
// chooses (push again from the platform's version, or discard).
//
// Thread affinity: a worker thread. Throws store::StoreError only when the
// workspace fails.
#include "api/platform_client.h"
#include "domain/cancel_token.h"
#include "domain/card_screen.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kpd::services {

// The draft this workspace keeps for the signed-in platform and partner.
struct LocalDraft {
    domain::CardScreen screen;
    std::int64_t base_version = 0; // the platform's version the edit started from
    std::string saved_at;          // RFC 3339 UTC
    std::string saved_by;          // login
};

struct LoadedCardScreen {
    Fetched<domain::CardScreenState> platform; // from the cache (from_cache) when offline
    std::optional<LocalDraft> local;
    // The local draft was edited from an older version than the platform's:
    // pushing it will be a conflict unless the user merges first.
    bool LocalDraftIsStale() const { return local && local->base_version != platform.value.version; }
};

// GET /card-screen (cached for offline use) and the workspace's draft.
// Without any session, current or remembered, the error is "not_signed_in".
api::Result<LoadedCardScreen> LoadCardScreen(api::PlatformClient& client, store::Workspace& workspace,
                                             const domain::CancelTokenPtr& cancel = nullptr);

// The workspace's draft alone (no platform call); nullopt when there is none
// or no session is known.
std::optional<LocalDraft> LocalCardScreenDraft(api::PlatformClient& client, store::Workspace& workspace);

// Keeps `screen` as the local draft (replacing any), edited from
// `base_version`; audited as card_screen.draft_saved_locally. Not validated:
// a draft may be half done. Error "not_signed_in" without any session.
Outcome<LocalDraft> SaveLocalDraft(api::PlatformClient& client, store::Workspace& workspace,
                                   const domain::CardScreen& screen, std::int64_t base_version);

// Forgets the local draft (the user took the platform's version); audited.
// False when there was none.
bool DiscardLocalDraft(api::PlatformClient& client, store::Workspace& workspace);

struct PushOutcome : Outcome<domain::CardScreenState> {
    // On 412: the platform's state now, and the draft the user tried to push
    // (still kept in the workspace).
    std::optional<domain::CardScreenState> current;
    std::optional<domain::CardScreen> mine;
    bool Conflict() const { return current.has_value(); }
};

// Validates `screen` (domain rules; problems at their pointers, nothing
// sent), keeps it as the local draft, then PUT /card-screen/draft with
// If-Match `base_version`. Accepted: the local draft is dropped (the
// platform holds it now) and card_screen.draft_saved is audited. Refused
// (412, 422, offline…): the local draft stays.
PushOutcome PushDraft(api::PlatformClient& client, store::Workspace& workspace, const domain::CardScreen& screen,
                      std::int64_t base_version, const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
