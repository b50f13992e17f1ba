#include "services/card_screen_assets.h"

#include "domain/image_header.h"
#include "services/desk_context.h"
#include "services/outbox_delivery.h"
#include "store/sha256.h"

#include <algorithm>

namespace kpd::services {

Outcome<api::UploadedAsset> UploadImage(api::PlatformClient& client, store::Workspace& workspace,
                                        domain::ImageSlot slot, const std::vector<std::uint8_t>& bytes,
                                        const std::string& field, const domain::CancelTokenPtr& cancel) {
    auto checked = CheckImage(bytes, slot, field);
    if (!checked.problems.empty()) {
        return Outcome<api::UploadedAsset>::Invalid(std::move(checked.problems));
    }
    client.SetCancelToken(cancel);
    auto uploaded = client.UploadAsset(slot, bytes, checked.info.media_type, api::NewIdempotencyKey());
    if (!uploaded.Ok()) {
        auto out = Outcome<api::UploadedAsset>::Failure(uploaded.Error());
        // The platform's problems name no field of ours: put them at the image's.
        for (auto& p : out.problems) {
            if (p.field.empty() || p.field == "/") {
                p.field = field;
            }
        }
        if (out.problems.empty() && uploaded.Error().kind == api::ApiErrorKind::Validation) {
            out.problems.push_back({field, uploaded.Error().code, uploaded.Error().message});
        }
        return out;
    }
    const auto& asset = uploaded.Value();
    workspace.Assets().Put(client.Options().base_url, asset.info.id, asset.info.media_type, asset.info.sha256, bytes);
    auto context = CurrentContext(client, workspace);
    workspace.Audit().Append({context ? context->login : "", client.Options().base_url, "asset.uploaded", "asset",
                              asset.info.id,
                              std::string(asset.created ? "uploaded" : "already had") + " a " +
                                  std::string(domain::ToString(slot)) + " image " + std::to_string(asset.info.width) +
                                  "x" + std::to_string(asset.info.height) + ", sha256 " + asset.info.sha256});
    return Outcome<api::UploadedAsset>::Success(asset);
}

api::Result<std::vector<std::uint8_t>> AssetBytes(api::PlatformClient& client, store::Workspace& workspace,
                                                  const std::string& asset_id, const domain::CancelTokenPtr& cancel) {
    const std::string& platform = client.Options().base_url;
    if (auto cached = workspace.Assets().Get(platform, asset_id)) {
        return std::move(cached->bytes);
    }
    client.SetCancelToken(cancel);
    auto content = client.GetAssetContent(asset_id);
    if (!content.Ok()) {
        return content.Error();
    }
    auto& answer = content.Value();
    std::string digest = store::Sha256Hex(answer.bytes);
    if (!answer.sha256.empty() && answer.sha256 != digest) {
        api::ApiError e;
        e.kind = api::ApiErrorKind::BadResponse;
        e.http_status = 200;
        e.code = "asset_sha256_mismatch";
        e.message = "The bytes of asset " + asset_id + " do not match the sha256 the platform names";
        return e;
    }
    workspace.Assets().Put(platform, asset_id, answer.media_type, digest, answer.bytes);
    return std::move(answer.bytes);
}

std::vector<std::string> AssetIdsOf(const domain::CardScreen& screen) {
    std::vector<std::string> ids;
    auto add = [&](const std::optional<std::string>& id) {
        if (id && !id->empty() && std::find(ids.begin(), ids.end(), *id) == ids.end()) {
            ids.push_back(*id);
        }
    };
    add(screen.theme.background_image);
    add(screen.theme.logo);
    for (const auto& b : screen.banners) {
        add(b.asset);
    }
    for (const auto& p : screen.promo_blocks) {
        add(p.asset);
    }
    return ids;
}

ScreenImages FetchScreenImages(api::PlatformClient& client, store::Workspace& workspace,
                               const domain::CardScreen& screen, const domain::CancelTokenPtr& cancel) {
    ScreenImages out;
    for (const auto& id : AssetIdsOf(screen)) {
        auto bytes = AssetBytes(client, workspace, id, cancel);
        if (bytes.Ok()) {
            out.bytes.emplace(id, std::move(bytes.Value()));
        } else {
            out.missing.emplace_back(id, bytes.Error());
        }
    }
    return out;
}

} // namespace kpd::services
