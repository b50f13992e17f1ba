#pragma once
// The partner profile page (pairs with ui/partner/partner_profile_panel and
// `partnerctl partner show`).
//
// Thread affinity: a worker thread. Throws store::StoreError only when the
// workspace cannot be read while falling back to it.
#include "api/platform_client.h"
#include "domain/cancel_token.h"
#include "domain/partner.h"
#include "services/outcome.h"
#include "store/workspace.h"

namespace kpd::services {

// GET /partner, cached; offline it answers the cached copy (from_cache,
// cached_at, offline_error), as it does when the desk has no session but
// remembers one (offline_error "not_signed_in"). Offline with nothing cached:
// the error.
api::Result<Fetched<domain::Partner>>
LoadPartnerProfile(api::PlatformClient& client, store::Workspace& workspace,
                   const domain::CancelTokenPtr& cancel = nullptr);

} // namespace kpd::services
