// GET /v1/partner: the caller's partner profile, for any role.
#include "contract/partner_json.h"
#include "sandbox/http_util.h"
#include "sandbox/partner_repository.h"
#include "sandbox/routes.h"

namespace kpd::sandbox {

namespace {
void GetPartner(RequestContext& ctx) {
    auto partner = FindPartner(ctx.db, ctx.caller->partner_id);
    if (!partner) {
        SendProblem(ctx.res, 404, "not_found", "the partner does not exist");
        return;
    }
    SendJson(ctx.res, 200, contract::ToJson(*partner));
}
} // namespace

void AddPartnerRoutes(Router& router) {
    router.Add({"GET", "/v1/partner", Access::AnyRole, Body::None, false, false, GetPartner});
}

} // namespace kpd::sandbox
