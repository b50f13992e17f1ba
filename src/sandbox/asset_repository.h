#pragma once
// Uploaded images (POST /assets) in the sandbox database: their description
// and their bytes, scoped by partner. An asset is identified by partner, slot
// and the SHA-256 of its bytes: the same file uploaded again for the same
// slot is the same asset. Functions take the caller's session and never open
// transactions of their own.
#include "domain/asset.h"
#include "domain/card_screen_rules.h"

#include <optional>
#include <soci/soci.h>
#include <string>

namespace kpd::sandbox {

// The id the platform gives the bytes with `sha256` in `slot` of a partner:
// derived from all three, so it names the content, never a guess at another
// partner's asset ("ast_" and 24 hex digits).
std::string AssetIdFor(std::int64_t partnerId, domain::ImageSlot slot, const std::string& sha256);

std::optional<domain::AssetInfo> FindAsset(soci::session& db, std::int64_t partnerId,
                                           const std::string& assetId);
std::optional<domain::AssetInfo> FindAssetByContent(soci::session& db, std::int64_t partnerId,
                                                    domain::ImageSlot slot,
                                                    const std::string& sha256);

// The asset's bytes; nullopt when the partner has no such asset.
std::optional<std::string> FindAssetContent(soci::session& db, std::int64_t partnerId,
                                            const std::string& assetId);

// Stores `asset` (its id already set) with its bytes. The same partner, slot
// and sha256 again throws a unique violation.
void InsertAsset(soci::session& db, std::int64_t partnerId, const domain::AssetInfo& asset,
                 const std::string& content, const std::string& createdAt);

// The partner's assets as the card screen rules look them up. The lookup
// uses `db`, so it must not outlive the request that made it.
domain::AssetLookup AssetLookupFor(soci::session& db, std::int64_t partnerId);

} // namespace kpd::sandbox
