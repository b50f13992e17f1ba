#pragma once
// The one place where codes from the core become words for people
// (HOUSE-STYLE 7, 13): roles, program kinds, problems, API errors, audit
// actions, instants. The core returns codes with parameters; the desk words
// them in the UI language. UI thread only (uses the translations).
#include "api/api_error.h"
#include "domain/partner.h"
#include "domain/problem.h"
#include "domain/roles.h"

#include <wx/string.h>

#include <string>

namespace kpd::ui {

wxString RoleName(domain::Role role);
wxString RoleNames(domain::RoleSet roles); // "Маркетинг, Финансы"
wxString ProgramKindName(domain::ProgramKind kind);

// A validation problem as a sentence for the field it belongs to.
wxString DescribeProblem(const domain::Problem& problem);

// Any platform or network failure as one or two sentences.
wxString DescribeApiError(const api::ApiError& error);

// A failure of the workspace database, by its services::Message code.
wxString DescribeWorkspaceFailure(const std::string& code, const std::string& english);

wxString AuditActionName(const std::string& action);
// "user 5" — the kind of object an audit entry is about, and its id.
wxString AuditObjectName(const std::string& type, const std::string& id);

// A month's name as a calendar heads it ("Январь"), 1 = January; from our
// catalogue, not the C library (whose Russian names are genitive: "января").
wxString MonthName(unsigned month);

// "23.11.2026 19:40" in Moscow time for an RFC 3339 instant; the text itself
// when it does not parse.
wxString FormatInstant(const std::string& rfc3339);

inline wxString FromUtf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }
inline std::string ToUtf8(const wxString& text) { return std::string(text.utf8_str()); }

} // namespace kpd::ui
