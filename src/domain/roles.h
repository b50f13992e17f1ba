#pragma once
// The roles a partner's user may hold. The platform enforces them on every
// call; the desk only uses them to hide what a user could not do anyway.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

enum class Role : std::uint8_t {
    Viewer,
    Marketing,
    LoyaltyAdmin,
    Finance,
    FinanceManager,
    PartnerAdmin,
};

inline constexpr Role kAllRoles[] = {Role::Viewer,  Role::Marketing,      Role::LoyaltyAdmin,
                                     Role::Finance, Role::FinanceManager, Role::PartnerAdmin};

// The wire name: "viewer", "marketing", "loyalty_admin", "finance",
// "finance_manager", "partner_admin".
std::string_view ToString(Role role);
std::optional<Role> RoleFromString(std::string_view name);

// A set of roles, small enough to pass by value.
class RoleSet {
  public:
    RoleSet() = default;
    RoleSet(std::initializer_list<Role> roles);
    static RoleSet FromVector(const std::vector<Role>& roles);

    void Add(Role role) { m_bits |= Bit(role); }
    bool Has(Role role) const { return (m_bits & Bit(role)) != 0; }
    bool HasAny(RoleSet other) const { return (m_bits & other.m_bits) != 0; }
    bool Empty() const { return m_bits == 0; }
    std::vector<Role> ToVector() const; // in the order of kAllRoles

    friend bool operator==(RoleSet, RoleSet) = default;

  private:
    static std::uint32_t Bit(Role role) { return 1u << static_cast<unsigned>(role); }
    std::uint32_t m_bits = 0;
};

// Comma-separated wire names, e.g. "finance,finance_manager" (for tables and logs).
std::string JoinRoles(RoleSet roles);

} // namespace kpd::domain
