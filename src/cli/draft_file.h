#pragma once
// A card screen draft written by hand for `partnerctl card-screen
// validate|put FILE` (and `render FILE`): the JSON of PUT /card-screen/draft,
// where an image field (/theme/logo, /theme/background_image,
// /banners/N/asset, /promo_blocks/N/asset) may hold either an uploaded
// asset's id or the path of a local PNG/JPEG, relative to the JSON file.
// A value naming a local image is one that ends in .png, .jpg or .jpeg (any
// case) or contains a '/'; anything else is taken as an asset id.
// Main thread only (reads files).
#include "domain/asset.h"
#include "domain/card_screen.h"
#include "domain/problem.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kpd::cli {

struct DraftImage {
    std::string pointer;         // e.g. "/theme/logo"
    domain::ImageSlot slot = domain::ImageSlot::Logo;
    std::string value;           // as written in the file
    std::filesystem::path path;  // resolved against the file's folder
    std::vector<std::uint8_t> bytes; // empty when the file could not be read
};

struct DraftFile {
    std::optional<domain::CardScreen> screen; // nullopt when the JSON could not be read as a screen
    std::vector<DraftImage> images;           // the image fields holding local paths
    // Everything wrong, each at its JSON pointer: JSON shape, the domain's
    // rules, unreadable image files, and images the slot does not take.
    domain::Problems problems;
};

// Reads and checks `path` completely; never throws for the user's mistakes.
DraftFile ReadDraftFile(const std::string& path);

// Whether an image field's value names a local file rather than an asset id.
bool NamesLocalImage(const std::string& value);

// Puts asset ids in place of local paths: `ids` maps an image's pointer to the id.
void UseAssetIds(domain::CardScreen& screen, const std::map<std::string, std::string>& ids);

} // namespace kpd::cli
