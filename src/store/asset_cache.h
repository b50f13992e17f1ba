#pragma once
// AssetCache: the bytes of uploaded images (logos, banners…) by asset id, so
// the preview draws them without asking the platform again and offline. The
// platform names an asset's bytes by their SHA-256: Put refuses bytes that do
// not match it, and Get checks again, treating a damaged copy as absent.
// Bytes are kept as base64 text, which both backends store the same way.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure (and a Constraint one
// for bytes that do not match their sha256).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::store {

class Workspace;

struct CachedAsset {
    std::string asset_id;
    std::string media_type; // "image/png" or "image/jpeg"
    std::string sha256;     // lower-case hex of `bytes`
    std::vector<std::uint8_t> bytes;
    std::string fetched_at; // RFC 3339 UTC
};

class AssetCache {
  public:
    explicit AssetCache(Workspace& workspace) : m_workspace(workspace) {}

    // Inserts or replaces the bytes of `asset_id` on `platform_url`. Throws
    // StoreError(Constraint) when `sha256` (case-insensitive hex) is not the
    // bytes' own, and stores nothing.
    void Put(const std::string& platform_url, const std::string& asset_id, const std::string& media_type,
             const std::string& sha256, const std::vector<std::uint8_t>& bytes);
    // nullopt when absent, or when the stored bytes no longer match their sha256.
    std::optional<CachedAsset> Get(const std::string& platform_url, const std::string& asset_id);
    std::int64_t Count(const std::string& platform_url);

  private:
    Workspace& m_workspace;
};

// base64 (RFC 4648, padded) of bytes and back; Decode gives nullopt for text
// that is not base64. Exposed for tests.
std::string Base64Encode(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> Base64Decode(const std::string& text);

} // namespace kpd::store
