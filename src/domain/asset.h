#pragma once
// An uploaded image (POST /assets) and the slots of the card screen it may fill.
#include "domain/problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

// JSON "logo", "banner", "promo", "background".
enum class ImageSlot { Logo, Banner, Promo, Background };

std::string_view ToString(ImageSlot slot);
std::optional<ImageSlot> ImageSlotFromString(std::string_view name);

inline constexpr std::int64_t kMaxAssetBytes = 2 * 1024 * 1024; // 2 MiB

struct AssetInfo {
    std::string id;         // the platform's id
    ImageSlot slot = ImageSlot::Logo;
    std::string media_type; // "image/png" or "image/jpeg"
    int width = 0;          // pixels, read from the bytes
    int height = 0;
    std::int64_t bytes = 0;
    std::string sha256;     // lower-case hex of the bytes; equal bytes share one asset

    friend bool operator==(const AssetInfo&, const AssetInfo&) = default;
};

// Problems with an image for a slot: media type, size in bytes, dimensions
// (logo at most 512×512; banner 1029×258 or the same ratio; …). `field` is
// the JSON pointer to report them at.
Problems ValidateAssetForSlot(const AssetInfo& asset, ImageSlot slot, const std::string& field);

} // namespace kpd::domain
