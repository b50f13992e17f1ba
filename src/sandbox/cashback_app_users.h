#pragma once
// The app's users as the sandbox simulates them: a fixed population whose
// region and loyalty cards held follow from the user's id alone (a hash, no
// table), so a test, the generator and the audience estimate all see the same
// people on every run and backend. Regions are ISO 3166-2:RU codes; cards are
// the slugs of the loyalty programmes the app carries. Pure and thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::sandbox {

inline constexpr std::int64_t kAppUsers = 20'000; // ids 1..kAppUsers

struct AppUser {
    std::int64_t id = 0;
    std::string_view region;
    std::vector<std::string_view> cards;
};

bool IsAppUser(std::int64_t id);
// The user with this id; ids outside 1..kAppUsers are a logic error (check IsAppUser).
AppUser AppUserOf(std::int64_t id);

// The regions and card slugs the population draws from, for documentation and tests.
const std::vector<std::string_view>& KnownRegions();
const std::vector<std::string_view>& KnownLoyaltyCards();

// Whether a flight with these targeting lists reaches the user: an empty list
// is everyone; otherwise the user's region is among `regions` and the user
// holds at least one of `cards`.
bool Targets(const AppUser& user, const std::vector<std::string>& cards, const std::vector<std::string>& regions);

// How many of the population a targeting reaches.
std::int64_t EstimateAudience(const std::vector<std::string>& cards, const std::vector<std::string>& regions);

// SplitMix64: the sandbox's deterministic randomness (users, generated receipts).
std::uint64_t Mix64(std::uint64_t x);

} // namespace kpd::sandbox
