// /v1/assets: images for the card screen, uploaded as raw bytes by marketing
// and partner_admin and read by every role. What an upload is comes from its
// bytes alone (domain::InspectImage): the declared Content-Type must agree
// with them, and the slot's rules are checked on the dimensions read there.
// Nothing is stored on any error; the same bytes for the same slot answer
// the asset already stored.
#include "contract/card_screen_json.h"
#include "contract/endpoints.h"
#include "domain/image_header.h"
#include "sandbox/asset_repository.h"
#include "sandbox/crypto.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

#include <algorithm>
#include <cctype>
#include <span>

namespace kpd::sandbox {

namespace {
const char* kAssetPath = R"(/v1/assets/([A-Za-z0-9_-]{1,64}))";

// "image/png; charset=…" -> "image/png", lower case.
std::string MediaTypeOf(const std::string& contentType) {
    std::string type = contentType.substr(0, contentType.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(),
                              [](unsigned char c) { return std::isspace(c) != 0; }),
               type.end());
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

std::string Describe(const domain::AssetInfo& a) {
    return std::string(domain::ToString(a.slot)) + " " + a.media_type + " " +
           std::to_string(a.width) + "x" + std::to_string(a.height) + ", " +
           std::to_string(a.bytes) + " bytes";
}

void UploadAsset(RequestContext& ctx) {
    const std::string slotName = ctx.req.get_param_value("slot");
    auto slot = domain::ImageSlotFromString(slotName);
    if (!slot) {
        const char* words = "slot must be one of logo, banner, promo, background";
        SendProblem(ctx.res, 400, "invalid_parameter", words, {{"slot", "unknown_slot", words}});
        return;
    }
    const std::string& bytes = ctx.req.body;
    if (static_cast<std::int64_t>(bytes.size()) > domain::kMaxAssetBytes) {
        SendProblem(ctx.res, 413, "payload_too_large",
                    "an image may have at most " + std::to_string(domain::kMaxAssetBytes) +
                        " bytes; this one has " + std::to_string(bytes.size()));
        return;
    }
    const std::string declared = MediaTypeOf(ctx.req.get_header_value("Content-Type"));
    if (declared != "image/png" && declared != "image/jpeg") {
        SendProblem(ctx.res, 415, "unsupported_media_type",
                    "send the image as image/png or image/jpeg");
        return;
    }
    auto header = domain::InspectImage(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    if (!header.Ok()) {
        SendProblem(ctx.res, 422, "invalid_image", "the bytes are not a whole image: " + header.error);
        return;
    }
    if (header.media_type != declared) {
        SendProblem(ctx.res, 422, "invalid_image",
                    "the bytes are " + header.media_type + ", not the declared " + declared);
        return;
    }
    domain::AssetInfo asset;
    asset.slot = *slot;
    asset.media_type = header.media_type;
    asset.width = header.width;
    asset.height = header.height;
    asset.bytes = static_cast<std::int64_t>(bytes.size());
    asset.sha256 = Sha256Hex(bytes);
    asset.id = AssetIdFor(ctx.caller->partner_id, asset.slot, asset.sha256);
    // The body as a whole is what does not fit the slot: problems at "".
    auto problems = domain::ValidateAssetForSlot(asset, asset.slot, "");
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed",
                    "the image does not fit the " + slotName + " slot", problems);
        return;
    }
    // Two racing uploads of one file: the loser's insert breaks the unique
    // index, the router runs this again, and it answers the winner's asset here.
    if (auto existing = FindAssetByContent(ctx.db, ctx.caller->partner_id, asset.slot,
                                           asset.sha256)) {
        SendJson(ctx.res, 200, contract::ToJson(*existing));
        return;
    }
    InsertAsset(ctx.db, ctx.caller->partner_id, asset, bytes, ctx.NowText());
    ctx.Audit("asset.uploaded", "asset", asset.id, "uploaded " + Describe(asset));
    ctx.res.set_header("Location", contract::endpoints::Asset(asset.id));
    SendJson(ctx.res, 201, contract::ToJson(asset));
}

void GetAsset(RequestContext& ctx) {
    auto asset = FindAsset(ctx.db, ctx.caller->partner_id, ctx.match[1].str());
    if (!asset) {
        SendProblem(ctx.res, 404, "not_found", "no such asset");
        return;
    }
    SendJson(ctx.res, 200, contract::ToJson(*asset));
}

void GetAssetContent(RequestContext& ctx) {
    const std::string id = ctx.match[1].str();
    auto asset = FindAsset(ctx.db, ctx.caller->partner_id, id);
    auto content = asset ? FindAssetContent(ctx.db, ctx.caller->partner_id, id) : std::nullopt;
    if (!content) {
        SendProblem(ctx.res, 404, "not_found", "no such asset");
        return;
    }
    // The bytes never change under an id: their hash is a strong ETag.
    ctx.res.set_header("ETag", "\"" + asset->sha256 + "\"");
    ctx.res.status = 200;
    ctx.res.set_content(*content, asset->media_type);
}
} // namespace

void AddAssetRoutes(Router& router) {
    router.Add({"POST", contract::endpoints::kAssets, Access::CardEditor, Body::Raw, true, true,
                UploadAsset});
    router.Add({"GET", kAssetPath, Access::AnyRole, Body::None, false, false, GetAsset});
    router.Add({"GET", std::string(kAssetPath) + "/content", Access::AnyRole, Body::None, false,
                false, GetAssetContent});
}

} // namespace kpd::sandbox
