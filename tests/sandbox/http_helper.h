#pragma once
// What the sandbox tests share: a tiny HTTP caller over cpp-httplib (a fresh
// connection per call, so any thread may use it), the demo logins, and a
// sandbox started once per suite (Boost fixture decorator) that the suite's
// cases reach through Sandbox().
#include "support/sandbox_process.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace kpd::sandbox_test {

inline constexpr const char* kUserAgent = "kpd-sandbox-tests/1.0";
inline constexpr const char* kClock = "2026-12-25T10:00:00+03:00";

struct Reply {
    bool connected = false; // false: no HTTP answer at all (connection dropped or refused)
    int status = 0;
    httplib::Headers headers;
    std::string body;
    nlohmann::json json; // parsed body (null when not JSON)

    std::string Header(const std::string& name) const;
    std::string Code() const { return json.is_object() ? json.value("code", "") : ""; }
    // Whether the problem's errors list one with this code at this JSON pointer.
    bool HasErrorAt(const std::string& field, const std::string& code) const {
        if (!json.is_object() || !json.contains("errors"))
            return false;
        for (const auto& e : json.at("errors")) {
            if (e.at("field") == field && e.at("code") == code)
                return true;
        }
        return false;
    }
};

using Headers = std::map<std::string, std::string>;

class Http {
  public:
    explicit Http(std::string baseUrl) : m_base(std::move(baseUrl)) {}

    Reply Send(const std::string& method, const std::string& path, const std::string& body = "",
               const Headers& headers = {}) const;
    Reply Get(const std::string& path, const std::string& token = "") const;
    // Sends `body` as application/json with the token (if any) and headers.
    Reply Json(const std::string& method, const std::string& path, const nlohmann::json& body,
               const std::string& token = "", Headers headers = {}) const;

    // POST /v1/auth/token; the token, or "" on failure.
    std::string SignIn(const std::string& login, const std::string& password = "demo") const;

  private:
    std::string m_base;
};

// The sandbox of the running suite.
test::SandboxProcess& Sandbox();
// Through Prism in contract mode: for requests and answers the document allows.
Http Api();
// Always the sandbox itself: for requests that break the document on purpose.
Http Direct();

// Suite fixtures: a seeded sandbox with the fixed clock kClock, started at the
// suite's start and stopped at its end.
struct SuiteSandbox {
    SuiteSandbox();
    explicit SuiteSandbox(test::SandboxOptions options);
    ~SuiteSandbox();
};

// The id of a partner-1 demo user, found as `admin`.
std::int64_t UserIdOf(const std::string& login);
// A fresh login nobody used yet ("<prefix>.<n>").
std::string FreshLogin(const std::string& prefix);
// Creates a user in partner 1 as `admin`; returns the User JSON.
nlohmann::json CreateUser(const std::string& login, const nlohmann::json& roles,
                          const std::string& password = "pass1234");

} // namespace kpd::sandbox_test
