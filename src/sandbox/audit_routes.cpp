// GET /v1/audit?limit&cursor: the partner's audit log, newest first (partner_admin).
#include "contract/audit_json.h"
#include "sandbox/audit_log.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

namespace kpd::sandbox {

namespace {
void ListAuditEntries(RequestContext& ctx) {
    auto query = ReadPageQuery(ctx.req, ctx.res, "audit");
    if (!query) {
        return;
    }
    // One row more than asked tells whether another page follows.
    auto entries =
        ListAudit(ctx.db, ctx.caller->partner_id, query->after.value_or(0), query->limit + 1);
    contract::Page<domain::AuditEntry> page;
    bool more = entries.size() > static_cast<std::size_t>(query->limit);
    if (more) {
        entries.pop_back();
    }
    page.items = std::move(entries);
    if (more && !page.items.empty()) {
        page.next_cursor = EncodeCursor("audit", page.items.back().id);
    }
    SendJson(ctx.res, 200, contract::PageToJson(page, [](const domain::AuditEntry& e) {
                 return contract::ToJson(e);
             }));
}
} // namespace

void AddAuditRoutes(Router& router) {
    router.Add(
        {"GET", "/v1/audit", Access::PartnerAdmin, Body::None, false, false, ListAuditEntries});
}

} // namespace kpd::sandbox
