#include "domain/roles.h"

namespace kpd::domain {

std::string_view ToString(Role role) {
    switch (role) {
    case Role::Viewer: return "viewer";
    case Role::Marketing: return "marketing";
    case Role::LoyaltyAdmin: return "loyalty_admin";
    case Role::Finance: return "finance";
    case Role::FinanceManager: return "finance_manager";
    case Role::PartnerAdmin: return "partner_admin";
    }
    return "viewer";
}

std::optional<Role> RoleFromString(std::string_view name) {
    for (Role role : kAllRoles) {
        if (ToString(role) == name) {
            return role;
        }
    }
    return std::nullopt;
}

RoleSet::RoleSet(std::initializer_list<Role> roles) {
    for (Role role : roles) {
        Add(role);
    }
}

RoleSet RoleSet::FromVector(const std::vector<Role>& roles) {
    RoleSet set;
    for (Role role : roles) {
        set.Add(role);
    }
    return set;
}

std::vector<Role> RoleSet::ToVector() const {
    std::vector<Role> out;
    for (Role role : kAllRoles) {
        if (Has(role)) {
            out.push_back(role);
        }
    }
    return out;
}

std::string JoinRoles(RoleSet roles) {
    std::string out;
    for (Role role : roles.ToVector()) {
        if (!out.empty()) {
            out += ',';
        }
        out += ToString(role);
    }
    return out;
}

} // namespace kpd::domain
