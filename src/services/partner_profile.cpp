#include "services/partner_profile.h"

#include "contract/partner_json.h"
#include "services/cached_fetch.h"

namespace kpd::services {

api::Result<Fetched<domain::Partner>> LoadPartnerProfile(api::PlatformClient& client,
                                                         store::Workspace& workspace,
                                                         const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    return detail::FetchWithCache<domain::Partner>(
        workspace, CurrentContext(client, workspace), "partner", "self",
        [&] { return client.GetPartner(); },
        [](const domain::Partner& p) { return contract::ToJson(p); },
        [](const nlohmann::json& j) { return contract::PartnerFromJson(j).value; });
}

} // namespace kpd::services
