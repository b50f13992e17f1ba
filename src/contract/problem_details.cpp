#include "contract/problem_details.h"

#include "contract/json_reader.h"

namespace kpd::contract {

std::string StatusTitle(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

ProblemDetails MakeProblem(int status, std::string code, std::string detail, domain::Problems errors) {
    ProblemDetails p;
    p.status = status;
    p.title = StatusTitle(status);
    p.code = std::move(code);
    p.detail = std::move(detail);
    p.errors = std::move(errors);
    return p;
}

nlohmann::json ToJson(const ProblemDetails& problem) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : problem.errors) {
        errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
    }
    return {{"type", problem.type},     {"title", problem.title}, {"status", problem.status},
            {"detail", problem.detail}, {"code", problem.code},   {"errors", errors}};
}

Parsed<ProblemDetails> ProblemDetailsFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    ProblemDetails p;
    p.type = r.String("type", false).value_or("about:blank");
    p.title = r.String("title", false).value_or("");
    p.status = static_cast<int>(r.Int("status").value_or(0));
    p.detail = r.String("detail", false).value_or("");
    p.code = r.String("code", false).value_or("");
    if (const auto* errors = r.Array("errors", false)) {
        for (std::size_t i = 0; i < errors->size(); ++i) {
            JsonReader e((*errors)[i], problems, r.Pointer("errors") + "/" + std::to_string(i));
            p.errors.push_back({e.String("field", false).value_or(""), e.String("code", false).value_or(""),
                                e.String("message", false).value_or("")});
        }
    }
    if (!problems.empty()) {
        return Parsed<ProblemDetails>::Failure(std::move(problems));
    }
    return Parsed<ProblemDetails>::Success(std::move(p));
}

} // namespace kpd::contract
