#include "store/card_screen_drafts.h"

#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

namespace kpd::store {

LocalCardScreenDraft CardScreenDrafts::Save(const DraftScope& scope, const std::string& json,
                                            std::int64_t base_version, const NewAuditRecord& audit) {
    return Guarded("card_screen_drafts.save", [&] {
        soci::session sql(m_workspace.Pool());
        LocalCardScreenDraft draft{json, base_version, NowUtcText(), audit.actor};
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        long long base = base_version;
        soci::transaction tr(sql);
        // Writing first takes SQLite's write lock before anything is read.
        sql << "INSERT INTO card_screen_drafts (platform_url, partner_id, json, base_version, saved_at, saved_by) "
               "VALUES (:url, :partner, :json, :base, :at, :by) "
               "ON CONFLICT (platform_url, partner_id) DO UPDATE SET json = excluded.json, "
               "base_version = excluded.base_version, saved_at = excluded.saved_at, saved_by = excluded.saved_by",
            soci::use(url, "url"), soci::use(partner, "partner"), soci::use(draft.json, "json"),
            soci::use(base, "base"), soci::use(draft.saved_at, "at"), soci::use(draft.saved_by, "by");
        LocalAuditLog::AppendOn(sql, audit);
        tr.commit();
        return draft;
    });
}

std::optional<LocalCardScreenDraft> CardScreenDrafts::Get(const DraftScope& scope) {
    return Guarded("card_screen_drafts.get", [&]() -> std::optional<LocalCardScreenDraft> {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        LocalCardScreenDraft draft;
        long long base = 0;
        sql << "SELECT json, base_version, saved_at, saved_by FROM card_screen_drafts "
               "WHERE platform_url = :url AND partner_id = :partner",
            soci::into(draft.json), soci::into(base), soci::into(draft.saved_at), soci::into(draft.saved_by),
            soci::use(url, "url"), soci::use(partner, "partner");
        if (!sql.got_data()) {
            return std::nullopt;
        }
        draft.base_version = base;
        return draft;
    });
}

bool CardScreenDrafts::Discard(const DraftScope& scope, const NewAuditRecord& audit) {
    return Guarded("card_screen_drafts.discard", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        soci::transaction tr(sql);
        soci::statement st = (sql.prepare << "DELETE FROM card_screen_drafts "
                                             "WHERE platform_url = :url AND partner_id = :partner",
                              soci::use(url, "url"), soci::use(partner, "partner"));
        st.execute(true);
        bool removed = st.get_affected_rows() > 0;
        if (removed) {
            LocalAuditLog::AppendOn(sql, audit);
        }
        tr.commit();
        return removed;
    });
}

} // namespace kpd::store
