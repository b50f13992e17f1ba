#include "services/card_screen_image_check.h"

#include "domain/image_header.h"
#include "store/sha256.h"

#include <algorithm>
#include <iterator>

namespace kpd::services {

CheckedImage CheckImage(const std::vector<std::uint8_t>& bytes, domain::ImageSlot slot,
                        const std::string& field) {
    CheckedImage out;
    out.info.slot = slot;
    out.info.bytes = static_cast<std::int64_t>(bytes.size());
    out.info.sha256 = store::Sha256Hex(bytes);
    auto header = domain::InspectImage(bytes);
    if (!header.Ok()) {
        out.problems.push_back({field, "invalid_image", header.error});
        // Its size is still worth saying: a damaged 3 MiB file needs both fixes.
        auto rules = domain::ValidateAssetForSlot(out.info, slot, field);
        std::copy_if(rules.begin(), rules.end(), std::back_inserter(out.problems),
                     [](const domain::Problem& p) { return p.code == "image_too_large"; });
        return out;
    }
    out.info.media_type = header.media_type;
    out.info.width = header.width;
    out.info.height = header.height;
    out.problems = domain::ValidateAssetForSlot(out.info, slot, field);
    return out;
}

} // namespace kpd::services
