#pragma once
// PlatformCache: copies of platform data (partner profile, users, audit
// pages…) as JSON text, so the desk can show what it last saw when the
// platform is unreachable. Keyed by platform URL + partner id + kind + key,
// so two platforms or partners never see each other's data.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::store {

class Workspace;

struct CacheScope {
    std::string platform_url; // the client's base URL, e.g. "http://127.0.0.1:8080"
    std::int64_t partner_id = 0;
    std::string kind; // what the JSON is, e.g. "partner", "user", "audit"
};

struct CachedItem {
    std::string key;
    std::string json;
    std::string fetched_at; // RFC 3339 UTC, when the desk got it from the platform
};

class PlatformCache {
  public:
    explicit PlatformCache(Workspace& workspace) : m_workspace(workspace) {}

    // Inserts or overwrites one item; fetched_at is now.
    void Put(const CacheScope& scope, const std::string& key, const std::string& json);
    std::optional<CachedItem> Get(const CacheScope& scope, const std::string& key);

    // Replaces every item of the scope in one transaction, keeping their
    // order (a whole list fetched from the platform: users, an audit page…).
    void ReplaceAll(const CacheScope& scope,
                    const std::vector<std::pair<std::string, std::string>>& items);
    // The items of a scope in the order ReplaceAll stored them (empty when none).
    std::vector<CachedItem> List(const CacheScope& scope);

    // Forgets every item of the scope; returns how many were removed.
    std::int64_t Clear(const CacheScope& scope);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
