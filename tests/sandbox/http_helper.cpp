#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <memory>
#include <stdexcept>

namespace kpd::sandbox_test {

namespace {
std::unique_ptr<test::SandboxProcess> g_sandbox;

test::SandboxOptions DefaultOptions() {
    test::SandboxOptions options;
    options.clock = kClock;
    return options;
}
} // namespace

std::string Reply::Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
}

Reply Http::Send(const std::string& method, const std::string& path, const std::string& body,
                 const Headers& headers) const {
    httplib::Client client(m_base);
    client.set_connection_timeout(10);
    client.set_read_timeout(60);
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.body = body;
    if (headers.find("User-Agent") == headers.end()) {
        req.set_header("User-Agent", kUserAgent); // a test's own User-Agent replaces it, never joins it
    }
    for (const auto& [name, value] : headers) {
        req.set_header(name, value);
    }
    Reply reply;
    auto result = client.send(req);
    if (!result) {
        return reply;
    }
    reply.connected = true;
    reply.status = result->status;
    reply.headers = result->headers;
    reply.body = result->body;
    reply.json = nlohmann::json::parse(reply.body, nullptr, false);
    if (reply.json.is_discarded()) {
        reply.json = nullptr;
    }
    return reply;
}

Reply Http::Get(const std::string& path, const std::string& token) const {
    Headers headers;
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    return Send("GET", path, "", headers);
}

Reply Http::Json(const std::string& method, const std::string& path, const nlohmann::json& body,
                 const std::string& token, Headers headers) const {
    headers["Content-Type"] = "application/json";
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    return Send(method, path, body.dump(), headers);
}

std::string Http::SignIn(const std::string& login, const std::string& password) const {
    auto reply = Json("POST", "/v1/auth/token", {{"login", login}, {"password", password}});
    if (reply.status != 200) {
        return "";
    }
    return reply.json.value("access_token", "");
}

test::SandboxProcess& Sandbox() {
    if (!g_sandbox) {
        throw std::logic_error(
            "no sandbox: the suite needs * boost::unit_test::fixture<SuiteSandbox>()");
    }
    return *g_sandbox;
}

Http Api() {
    return Http(Sandbox().BaseUrl());
}

Http Direct() {
    return Http(Sandbox().DirectUrl());
}

SuiteSandbox::SuiteSandbox() : SuiteSandbox(DefaultOptions()) {}

SuiteSandbox::SuiteSandbox(test::SandboxOptions options) {
    g_sandbox = std::make_unique<test::SandboxProcess>(std::move(options));
}

SuiteSandbox::~SuiteSandbox() {
    g_sandbox.reset();
}

std::int64_t UserIdOf(const std::string& login) {
    auto token = Api().SignIn("admin");
    auto page = Api().Get("/v1/partner/users?limit=500", token);
    for (const auto& u : page.json.at("items")) {
        if (u.at("login") == login) {
            return u.at("id").get<std::int64_t>();
        }
    }
    throw std::runtime_error("no user " + login);
}

std::string FreshLogin(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + "." + std::to_string(++counter);
}

nlohmann::json CreateUser(const std::string& login, const nlohmann::json& roles,
                          const std::string& password) {
    auto token = Api().SignIn("admin");
    auto reply = Api().Json("POST", "/v1/partner/users",
                            {{"login", login},
                             {"name", "Тестовый Пользователь"},
                             {"password", password},
                             {"roles", roles}},
                            token);
    if (reply.status != 201) {
        throw std::runtime_error("creating " + login + " answered " + std::to_string(reply.status) +
                                 ": " + reply.body);
    }
    return reply.json;
}

} // namespace kpd::sandbox_test
