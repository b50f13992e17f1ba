// openapi_route_table_tests: the sandbox's table of routes (AddAllRoutes,
// src/sandbox/routes.h) and the operations of docs/api/openapi.yaml are the
// same set both ways, and every operation lists each status the router gives
// every route of its kind (Router::Dispatch, router.h):
//   every route                       500 internal_error, 503 service_unavailable
//   all but /v1/sandbox/…             429 rate_limited
//   a token needed (not Anyone)       401, 403
//   a JSON body (Json, Optional)      400 malformed_json, 413, 415, 422 unknown_field
//   raw bytes (an upload)             413
//   Idempotency-Key honoured          400 invalid_idempotency_key, 422 idempotency_key_reuse
//   a BeforeContent check (If-Match)  412 version_mismatch
//   a path with an id in it           404 (another partner's id, or none)
// The YAML is read as JSON by js-yaml's command line (node_modules, `npm ci`).
#define BOOST_TEST_MODULE openapi_route_table_tests
#include "sandbox/routes.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace {

using Operation = std::pair<std::string, std::string>; // METHOD, path with every parameter as {}

// "/v1/users/(\d{1,18})/roles" -> "/v1/users/{}/roles": each top-level group is a parameter.
std::string PathOfPattern(const std::string& pattern) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            if (depth == 0) {
                out += pattern[i + 1];
            }
            ++i;
            continue;
        }
        if (c == '(') {
            if (depth++ == 0) {
                out += "{}";
            }
            continue;
        }
        if (c == ')') {
            --depth;
            continue;
        }
        if (depth == 0) {
            out += c;
        }
    }
    return out;
}

// "/v1/users/{id}/roles" -> "/v1/users/{}/roles".
std::string PathOfTemplate(const std::string& path) {
    std::string out;
    bool inside = false;
    for (char c : path) {
        if (c == '{') {
            inside = true;
            out += "{}";
        } else if (c == '}') {
            inside = false;
        } else if (!inside) {
            out += c;
        }
    }
    return out;
}

std::string Upper(std::string text) {
    for (auto& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

nlohmann::json Document() {
    const std::string source = KPD_SOURCE_DIR;
    const std::string command =
        "node '" + source + "/node_modules/.bin/js-yaml' '" + source + "/docs/api/openapi.yaml'";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        throw std::runtime_error("cannot run " + command);
    }
    std::string text;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        text.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    if (status != 0) {
        throw std::runtime_error(command + " failed (run `npm ci` at the repo root): " + text);
    }
    return nlohmann::json::parse(text);
}

// Every operation of the document with the statuses it lists.
std::map<Operation, std::set<std::string>> DocumentedOperations() {
    static const std::set<std::string> methods = {"get",   "put",  "post",   "delete",
                                                  "patch", "head", "options"};
    std::map<Operation, std::set<std::string>> ops;
    const auto document = Document();
    for (const auto& [path, item] : document.at("paths").items()) {
        for (const auto& [method, op] : item.items()) {
            if (!methods.count(method)) {
                continue;
            }
            std::set<std::string> statuses;
            if (op.contains("responses")) {
                for (const auto& [status, response] : op.at("responses").items()) {
                    statuses.insert(status);
                }
            }
            ops[{Upper(method), PathOfTemplate(path)}] = statuses;
        }
    }
    return ops;
}

struct Table {
    Table()
        : dir(kpd::test::MakeTempDir("route-table")), pool("sqlite:" + dir + "/unused.db", 1),
          limiter(kpd::sandbox::RateLimit{}),
          state{pool, clock, faults, limiter, kpd::sandbox::SandboxSettings{}, calendar},
          router(state) {
        kpd::sandbox::AddAllRoutes(router);
    }
    std::string dir;
    kpd::sandbox::SessionPool pool;
    kpd::sandbox::SandboxClock clock;
    kpd::sandbox::FaultInjector faults;
    kpd::sandbox::RateLimiter limiter;
    kpd::domain::BusinessCalendar calendar;
    kpd::sandbox::SandboxState state;
    kpd::sandbox::Router router;
};

// What Router::Dispatch alone can answer for `route` (see the table above).
std::set<std::string> StatusesOf(const kpd::sandbox::Route& route) {
    using kpd::sandbox::Access;
    using kpd::sandbox::Body;
    std::set<std::string> s = {"500", "503"};
    if (route.pattern.rfind("/v1/sandbox/", 0) != 0) {
        s.insert("429");
    }
    if (route.access != Access::Anyone) {
        s.insert({"401", "403"});
    }
    if (route.body == Body::Json || route.body == Body::Optional) {
        s.insert({"400", "413", "415", "422"});
    }
    if (route.body == Body::Raw) {
        s.insert("413");
    }
    if (route.idempotent) {
        s.insert({"400", "422"});
    }
    if (route.before_content) {
        s.insert("412");
    }
    if (route.pattern.find('(') != std::string::npos) {
        s.insert("404");
    }
    return s;
}

std::string Name(const Operation& op) {
    return op.first + " " + op.second;
}

} // namespace

BOOST_AUTO_TEST_CASE(every_route_is_documented_and_every_documented_operation_is_routed) {
    Table table;
    const auto documented = DocumentedOperations();
    std::set<Operation> routed;
    for (const auto& route : table.router.Routes()) {
        const Operation op{route.method, PathOfPattern(route.pattern)};
        BOOST_TEST(routed.insert(op).second, Name(op) << " is routed twice");
        BOOST_TEST(documented.count(op) == 1u,
                   Name(op) << " is routed but not in docs/api/openapi.yaml");
    }
    for (const auto& [op, statuses] : documented) {
        BOOST_TEST(routed.count(op) == 1u,
                   Name(op) << " is documented but the sandbox has no such route");
    }
    BOOST_TEST(routed.size() > 40u); // the table was read at all
}

BOOST_AUTO_TEST_CASE(every_operation_lists_the_statuses_the_router_gives_it) {
    Table table;
    const auto documented = DocumentedOperations();
    for (const auto& route : table.router.Routes()) {
        const Operation op{route.method, PathOfPattern(route.pattern)};
        auto found = documented.find(op);
        if (found == documented.end()) {
            continue; // the case above names it
        }
        for (const auto& status : StatusesOf(route)) {
            BOOST_TEST(found->second.count(status) == 1u,
                       Name(op) << " can answer " << status << " but its responses do not list it");
        }
    }
}

BOOST_AUTO_TEST_CASE(patterns_and_templates_reduce_to_the_same_paths) {
    BOOST_TEST(PathOfPattern(R"(/v1/commission-invoices/(\d{4}-\d{2})/accept)") ==
               "/v1/commission-invoices/{}/accept");
    BOOST_TEST(PathOfPattern(R"(/v1/assets/([A-Za-z0-9_-]{1,64}))") == "/v1/assets/{}");
    BOOST_TEST(PathOfPattern("/v1/card-screen") == "/v1/card-screen");
    BOOST_TEST(PathOfTemplate("/v1/sandbox/wallets/{user_id}/withdraw") ==
               "/v1/sandbox/wallets/{}/withdraw");
}
