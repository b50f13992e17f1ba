#include "store/asset_cache.h"

#include "store/sha256.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace kpd::store {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::string Base64Encode(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        for (int shift : {18, 12, 6, 0}) {
            out.push_back(kAlphabet[(n >> shift) & 0x3F]);
        }
    }
    std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t n = bytes[i] << 16;
        if (rest == 2) {
            n |= bytes[i + 1] << 8;
        }
        out.push_back(kAlphabet[(n >> 18) & 0x3F]);
        out.push_back(kAlphabet[(n >> 12) & 0x3F]);
        out.push_back(rest == 2 ? kAlphabet[(n >> 6) & 0x3F] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> Base64Decode(const std::string& text) {
    std::array<int, 256> value{};
    value.fill(-1);
    for (int k = 0; k < 64; ++k) {
        value[static_cast<unsigned char>(kAlphabet[k])] = k;
    }
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        bool last = i + 4 == text.size();
        int pad = 0;
        std::uint32_t n = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            char c = text[i + j];
            if (c == '=' && last && j >= 2) {
                ++pad;
                n <<= 6;
                continue;
            }
            int v = value[static_cast<unsigned char>(c)];
            if (v < 0 || pad > 0) {
                return std::nullopt;
            }
            n = (n << 6) | static_cast<std::uint32_t>(v);
        }
        out.push_back(static_cast<std::uint8_t>(n >> 16));
        if (pad < 2) {
            out.push_back(static_cast<std::uint8_t>((n >> 8) & 0xFF));
        }
        if (pad < 1) {
            out.push_back(static_cast<std::uint8_t>(n & 0xFF));
        }
    }
    return out;
}

void AssetCache::Put(const std::string& platform_url, const std::string& asset_id, const std::string& media_type,
                     const std::string& sha256, const std::vector<std::uint8_t>& bytes) {
    Guarded("asset_cache.put", [&] {
        std::string digest = Sha256Hex(bytes);
        if (Lower(sha256) != digest) {
            throw StoreError(StoreErrorKind::Constraint, "asset_cache.put",
                             "the bytes of asset " + asset_id + " do not match their sha256");
        }
        soci::session sql(m_workspace.Pool());
        std::string url = platform_url;
        std::string id = asset_id;
        std::string type = media_type;
        std::string content = Base64Encode(bytes);
        long long size = static_cast<long long>(bytes.size());
        std::string at = NowUtcText();
        sql << "INSERT INTO asset_cache (platform_url, asset_id, media_type, sha256, byte_count, content_base64, "
               "fetched_at) VALUES (:url, :id, :type, :sha, :size, :content, :at) "
               "ON CONFLICT (platform_url, asset_id) DO UPDATE SET media_type = excluded.media_type, "
               "sha256 = excluded.sha256, byte_count = excluded.byte_count, "
               "content_base64 = excluded.content_base64, fetched_at = excluded.fetched_at",
            soci::use(url, "url"), soci::use(id, "id"), soci::use(type, "type"), soci::use(digest, "sha"),
            soci::use(size, "size"), soci::use(content, "content"), soci::use(at, "at");
    });
}

std::optional<CachedAsset> AssetCache::Get(const std::string& platform_url, const std::string& asset_id) {
    return Guarded("asset_cache.get", [&]() -> std::optional<CachedAsset> {
        soci::session sql(m_workspace.Pool());
        std::string url = platform_url;
        std::string id = asset_id;
        CachedAsset asset;
        asset.asset_id = asset_id;
        std::string content;
        long long size = 0;
        sql << "SELECT media_type, sha256, byte_count, content_base64, fetched_at FROM asset_cache "
               "WHERE platform_url = :url AND asset_id = :id",
            soci::into(asset.media_type), soci::into(asset.sha256), soci::into(size), soci::into(content),
            soci::into(asset.fetched_at), soci::use(url, "url"), soci::use(id, "id");
        if (!sql.got_data()) {
            return std::nullopt;
        }
        auto bytes = Base64Decode(content);
        // A damaged copy is no copy: the caller fetches the bytes again.
        if (!bytes || static_cast<long long>(bytes->size()) != size || Sha256Hex(*bytes) != asset.sha256) {
            return std::nullopt;
        }
        asset.bytes = std::move(*bytes);
        return asset;
    });
}

std::int64_t AssetCache::Count(const std::string& platform_url) {
    return Guarded("asset_cache.count", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = platform_url;
        long long n = 0;
        sql << "SELECT COUNT(*) FROM asset_cache WHERE platform_url = :url", soci::into(n), soci::use(url, "url");
        return static_cast<std::int64_t>(n);
    });
}

} // namespace kpd::store
