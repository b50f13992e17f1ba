#pragma once
// Publishing the card screen and its history (pairs with the publish
// confirmation, the versions dialog and `partnerctl card-screen
// publish|versions|rollback`): what a publish would change, the publish
// itself, the list of publications, one of them, and a rollback.
//
// Thread affinity: a worker thread, except PublishChanges (pure, any thread).
// Throws store::StoreError only when the workspace fails.
#include "api/platform_client.h"
#include "contract/card_screen_json.h"
#include "domain/cancel_token.h"
#include "domain/card_screen.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kpd::services {

// What publishing would change: DiffCardScreens(published, draft), against
// the default screen when nothing is published yet. nullopt without a draft.
std::optional<std::vector<contract::FieldChange>> PublishChanges(const domain::CardScreenState& state);

struct PublishPreview {
    domain::CardScreenState state; // what the changes were computed from (publish with state.version)
    std::vector<contract::FieldChange> changes;
};

// GET /card-screen, then PublishChanges; error Conflict "no_draft" when the
// platform has no draft to publish.
api::Result<PublishPreview> PreviewPublish(api::PlatformClient& client,
                                           const domain::CancelTokenPtr& cancel = nullptr);

struct StateOutcome : Outcome<domain::CardScreenState> {
    std::optional<domain::CardScreenState> current; // on 412: the platform's state now
    bool Conflict() const { return current.has_value(); }
};

// POST /card-screen/publish with If-Match `expected_version` and a fresh
// Idempotency-Key (kept for the retries of this call). Published: audited as
// card_screen.published, and a local draft equal to what was published is
// dropped. A 412 (someone else changed or published first) keeps the local
// draft and returns the platform's state.
StateOutcome PublishCardScreen(api::PlatformClient& client, store::Workspace& workspace,
                               std::int64_t expected_version, const domain::CancelTokenPtr& cancel = nullptr);

// The newest publications first, up to `max_entries`, read page by page.
api::Result<std::vector<domain::CardScreenVersion>>
ListCardScreenVersions(api::PlatformClient& client, int max_entries = 200,
                       const domain::CancelTokenPtr& cancel = nullptr);

// One publication with its screen.
api::Result<domain::CardScreenVersion> GetCardScreenVersion(api::PlatformClient& client, std::int64_t number,
                                                            const domain::CancelTokenPtr& cancel = nullptr);

// POST /card-screen/rollback: publishes version `number` again as a new
// publication (the draft stays); audited as card_screen.rolled_back. 412 as
// for publish; 404 for an unknown version.
StateOutcome RollbackCardScreen(api::PlatformClient& client, store::Workspace& workspace, std::int64_t number,
                                std::int64_t expected_version, const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
