#include "sandbox/audit_log.h"

#include "store/database.h"

#include <limits>

namespace kpd::sandbox {

std::int64_t AppendAudit(soci::session& db, std::int64_t partnerId, const domain::AuditEntry& e) {
    std::int64_t id = 0;
    std::string idValue = store::BackendOf(db) == store::Backend::Postgresql
                              ? "DEFAULT"
                              : "(SELECT COALESCE(MAX(entry_id), 0) + 1 FROM audit_entries)";
    db << "INSERT INTO audit_entries (partner_id, entry_id, at, actor_user_id, actor_login, "
          "client, action, "
          "object_type, object_id, detail) VALUES (:partner_id, " +
              idValue +
              ", :at, :actor_id, :actor_login, :client, :action, :object_type, :object_id, "
              ":detail) "
              "RETURNING entry_id",
        soci::into(id), soci::use(partnerId, "partner_id"), soci::use(e.at, "at"),
        soci::use(e.actor_user_id, "actor_id"), soci::use(e.actor_login, "actor_login"),
        soci::use(e.client, "client"), soci::use(e.action, "action"),
        soci::use(e.object_type, "object_type"), soci::use(e.object_id, "object_id"),
        soci::use(e.detail, "detail");
    return id;
}

std::vector<domain::AuditEntry> ListAudit(soci::session& db, std::int64_t partnerId,
                                          std::int64_t beforeId, int limit) {
    std::vector<domain::AuditEntry> out;
    std::int64_t before = beforeId > 0 ? beforeId : std::numeric_limits<std::int64_t>::max();
    domain::AuditEntry e;
    soci::statement st =
        (db.prepare
             << "SELECT entry_id, at, actor_user_id, actor_login, client, action, object_type, "
                "object_id, "
                "detail FROM audit_entries WHERE partner_id = :partner_id AND entry_id < :before "
                "ORDER BY entry_id DESC LIMIT :limit",
         soci::into(e.id), soci::into(e.at), soci::into(e.actor_user_id), soci::into(e.actor_login),
         soci::into(e.client), soci::into(e.action), soci::into(e.object_type),
         soci::into(e.object_id), soci::into(e.detail), soci::use(partnerId, "partner_id"),
         soci::use(before, "before"), soci::use(limit, "limit"));
    st.execute();
    while (st.fetch()) {
        out.push_back(e);
    }
    return out;
}

bool PartnerHasAudit(soci::session& db, std::int64_t partnerId) {
    int count = 0;
    db << "SELECT COUNT(*) FROM audit_entries WHERE partner_id = :partner_id", soci::into(count),
        soci::use(partnerId, "partner_id");
    return count > 0;
}

} // namespace kpd::sandbox
