#include "domain/asset.h"

#include <array>
#include <utility>

namespace kpd::domain {

namespace {
constexpr std::array<std::pair<ImageSlot, std::string_view>, 4> kSlotNames{{{ImageSlot::Logo, "logo"},
                                                                            {ImageSlot::Banner, "banner"},
                                                                            {ImageSlot::Promo, "promo"},
                                                                            {ImageSlot::Background, "background"}}};

// The app lays each slot out at a fixed shape; images far from it would be
// cropped or blurred on phones, so the platform refuses them (see the brief's table).
struct SlotShape {
    int min_width, max_width;
    double min_ratio, max_ratio; // width / height
    const char* wording;
};

SlotShape ShapeOf(ImageSlot slot) {
    switch (slot) {
    case ImageSlot::Logo: return {128, 1024, 1.0, 1.0, "a square of 128-1024 px"};
    case ImageSlot::Banner: return {600, 2400, 3.8, 4.2, "600-2400 px wide at a 4:1 ratio (e.g. 1029x258)"};
    case ImageSlot::Promo: return {300, 2000, 1.0, 2.0, "300-2000 px wide, 1:1 to 2:1"};
    case ImageSlot::Background: return {720, 2400, 0.0, 1.0, "720-2400 px wide and at least as tall as wide"};
    }
    return {0, 0, 0, 0, ""};
}
} // namespace

std::string_view ToString(ImageSlot slot) {
    for (const auto& [s, name] : kSlotNames) {
        if (s == slot) {
            return name;
        }
    }
    return {};
}

std::optional<ImageSlot> ImageSlotFromString(std::string_view name) {
    for (const auto& [s, n] : kSlotNames) {
        if (n == name) {
            return s;
        }
    }
    return std::nullopt;
}

Problems ValidateAssetForSlot(const AssetInfo& asset, ImageSlot slot, const std::string& field) {
    Problems problems;
    if (asset.media_type != "image/png" && asset.media_type != "image/jpeg") {
        problems.push_back({field, "unsupported_media_type", "the image must be PNG or JPEG"});
    }
    if (asset.bytes > kMaxAssetBytes) {
        problems.push_back({field, "image_too_large",
                            "the image is " + std::to_string(asset.bytes) + " bytes; at most 2 MiB (" +
                                std::to_string(kMaxAssetBytes) + " bytes) is allowed"});
    }
    const SlotShape shape = ShapeOf(slot);
    const bool sized = asset.width > 0 && asset.height > 0;
    const double ratio = sized ? static_cast<double>(asset.width) / asset.height : 0.0;
    // A little slack on ratios: 1029x258 is 3.988, and square logos must be exactly square.
    if (!sized || asset.width < shape.min_width || asset.width > shape.max_width || ratio < shape.min_ratio - 1e-9 ||
        ratio > shape.max_ratio + 1e-9) {
        problems.push_back({field, "image_dimensions",
                            "a " + std::string(ToString(slot)) + " image must be " + shape.wording + "; this one is " +
                                std::to_string(asset.width) + "x" + std::to_string(asset.height)});
    }
    return problems;
}

} // namespace kpd::domain
