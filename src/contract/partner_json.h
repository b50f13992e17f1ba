#pragma once
// GET /partner: the partner profile.
#include "contract/parsed.h"
#include "domain/partner.h"

#include <nlohmann/json.hpp>

namespace kpd::contract {

nlohmann::json ToJson(const domain::Partner& partner);
Parsed<domain::Partner> PartnerFromJson(const nlohmann::json& json);

} // namespace kpd::contract
