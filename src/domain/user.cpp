#include "domain/user.h"

namespace kpd::domain {

namespace {
bool IsLoginChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}
} // namespace

bool IsValidLogin(std::string_view login) {
    if (login.size() < 3 || login.size() > 64 || !(login.front() >= 'a' && login.front() <= 'z')) {
        return false;
    }
    for (char c : login) {
        if (!IsLoginChar(c)) {
            return false;
        }
    }
    return true;
}

Problems ValidateRoles(RoleSet roles, const std::string& field) {
    if (roles.Empty()) {
        return {{field, "required", "at least one role is required"}};
    }
    return {};
}

Problems ValidateNewUser(const NewUser& user) {
    Problems problems;
    if (user.login.empty()) {
        problems.push_back({"/login", "required", "login is required"});
    } else if (!IsValidLogin(user.login)) {
        problems.push_back({"/login", "invalid_login",
                            "login must be 3-64 characters a-z, 0-9, '.', '_', '-' starting with a letter"});
    }
    if (user.name.empty()) {
        problems.push_back({"/name", "required", "name is required"});
    } else if (user.name.size() > 200) {
        problems.push_back({"/name", "too_long", "name must be at most 200 bytes"});
    }
    if (user.password.size() < kMinPasswordLength) {
        problems.push_back({"/password", "too_short", "password must be at least 4 characters"});
    }
    auto roleProblems = ValidateRoles(user.roles);
    problems.insert(problems.end(), roleProblems.begin(), roleProblems.end());
    return problems;
}

} // namespace kpd::domain
