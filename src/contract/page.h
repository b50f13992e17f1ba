#pragma once
// Cursor pagination: `?limit=…&cursor=…` answers {items:[…], next_cursor}.
// The cursor is opaque to clients; next_cursor is null on the last page.
#include "contract/json_reader.h"
#include "contract/parsed.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kpd::contract {

inline constexpr int kDefaultPageLimit = 50;
inline constexpr int kMaxPageLimit = 500;

template <class T> struct Page {
    std::vector<T> items;
    std::optional<std::string> next_cursor;
};

template <class T, class ToJsonFn>
nlohmann::json PageToJson(const Page<T>& page, ToJsonFn toJson) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) {
        items.push_back(toJson(item));
    }
    return {{"items", items},
            {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json()}};
}

// `fromJson(json, problems, pointer)` reads one item, adding problems at `pointer`.
template <class T>
Parsed<Page<T>> PageFromJson(
    const nlohmann::json& json,
    const std::function<std::optional<T>(const nlohmann::json&, domain::Problems&, const std::string&)>& fromJson) {
    domain::Problems problems;
    JsonReader r(json, problems);
    Page<T> page;
    if (const auto* items = r.Array("items")) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (auto item = fromJson((*items)[i], problems, "/items/" + std::to_string(i))) {
                page.items.push_back(std::move(*item));
            }
        }
    }
    page.next_cursor = r.String("next_cursor", false);
    if (!problems.empty()) {
        return Parsed<Page<T>>::Failure(std::move(problems));
    }
    return Parsed<Page<T>>::Success(std::move(page));
}

} // namespace kpd::contract
