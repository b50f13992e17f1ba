#pragma once
// The rules a card screen must keep before it is saved or published, shared
// by the desk (checked on every edit) and the sandbox (enforced on PUT and
// publish). Every problem carries the JSON pointer of its field in the
// `PUT /card-screen/draft` body, e.g. "/banners/5", "/theme/text_color",
// "/questions/1/options".
#include "domain/asset.h"
#include "domain/card_screen.h"
#include "domain/problem.h"

#include <functional>
#include <optional>
#include <string_view>

namespace kpd::domain {

// Finds an uploaded asset by id; nullopt when the partner has no such asset.
using AssetLookup = std::function<std::optional<AssetInfo>(std::string_view id)>;

// Every problem with the screen: colours and their WCAG AA contrast (text on
// background ≥ 4.5:1), images (known asset, right slot, size and type),
// barcode and dynamic-code settings, balance label, progress levels
// (thresholds strictly increasing, discounts 0–10000 bp, names non-empty),
// counts (≤ 5 banners, ≤ 5 promo blocks, ≤ 3 questions), CTA targets
// (https only for URLs and the shop, a custom scheme for app links, never
// javascript:, data:, file: …), links, questions (text non-empty, choices with
// 2–10 distinct non-empty options, none on other kinds).
// Without a lookup, asset ids are only checked to be non-empty.
Problems ValidateCardScreen(const CardScreen& screen, const AssetLookup& assets = {});

// An https URL with a host (what a CTA of kind url/shop and the links accept).
bool IsHttpsUrl(std::string_view url);

// A deep link into an app: "scheme://…" whose scheme is not http(s) and not
// one a browser would run (javascript, data, file, vbscript, about, blob).
bool IsAppDeepLink(std::string_view url);

// Whether `card_number` can be drawn as `type` (digits and length for EAN-8,
// EAN-13, UPC-A; printable ASCII for Code 128; anything for QR).
bool FitsBarcode(BarcodeType type, std::string_view card_number);

} // namespace kpd::domain
