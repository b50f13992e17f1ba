#pragma once
// RFC 9457 problem+json, the body of every error answer of the platform:
// {type, title, status, detail, code, errors:[{field, code, message}]}.
#include "contract/parsed.h"
#include "domain/problem.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kpd::contract {

inline constexpr const char* kProblemJson = "application/problem+json";

struct ProblemDetails {
    std::string type = "about:blank";
    std::string title;
    int status = 500;
    std::string detail;
    std::string code;         // stable machine code, e.g. "forbidden", "validation_failed"
    domain::Problems errors;  // field problems, `field` a JSON pointer into the request
};

// A problem with the usual title for its status ("Forbidden", "Not Found"…).
ProblemDetails MakeProblem(int status, std::string code, std::string detail,
                           domain::Problems errors = {});

// The reason phrase of an HTTP status ("Unprocessable Content" for 422).
std::string StatusTitle(int status);

nlohmann::json ToJson(const ProblemDetails& problem);
Parsed<ProblemDetails> ProblemDetailsFromJson(const nlohmann::json& json);

} // namespace kpd::contract
