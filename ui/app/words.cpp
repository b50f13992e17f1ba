#include "ui/app/words.h"

#include "contract/json_parse.h"
#include "domain/timestamp.h"
#include "domain/user.h"

#include <wx/intl.h>

#include <chrono>

namespace kpd::ui {

wxString RoleName(domain::Role role) {
    switch (role) {
    case domain::Role::Viewer: return _("Viewer");
    case domain::Role::Marketing: return _("Marketing");
    case domain::Role::LoyaltyAdmin: return _("Loyalty program administrator");
    case domain::Role::Finance: return _("Finance");
    case domain::Role::FinanceManager: return _("Finance manager");
    case domain::Role::PartnerAdmin: return _("Partner administrator");
    }
    return FromUtf8(std::string(domain::ToString(role)));
}

wxString RoleNames(domain::RoleSet roles) {
    wxString text;
    for (domain::Role role : roles.ToVector()) {
        if (!text.empty()) text += ", ";
        text += RoleName(role);
    }
    return text.empty() ? _("no roles") : text;
}

wxString ProgramKindName(domain::ProgramKind kind) {
    switch (kind) {
    case domain::ProgramKind::Bonus: return _("Bonus points");
    case domain::ProgramKind::Discount: return _("Discount levels");
    }
    return wxString();
}

wxString DescribeProblem(const domain::Problem& problem) {
    const std::string& code = problem.code;
    if (code == "required") return _("Required.");
    if (code == "invalid_login")
        return _("3 to 64 characters: Latin letters a–z, digits, '.', '_' or '-', starting with a letter.");
    if (code == "too_long") return _("Too long.");
    if (code == "too_short") {
        // TRANSLATORS: %d is the minimum number of characters in a password.
        return wxString::Format(_("At least %d characters."), static_cast<int>(domain::kMinPasswordLength));
    }
    if (code == "unknown_role") return _("Unknown role.");
    if (code == "login_taken") return _("This login is already taken.");
    if (code == "cannot_disable_self") return _("You cannot disable your own account.");
    if (code == "out_of_range") return _("Out of the allowed range.");
    if (code == "too_deep") {
        // TRANSLATORS: %d is how many levels of brackets a JSON file may nest (64).
        return wxString::Format(_("Brackets nest deeper than %d levels: this is not a file the desk can read."),
                                contract::kMaxJsonDepth);
    }
    // Codes the desk does not know yet: the platform's English words.
    return FromUtf8(problem.message);
}

wxString DescribeApiError(const api::ApiError& error) {
    using K = api::ApiErrorKind;
    switch (error.kind) {
    case K::Network: return _("The platform cannot be reached. Check the address and the network connection.");
    case K::Timeout: return _("The platform did not answer in time. Try again in a minute.");
    case K::Cancelled: return _("Cancelled.");
    case K::Tls: return _("The platform's certificate is not trusted: the connection was not made.");
    case K::Unauthorized:
        if (error.code == "invalid_credentials") return _("Wrong login or password.");
        if (error.code == "user_disabled") return _("This account is disabled. Ask your partner administrator.");
        if (error.code == "token_expired") return _("The session has expired. Sign in again.");
        return _("The platform did not accept the sign-in. Sign in again.");
    case K::Forbidden: return _("Your role does not allow this.");
    case K::NotFound: return _("Not found: it may have been deleted.");
    case K::Conflict:
        if (error.code == "cannot_disable_self") return _("You cannot disable your own account.");
        if (error.code == "login_taken") return _("This login is already taken.");
        return _("The platform refused the change because of the object's current state.");
    case K::PreconditionFailed:
        return _("Someone else changed this a moment ago. The current version has been loaded; check it and try again.");
    case K::TooLarge: return _("The request is too large for the platform.");
    case K::Validation: return _("The platform found problems in the data.");
    case K::RateLimited: return _("Too many requests. Wait a little and try again.");
    case K::Server: return _("The platform had an internal failure. Try again later.");
    case K::BadRequest:
    case K::BadResponse: break;
    }
    // TRANSLATORS: %s is the platform's own technical message.
    return wxString::Format(_("The platform answered unexpectedly: %s"), FromUtf8(error.message));
}

wxString DescribeWorkspaceFailure(const std::string& code, const std::string& english) {
    if (code == "workspace.unavailable") {
        return _("The workspace database cannot be opened. Check the --workspace address or the disk.") + "\n" +
               FromUtf8(english);
    }
    if (code == "workspace.busy") return _("The workspace is busy with another desk; try again in a moment.");
    // TRANSLATORS: %s is the technical description of a workspace database failure.
    return wxString::Format(_("The workspace database failed: %s"), FromUtf8(english));
}

wxString AuditActionName(const std::string& action) {
    if (action == "auth.login") return _("Signed in");
    if (action == "auth.login_failed") return _("Failed sign-in");
    if (action == "sandbox.clock") return _("Sandbox clock set");
    if (action == "user.create") return _("User added");
    if (action == "user.set_roles") return _("Roles changed");
    if (action == "user.disable") return _("User disabled");
    if (action == "user.enable") return _("User enabled");
    return FromUtf8(action);
}

wxString AuditObjectName(const std::string& type, const std::string& id) {
    wxString name = FromUtf8(type);
    if (type == "user") name = _("user");
    if (type == "clock") name = _("clock");
    return id.empty() ? name : name + " " + FromUtf8(id);
}

wxString FormatInstant(const std::string& rfc3339) {
    const auto instant = domain::ParseRfc3339(rfc3339);
    if (!instant) return FromUtf8(rfc3339);
    const auto local = std::chrono::floor<std::chrono::days>(*instant + domain::kMoscowOffset);
    const std::chrono::year_month_day date{local};
    const std::chrono::hh_mm_ss time{*instant + domain::kMoscowOffset - local};
    return wxString::Format("%02u.%02u.%d %02d:%02d", static_cast<unsigned>(date.day()),
                            static_cast<unsigned>(date.month()), static_cast<int>(date.year()),
                            static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
}

wxString MonthName(unsigned month) {
    static const char* const names[] = {wxTRANSLATE("January"), wxTRANSLATE("February"), wxTRANSLATE("March"),
                                        wxTRANSLATE("April"),   wxTRANSLATE("May"),      wxTRANSLATE("June"),
                                        wxTRANSLATE("July"),    wxTRANSLATE("August"),   wxTRANSLATE("September"),
                                        wxTRANSLATE("October"), wxTRANSLATE("November"), wxTRANSLATE("December")};
    if (month < 1 || month > 12) return wxString::Format("%u", month);
    return wxGetTranslation(names[month - 1]);
}

} // namespace kpd::ui
