#include "sandbox/asset_repository.h"

#include "sandbox/crypto.h"
#include "store/database.h"

#include <stdexcept>

namespace kpd::sandbox {

namespace {
const char* kAssetColumns = "asset_id, slot, media_type, width, height, bytes, sha256";

struct AssetRow {
    std::string id, slot, media_type, sha256;
    int width = 0, height = 0;
    std::int64_t bytes = 0;

    domain::AssetInfo ToAsset() const {
        domain::AssetInfo a;
        a.id = id;
        auto known = domain::ImageSlotFromString(slot);
        if (!known) {
            // The column's CHECK allows only the four slots; anything else is a broken database.
            throw std::runtime_error("asset " + id + " has an unknown slot " + slot);
        }
        a.slot = *known;
        a.media_type = media_type;
        a.width = width;
        a.height = height;
        a.bytes = bytes;
        a.sha256 = sha256;
        return a;
    }
};

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    throw std::runtime_error("the database answered a non-hex digit for an asset's bytes");
}

std::string FromHex(const std::string& hex) {
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<char>(HexValue(hex[i]) * 16 + HexValue(hex[i + 1])));
    }
    return out;
}

std::string ToHex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 0x0f]);
    }
    return out;
}
} // namespace

std::string AssetIdFor(std::int64_t partnerId, domain::ImageSlot slot, const std::string& sha256) {
    auto digest = Sha256Hex(std::to_string(partnerId) + ":" + std::string(domain::ToString(slot)) +
                            ":" + sha256);
    return "ast_" + digest.substr(0, 24);
}

std::optional<domain::AssetInfo> FindAsset(soci::session& db, std::int64_t partnerId,
                                           const std::string& assetId) {
    AssetRow r;
    db << "SELECT " << kAssetColumns
       << " FROM assets WHERE partner_id = :partner_id AND asset_id = :asset_id",
        soci::into(r.id), soci::into(r.slot), soci::into(r.media_type), soci::into(r.width),
        soci::into(r.height), soci::into(r.bytes), soci::into(r.sha256),
        soci::use(partnerId, "partner_id"), soci::use(assetId, "asset_id");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return r.ToAsset();
}

std::optional<domain::AssetInfo> FindAssetByContent(soci::session& db, std::int64_t partnerId,
                                                    domain::ImageSlot slot,
                                                    const std::string& sha256) {
    AssetRow r;
    std::string slotName(domain::ToString(slot));
    db << "SELECT " << kAssetColumns
       << " FROM assets WHERE partner_id = :partner_id AND slot = :slot AND sha256 = :sha256",
        soci::into(r.id), soci::into(r.slot), soci::into(r.media_type), soci::into(r.width),
        soci::into(r.height), soci::into(r.bytes), soci::into(r.sha256),
        soci::use(partnerId, "partner_id"), soci::use(slotName, "slot"),
        soci::use(sha256, "sha256");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return r.ToAsset();
}

std::optional<std::string> FindAssetContent(soci::session& db, std::int64_t partnerId,
                                            const std::string& assetId) {
    // Both backends answer the bytes as hex text: SOCI 4.0 binds PostgreSQL's
    // bytea only as text, and hex is the one spelling both databases share.
    std::string hex;
    std::string expression = store::BackendOf(db) == store::Backend::Postgresql
                                 ? "encode(content, 'hex')"
                                 : "hex(content)";
    db << "SELECT " << expression
       << " FROM assets WHERE partner_id = :partner_id AND asset_id = :asset_id",
        soci::into(hex), soci::use(partnerId, "partner_id"), soci::use(assetId, "asset_id");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return FromHex(hex);
}

void InsertAsset(soci::session& db, std::int64_t partnerId, const domain::AssetInfo& asset,
                 const std::string& content, const std::string& createdAt) {
    std::string slot(domain::ToString(asset.slot));
    std::int64_t bytes = asset.bytes;
    int width = asset.width, height = asset.height;
    // SQLite keeps a bound string's every byte (NULs too) and CAST makes it a
    // BLOB; PostgreSQL takes the bytes as hex text and decodes them itself.
    bool pg = store::BackendOf(db) == store::Backend::Postgresql;
    std::string value = pg ? ToHex(content) : content;
    std::string expression = pg ? "decode(:content, 'hex')" : "CAST(:content AS BLOB)";
    db << "INSERT INTO assets (partner_id, asset_id, slot, media_type, width, height, bytes, "
          "sha256, content, created_at) VALUES (:partner_id, :asset_id, :slot, :media_type, "
          ":width, :height, :bytes, :sha256, " +
              expression + ", :created_at)",
        soci::use(partnerId, "partner_id"), soci::use(asset.id, "asset_id"),
        soci::use(slot, "slot"), soci::use(asset.media_type, "media_type"),
        soci::use(width, "width"), soci::use(height, "height"), soci::use(bytes, "bytes"),
        soci::use(asset.sha256, "sha256"), soci::use(value, "content"),
        soci::use(createdAt, "created_at");
}

domain::AssetLookup AssetLookupFor(soci::session& db, std::int64_t partnerId) {
    return [&db, partnerId](std::string_view id) {
        return FindAsset(db, partnerId, std::string(id));
    };
}

} // namespace kpd::sandbox
