#pragma once
// Checking an image for a card screen slot before anything is sent: what the
// bytes are (domain::InspectImage: a whole PNG or JPEG) and the slot's rules
// (domain::ValidateAssetForSlot). Pure, any thread; apart from the upload
// (card_screen_assets.h) so a reader of draft files needs no client.
#include "domain/asset.h"
#include "domain/problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kpd::services {

struct CheckedImage {
    domain::AssetInfo info;    // what the platform will make of it (no id yet): type, size, sha256
    domain::Problems problems; // at `field`; empty when the slot takes it
};

// Every problem at `field` ("/theme/logo", "/banners/2/asset"…).
CheckedImage CheckImage(const std::vector<std::uint8_t>& bytes, domain::ImageSlot slot,
                        const std::string& field);

} // namespace kpd::services
