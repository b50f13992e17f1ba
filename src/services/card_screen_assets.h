#pragma once
// The card screen's images (pairs with the editor's image fields, the
// preview, and `partnerctl card-screen validate|put` with image files):
// checking an image for a slot before anything is sent, uploading it, and
// reading uploaded images' bytes through the workspace's asset cache.
//
// Thread affinity: a worker thread (CheckImage, card_screen_image_check.h: any thread).
// Throws store::StoreError only when the workspace fails.
#include "api/platform_client.h"
#include "domain/asset.h"
#include "domain/cancel_token.h"
#include "domain/card_screen.h"
#include "services/card_screen_image_check.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kpd::services {

// CheckImage first (problems: nothing sent), then POST /assets. The bytes go
// into the asset cache, and asset.uploaded is audited (also when the platform
// already had them: `created` false).
Outcome<api::UploadedAsset> UploadImage(api::PlatformClient& client, store::Workspace& workspace,
                                        domain::ImageSlot slot, const std::vector<std::uint8_t>& bytes,
                                        const std::string& field, const domain::CancelTokenPtr& cancel = nullptr);

// The bytes of an uploaded image: from the asset cache, else from the
// platform (checked against the sha256 it names, then cached).
api::Result<std::vector<std::uint8_t>> AssetBytes(api::PlatformClient& client, store::Workspace& workspace,
                                                  const std::string& asset_id,
                                                  const domain::CancelTokenPtr& cancel = nullptr);

// Every image a screen uses (logo, background, banners, promo blocks), for
// drawing it: the bytes by asset id, and the ids that could not be had.
struct ScreenImages {
    std::map<std::string, std::vector<std::uint8_t>> bytes;
    std::vector<std::pair<std::string, api::ApiError>> missing;
};
ScreenImages FetchScreenImages(api::PlatformClient& client, store::Workspace& workspace,
                               const domain::CardScreen& screen, const domain::CancelTokenPtr& cancel = nullptr);

// The asset ids a screen refers to, each once, in field order.
std::vector<std::string> AssetIdsOf(const domain::CardScreen& screen);

} // namespace kpd::services
