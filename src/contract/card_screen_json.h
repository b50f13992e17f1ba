#pragma once
// /card-screen and /assets: the card screen, its state, its versions, the
// rollback request, uploaded assets — and the field-by-field difference of
// two screens that the publish confirmation and the version diff show.
// Field names are the domain's (card_screen.h); enums use the domain's
// ToString names. Reading collects every problem at its JSON pointer.
#include "contract/page.h"
#include "contract/parsed.h"
#include "domain/asset.h"
#include "domain/card_screen.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kpd::contract {

nlohmann::json ToJson(const domain::CardScreen& screen);
std::optional<domain::CardScreen> CardScreenFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                     const std::string& pointer = "");
Parsed<domain::CardScreen> CardScreenFromJson(const nlohmann::json& json);

// {draft, published, version, published_version}; draft/published are null when absent.
nlohmann::json ToJson(const domain::CardScreenState& state);
Parsed<domain::CardScreenState> CardScreenStateFromJson(const nlohmann::json& json);

// A version without its screen is a list entry ({number, published_at,
// published_by, rolled_back_from}); with it, the answer of GET …/versions/{n}.
nlohmann::json ToJson(const domain::CardScreenVersion& version, bool with_screen);
std::optional<domain::CardScreenVersion> CardScreenVersionFromJson(const nlohmann::json& json,
                                                                   domain::Problems& problems,
                                                                   const std::string& pointer = "");
Parsed<domain::CardScreenVersion> CardScreenVersionFromJson(const nlohmann::json& json);
Parsed<Page<domain::CardScreenVersion>> CardScreenVersionPageFromJson(const nlohmann::json& json);

// POST /card-screen/rollback body.
struct RollbackRequest {
    std::int64_t version = 0;
};
nlohmann::json ToJson(const RollbackRequest& request);
Parsed<RollbackRequest> RollbackRequestFromJson(const nlohmann::json& json);

// {id, slot, media_type, width, height, bytes, sha256}.
nlohmann::json ToJson(const domain::AssetInfo& asset);
std::optional<domain::AssetInfo> AssetInfoFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                   const std::string& pointer = "");
Parsed<domain::AssetInfo> AssetInfoFromJson(const nlohmann::json& json);

// One changed leaf between two screens' JSON: `pointer` names the field
// ("/theme/text_color", "/banners/2/title"); `before`/`after` are absent when
// the field (or array element) was added or removed. Ordered by pointer.
struct FieldChange {
    std::string pointer;
    std::optional<nlohmann::json> before;
    std::optional<nlohmann::json> after;
};
std::vector<FieldChange> DiffCardScreens(const domain::CardScreen& before, const domain::CardScreen& after);

} // namespace kpd::contract
