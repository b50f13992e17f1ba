#include "store/audit_log.h"

#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

#include <limits>

namespace kpd::store {

std::int64_t LocalAuditLog::AppendOn(soci::session& sql, const NewAuditRecord& record) {
    NewAuditRecord r = record; // named, addressable copies for use()
    std::string at = NowUtcText();
    long long id = 0;
    // RETURNING works on both backends (SQLite 3.35+), so one statement
    // inserts and reports the id without a backend-specific "last id" call.
    sql << "INSERT INTO audit_log (happened_at, actor, platform_url, action, object_type, "
           "object_id, detail) "
           "VALUES (:at, :actor, :url, :action, :otype, :oid, :detail) RETURNING id",
        soci::use(at, "at"), soci::use(r.actor, "actor"), soci::use(r.platform_url, "url"),
        soci::use(r.action, "action"), soci::use(r.object_type, "otype"),
        soci::use(r.object_id, "oid"), soci::use(r.detail, "detail"), soci::into(id);
    return id;
}

std::int64_t LocalAuditLog::Append(const NewAuditRecord& record) {
    return Guarded("audit.append", [&] {
        soci::session sql(m_workspace.Pool());
        return AppendOn(sql, record);
    });
}

std::vector<AuditRecord> LocalAuditLog::ListNewest(int limit, std::int64_t before_id) {
    return Guarded("audit.list", [&] {
        soci::session sql(m_workspace.Pool());
        int lim = limit <= 0 ? 100 : limit;
        long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
        AuditRecord row;
        long long id = 0;
        soci::statement st =
            (sql.prepare << "SELECT id, happened_at, actor, platform_url, action, object_type, "
                            "object_id, detail "
                            "FROM audit_log WHERE id < :before ORDER BY id DESC LIMIT :lim",
             soci::into(id), soci::into(row.happened_at), soci::into(row.actor),
             soci::into(row.platform_url), soci::into(row.action), soci::into(row.object_type),
             soci::into(row.object_id), soci::into(row.detail), soci::use(before, "before"),
             soci::use(lim, "lim"));
        st.execute();
        std::vector<AuditRecord> out;
        while (st.fetch()) {
            row.id = id;
            out.push_back(row);
        }
        return out;
    });
}

} // namespace kpd::store
