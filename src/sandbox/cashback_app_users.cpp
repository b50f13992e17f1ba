#include "sandbox/cashback_app_users.h"

#include <algorithm>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
struct Weighted {
    std::string_view code;
    int weight; // per mille of the population
};

// Roughly where the app's users live: the two capitals and their regions
// first, then the large regions; the weights add up to 1000.
constexpr Weighted kRegions[] = {
    {"RU-MOW", 200}, {"RU-SPE", 100}, {"RU-MOS", 100}, {"RU-LEN", 30}, {"RU-SVE", 55},
    {"RU-NVS", 45},  {"RU-TA", 50},   {"RU-KDA", 60},  {"RU-NIZ", 45}, {"RU-SAM", 45},
    {"RU-ROS", 50},  {"RU-BA", 40},   {"RU-CHE", 45},  {"RU-PER", 40}, {"RU-VOR", 55},
};

// Loyalty programmes carried in the app and the share of users holding each
// card (per mille, independently): polyanka and vershina are the demo
// partners' own cards.
constexpr Weighted kCards[] = {
    {"polyanka", 350}, {"vershina", 150}, {"apteka-zdorovye", 250},
    {"azs-put", 200},  {"kofeinya-zerno", 120}, {"dom-i-sad", 100},
};

template <typename List>
bool Contains(const List& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}
} // namespace

std::uint64_t Mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool IsAppUser(std::int64_t id) {
    return id >= 1 && id <= kAppUsers;
}

AppUser AppUserOf(std::int64_t id) {
    if (!IsAppUser(id)) {
        throw std::logic_error("no simulated app user " + std::to_string(id));
    }
    AppUser user;
    user.id = id;
    std::uint64_t h = Mix64(static_cast<std::uint64_t>(id));
    int pick = static_cast<int>(h % 1000);
    for (const auto& r : kRegions) {
        if (pick < r.weight) {
            user.region = r.code;
            break;
        }
        pick -= r.weight;
    }
    for (const auto& c : kCards) {
        h = Mix64(h);
        if (static_cast<int>(h % 1000) < c.weight) {
            user.cards.push_back(c.code);
        }
    }
    return user;
}

const std::vector<std::string_view>& KnownRegions() {
    static const std::vector<std::string_view> regions = [] {
        std::vector<std::string_view> out;
        for (const auto& r : kRegions) out.push_back(r.code);
        return out;
    }();
    return regions;
}

const std::vector<std::string_view>& KnownLoyaltyCards() {
    static const std::vector<std::string_view> cards = [] {
        std::vector<std::string_view> out;
        for (const auto& c : kCards) out.push_back(c.code);
        return out;
    }();
    return cards;
}

bool Targets(const AppUser& user, const std::vector<std::string>& cards, const std::vector<std::string>& regions) {
    if (!regions.empty() && !Contains(regions, user.region)) {
        return false;
    }
    if (cards.empty()) {
        return true;
    }
    return std::any_of(user.cards.begin(), user.cards.end(), [&](std::string_view c) { return Contains(cards, c); });
}

std::int64_t EstimateAudience(const std::vector<std::string>& cards, const std::vector<std::string>& regions) {
    std::int64_t count = 0;
    for (std::int64_t id = 1; id <= kAppUsers; ++id) {
        count += Targets(AppUserOf(id), cards, regions) ? 1 : 0;
    }
    return count;
}

} // namespace kpd::sandbox
