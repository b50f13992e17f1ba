#include "store/platform_cache.h"

#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

namespace kpd::store {

namespace {

// An upsert both backends understand (SQLite 3.24+, PostgreSQL 9.5+).
constexpr const char* kUpsert = "INSERT INTO platform_cache (platform_url, partner_id, kind, "
                                "cache_key, ordinal, json, fetched_at) "
                                "VALUES (:url, :partner, :kind, :key, :ordinal, :json, :at) "
                                "ON CONFLICT (platform_url, partner_id, kind, cache_key) "
                                "DO UPDATE SET ordinal = excluded.ordinal, json = excluded.json, "
                                "fetched_at = excluded.fetched_at";

void Upsert(soci::session& sql, const CacheScope& scope, const std::string& key, int ordinal,
            const std::string& json, const std::string& at) {
    std::string url = scope.platform_url;
    long long partner = scope.partner_id;
    std::string kind = scope.kind;
    std::string cacheKey = key;
    std::string text = json;
    std::string fetchedAt = at;
    sql << kUpsert, soci::use(url, "url"), soci::use(partner, "partner"), soci::use(kind, "kind"),
        soci::use(cacheKey, "key"), soci::use(ordinal, "ordinal"), soci::use(text, "json"),
        soci::use(fetchedAt, "at");
}

} // namespace

void PlatformCache::Put(const CacheScope& scope, const std::string& key, const std::string& json) {
    Guarded("cache.put", [&] {
        soci::session sql(m_workspace.Pool());
        Upsert(sql, scope, key, 0, json, NowUtcText());
    });
}

std::optional<CachedItem> PlatformCache::Get(const CacheScope& scope, const std::string& key) {
    return Guarded("cache.get", [&]() -> std::optional<CachedItem> {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        std::string kind = scope.kind;
        std::string cacheKey = key;
        CachedItem item;
        item.key = key;
        sql << "SELECT json, fetched_at FROM platform_cache "
               "WHERE platform_url = :url AND partner_id = :partner AND kind = :kind AND cache_key "
               "= :key",
            soci::into(item.json), soci::into(item.fetched_at), soci::use(url, "url"),
            soci::use(partner, "partner"), soci::use(kind, "kind"), soci::use(cacheKey, "key");
        if (!sql.got_data()) {
            return std::nullopt;
        }
        return item;
    });
}

void PlatformCache::ReplaceAll(const CacheScope& scope,
                               const std::vector<std::pair<std::string, std::string>>& items) {
    Guarded("cache.replace_all", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        std::string kind = scope.kind;
        std::string at = NowUtcText();
        soci::transaction tr(sql);
        // The DELETE comes first so the SQLite transaction takes the write lock
        // before reading anything (a read-then-write one could fail as busy).
        sql << "DELETE FROM platform_cache WHERE platform_url = :url AND partner_id = :partner AND "
               "kind = :kind",
            soci::use(url, "url"), soci::use(partner, "partner"), soci::use(kind, "kind");
        int ordinal = 0;
        for (const auto& [key, json] : items) {
            Upsert(sql, scope, key, ordinal++, json, at);
        }
        tr.commit();
    });
}

std::vector<CachedItem> PlatformCache::List(const CacheScope& scope) {
    return Guarded("cache.list", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        std::string kind = scope.kind;
        CachedItem row;
        soci::statement st =
            (sql.prepare << "SELECT cache_key, json, fetched_at FROM platform_cache "
                            "WHERE platform_url = :url AND partner_id = :partner AND kind = :kind "
                            "ORDER BY ordinal, cache_key",
             soci::into(row.key), soci::into(row.json), soci::into(row.fetched_at),
             soci::use(url, "url"), soci::use(partner, "partner"), soci::use(kind, "kind"));
        st.execute();
        std::vector<CachedItem> out;
        while (st.fetch()) {
            out.push_back(row);
        }
        return out;
    });
}

std::int64_t PlatformCache::Clear(const CacheScope& scope) {
    return Guarded("cache.clear", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = scope.platform_url;
        long long partner = scope.partner_id;
        std::string kind = scope.kind;
        soci::statement st =
            (sql.prepare << "DELETE FROM platform_cache "
                            "WHERE platform_url = :url AND partner_id = :partner AND kind = :kind",
             soci::use(url, "url"), soci::use(partner, "partner"), soci::use(kind, "kind"));
        st.execute(true);
        return static_cast<std::int64_t>(st.get_affected_rows());
    });
}

} // namespace kpd::store
