#include "cli/draft_file.h"

#include "contract/card_screen_json.h"
#include "contract/json_parse.h"
#include "domain/card_screen_rules.h"
#include "services/card_screen_image_check.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
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

std::optional<std::vector<std::uint8_t>> ReadBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        return std::nullopt;
    }
    return bytes;
}

} // namespace

bool NamesLocalImage(const std::string& value) {
    return value.find('/') != std::string::npos || EndsWithNoCase(value, ".png") || EndsWithNoCase(value, ".jpg") ||
           EndsWithNoCase(value, ".jpeg");
}

DraftFile ReadDraftFile(const std::string& path) {
    DraftFile out;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.problems.push_back({"", "file_unreadable", "cannot read " + path});
        return out;
    }
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
        if (auto bytes = ReadBytes(image.path)) {
            image.bytes = std::move(*bytes);
            auto checked = services::CheckImage(image.bytes, slot, pointer);
            out.problems.insert(out.problems.end(), checked.problems.begin(), checked.problems.end());
        } else {
            out.problems.push_back({pointer, "file_unreadable", "cannot read the image file " + image.path.string()});
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
