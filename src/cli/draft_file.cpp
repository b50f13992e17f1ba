#include "cli/draft_file.h"

#include "contract/card_screen_json.h"
#include "contract/json_parse.h"
#include "domain/card_screen_rules.h"
#include "services/bounded_file.h"
#include "services/card_screen_image_check.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <functional>
#include <iterator>

namespace kpd::cli {

namespace {

bool EndsWithNoCase(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) {
        return false;
    }
    return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

// Every image field of a screen with its pointer and slot, for reading or replacing.
void ForEachImage(domain::CardScreen& screen,
                  const std::function<void(const std::string&, domain::ImageSlot, std::optional<std::string>&)>& visit) {
    using domain::ImageSlot;
    visit("/theme/logo", ImageSlot::Logo, screen.theme.logo);
    visit("/theme/background_image", ImageSlot::Background, screen.theme.background_image);
    for (std::size_t i = 0; i < screen.banners.size(); ++i) {
        visit("/banners/" + std::to_string(i) + "/asset", ImageSlot::Banner, screen.banners[i].asset);
    }
    for (std::size_t i = 0; i < screen.promo_blocks.size(); ++i) {
        visit("/promo_blocks/" + std::to_string(i) + "/asset", ImageSlot::Promo, screen.promo_blocks[i].asset);
    }
}

} // namespace

bool NamesLocalImage(const std::string& value) {
    return value.find('/') != std::string::npos || EndsWithNoCase(value, ".png") || EndsWithNoCase(value, ".jpg") ||
           EndsWithNoCase(value, ".jpeg");
}

DraftFile ReadDraftFile(const std::string& path) {
    DraftFile out;
    const auto file = services::ReadBoundedFile(path, services::kMaxBodyFileBytes);
    if (!file.Ok()) {
        out.problems.push_back(services::RefusalProblem(file, path, services::kMaxBodyFileBytes));
        return out;
    }
    const std::string text = file.Text();
    auto read = contract::ParseJson(text);
    if (!read.Ok()) {
        const bool deep = read.failure == contract::JsonParseFailure::TooDeep;
        out.problems.push_back(
            {"", deep ? "too_deep" : "malformed_json",
             path + (deep ? " is " : " is not JSON: ") + contract::DescribeJsonFailure(read)});
        return out;
    }
    const nlohmann::json json = std::move(read.value);
    auto parsed = contract::CardScreenFromJson(json);
    out.problems = parsed.problems;
    if (!parsed.value) {
        return out;
    }
    domain::CardScreen screen = std::move(*parsed.value);

    const auto folder = std::filesystem::path(path).parent_path();
    ForEachImage(screen, [&](const std::string& pointer, domain::ImageSlot slot, std::optional<std::string>& value) {
        if (!value || !NamesLocalImage(*value)) {
            return;
        }
        DraftImage image{pointer, slot, *value, folder / *value, {}};
        auto imageFile = services::ReadBoundedFile(
            image.path, static_cast<std::uintmax_t>(domain::kMaxAssetBytes));
        switch (imageFile.refusal) {
        case services::BoundedRead::Refusal::None: {
            image.bytes = std::move(imageFile.bytes);
            auto checked = services::CheckImage(image.bytes, slot, pointer);
            out.problems.insert(out.problems.end(), checked.problems.begin(), checked.problems.end());
            break;
        }
        case services::BoundedRead::Refusal::TooLarge: {
            // Said the way the platform says it, from the size alone.
            domain::AssetInfo info;
            info.bytes =
                static_cast<std::int64_t>(std::min<std::uintmax_t>(imageFile.size, INT64_MAX));
            for (auto& problem : domain::ValidateAssetForSlot(info, slot, pointer)) {
                if (problem.code == "image_too_large")
                    out.problems.push_back(std::move(problem));
            }
            break;
        }
        case services::BoundedRead::Refusal::NotRegular:
            out.problems.push_back({pointer, "file_unreadable",
                                    "the image " + image.path.string() + " is not a regular file"});
            break;
        case services::BoundedRead::Refusal::Unreadable:
            out.problems.push_back({pointer, "file_unreadable", "cannot read the image file " + image.path.string()});
            break;
        }
        out.images.push_back(std::move(image));
    });
    // The domain's rules see a path as a (non-empty) asset id: fine, the
    // image itself was checked above.
    auto rules = domain::ValidateCardScreen(screen);
    out.problems.insert(out.problems.end(), rules.begin(), rules.end());
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const domain::Problem& a, const domain::Problem& b) { return a.field < b.field; });
    out.screen = std::move(screen);
    return out;
}

void UseAssetIds(domain::CardScreen& screen, const std::map<std::string, std::string>& ids) {
    ForEachImage(screen, [&](const std::string& pointer, domain::ImageSlot, std::optional<std::string>& value) {
        if (auto it = ids.find(pointer); it != ids.end()) {
            value = it->second;
        }
    });
}

} // namespace kpd::cli
