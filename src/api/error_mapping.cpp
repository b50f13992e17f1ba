#include "api/error_mapping.h"

#include "contract/json_parse.h"
#include "contract/problem_details.h"

namespace kpd::api {

ApiError ErrorFromHttp(int status, const std::string& body) {
    ApiError error;
    error.kind = KindForStatus(status);
    error.http_status = status;
    error.body = body;

    nlohmann::json json = contract::ParseJsonOrDiscarded(body);
    if (!json.is_discarded() && json.is_object()) {
        auto parsed = contract::ProblemDetailsFromJson(json);
        if (parsed.Ok()) {
            const auto& problem = *parsed.value;
            error.code = problem.code;
            error.message = !problem.detail.empty() ? problem.detail : problem.title;
            error.problems = problem.errors;
        }
    }
    // A proxy or a crashed handler may answer plain text or HTML: keep the
    // status's own words rather than echoing an unknown body to people.
    if (error.code.empty()) {
        error.code = "http_" + std::to_string(status);
    }
    if (error.message.empty()) {
        error.message = "HTTP " + std::to_string(status) + " " + contract::StatusTitle(status);
    }
    return error;
}

ApiError BadResponseError(int status, const std::string& what, domain::Problems problems) {
    ApiError error;
    error.kind = ApiErrorKind::BadResponse;
    error.http_status = status;
    error.code = "bad_response";
    error.message = "The platform's answer does not follow the API contract: " + what;
    if (!problems.empty()) {
        error.message += " (" + problems.front().field + ": " + problems.front().message + ")";
    }
    error.problems = std::move(problems);
    return error;
}

} // namespace kpd::api
