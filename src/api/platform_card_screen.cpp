// PlatformClient's calls for the card screen (/card-screen) and its images
// (/assets). Lifecycle POSTs carry the caller's Idempotency-Key so that a
// retry after a lost answer never publishes twice; the draft PUT is guarded
// by If-Match instead (a replay of it is a 412, never a silent overwrite).
#include "api/error_mapping.h"
#include "api/platform_client.h"
#include "api/request_helpers.h"
#include "api/url.h"
#include "contract/card_screen_json.h"
#include "contract/endpoints.h"
#include "contract/json_parse.h"

namespace kpd::api {

namespace {

namespace ep = contract::endpoints;
using detail::Call;
using detail::JsonCall;
using detail::Unquote;
using detail::VersionFromETag;

// A state answer: the body, with `version` taken from the ETag when there is
// one (If-Match must echo what the platform tagged).
Result<domain::CardScreenState> ReadState(const Result<Response>& response) {
    auto state = ReadBody<domain::CardScreenState>(
        response, [](const nlohmann::json& json) { return contract::CardScreenStateFromJson(json); });
    if (state.Ok()) {
        if (auto tagged = VersionFromETag(response.Value())) {
            state.Value().version = *tagged;
        }
    }
    return state;
}

contract::Parsed<domain::AssetInfo> ReadAsset(const nlohmann::json& json) {
    return contract::AssetInfoFromJson(json);
}

} // namespace

Result<domain::CardScreenState> PlatformClient::GetCardScreen() {
    return ReadState(Send(Call("GET", ep::kCardScreen)));
}

Result<domain::CardScreenState> PlatformClient::PutCardScreenDraft(const domain::CardScreen& draft,
                                                                   std::int64_t expected_version) {
    Request r = JsonCall("PUT", ep::kCardScreenDraft, contract::ToJson(draft));
    r.if_match = ETagForVersion(expected_version);
    return ReadState(Send(r));
}

Result<domain::CardScreenState> PlatformClient::PublishCardScreen(std::int64_t expected_version,
                                                                  const std::string& idempotency_key) {
    Request r = JsonCall("POST", ep::kCardScreenPublish, nlohmann::json::object());
    r.if_match = ETagForVersion(expected_version);
    r.idempotency_key = idempotency_key;
    return ReadState(Send(r));
}

Result<contract::Page<domain::CardScreenVersion>> PlatformClient::ListCardScreenVersions(int limit,
                                                                                        const std::string& cursor) {
    std::string path = WithQuery(ep::kCardScreenVersions, {{"limit", std::to_string(limit)}, {"cursor", cursor}});
    return ReadBody<contract::Page<domain::CardScreenVersion>>(
        Send(Call("GET", path)),
        [](const nlohmann::json& json) { return contract::CardScreenVersionPageFromJson(json); });
}

Result<domain::CardScreenVersion> PlatformClient::GetCardScreenVersion(std::int64_t number) {
    return ReadBody<domain::CardScreenVersion>(
        Send(Call("GET", ep::CardScreenVersion(number))),
        [](const nlohmann::json& json) { return contract::CardScreenVersionFromJson(json); });
}

Result<domain::CardScreenState> PlatformClient::RollbackCardScreen(std::int64_t number,
                                                                   std::int64_t expected_version,
                                                                   const std::string& idempotency_key) {
    Request r = JsonCall("POST", ep::kCardScreenRollback, contract::ToJson(contract::RollbackRequest{number}));
    r.if_match = ETagForVersion(expected_version);
    r.idempotency_key = idempotency_key;
    return ReadState(Send(r));
}

Result<UploadedAsset> PlatformClient::UploadAsset(domain::ImageSlot slot, const std::vector<std::uint8_t>& bytes,
                                                  const std::string& media_type,
                                                  const std::string& idempotency_key) {
    Request r = Call("POST", WithQuery(ep::kAssets, {{"slot", std::string(domain::ToString(slot))}}));
    r.body.assign(bytes.begin(), bytes.end());
    r.headers["Content-Type"] = media_type;
    r.idempotency_key = idempotency_key;
    auto response = Send(r);
    auto info = ReadBody<domain::AssetInfo>(response, ReadAsset);
    if (!info.Ok()) {
        return info.Error();
    }
    return UploadedAsset{std::move(info.Value()), response.Value().status == 201};
}

Result<domain::AssetInfo> PlatformClient::GetAsset(const std::string& id) {
    return ReadBody<domain::AssetInfo>(Send(Call("GET", ep::Asset(PercentEncode(id)))), ReadAsset);
}

Result<AssetContent> PlatformClient::GetAssetContent(const std::string& id) {
    Request r = Call("GET", ep::AssetContent(PercentEncode(id)));
    r.headers["Accept"] = "image/png, image/jpeg";
    auto response = Send(r);
    if (!response.Ok()) {
        return response.Error();
    }
    const Response& answer = response.Value();
    AssetContent content;
    if (auto type = answer.headers.find("content-type"); type != answer.headers.end()) {
        content.media_type = type->second.substr(0, type->second.find(';'));
    }
    if (auto tag = answer.headers.find("etag"); tag != answer.headers.end()) {
        content.sha256 = Unquote(tag->second);
    }
    content.bytes.assign(answer.body.begin(), answer.body.end());
    return content;
}

std::optional<domain::CardScreenState> CurrentCardScreenOf(const ApiError& error) {
    if (error.kind != ApiErrorKind::PreconditionFailed || error.body.empty()) {
        return std::nullopt;
    }
    auto json = contract::ParseJsonOrDiscarded(error.body);
    if (json.is_discarded() || !json.is_object() || !json.contains("current")) {
        return std::nullopt;
    }
    auto parsed = contract::CardScreenStateFromJson(json["current"]);
    return parsed.Ok() ? parsed.value : std::nullopt;
}

} // namespace kpd::api
