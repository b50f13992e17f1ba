#include "card_screen_helper.h"

#include <stdexcept>

namespace kpd::sandbox_test {

namespace {
Headers Auth(const std::string& token, Headers headers = {}) {
    headers["Authorization"] = "Bearer " + token;
    return headers;
}

Headers WithIfMatch(const std::string& etag, Headers headers = {}) {
    if (!etag.empty()) {
        headers["If-Match"] = etag;
    }
    return headers;
}
} // namespace

Reply GetCardScreen(const std::string& token) {
    return Api().Get("/v1/card-screen", token);
}

std::string CardScreenETag(const std::string& token) {
    auto reply = GetCardScreen(token);
    if (reply.status != 200) {
        throw std::runtime_error("GET /v1/card-screen answered " + std::to_string(reply.status));
    }
    return reply.Header("ETag");
}

Reply PutDraft(const Http& http, const std::string& token, const nlohmann::json& draft,
               const std::string& etag) {
    return http.Json("PUT", "/v1/card-screen/draft", draft, token, WithIfMatch(etag));
}

Reply Publish(const std::string& token, const std::string& etag, Headers headers) {
    return Api().Json("POST", "/v1/card-screen/publish", nlohmann::json::object(), token,
                      WithIfMatch(etag, std::move(headers)));
}

Reply Rollback(const std::string& token, std::int64_t version, const std::string& etag) {
    return Api().Json("POST", "/v1/card-screen/rollback", {{"version", version}}, token,
                      WithIfMatch(etag));
}

Reply Upload(const Http& http, const std::string& token, const std::string& slot,
             const std::string& bytes, const std::string& contentType) {
    return http.Send("POST", "/v1/assets?slot=" + slot, bytes,
                     Auth(token, {{"Content-Type", contentType}}));
}

nlohmann::json DemoPublishedScreen() {
    auto state = GetCardScreen(Api().SignIn("viewer"));
    if (state.status != 200 || !state.json.at("published").is_object()) {
        throw std::runtime_error("the demo partner has no published card screen: " + state.body);
    }
    return state.json.at("published");
}

std::string DemoLogoPng() {
    auto token = Api().SignIn("viewer");
    auto logo = DemoPublishedScreen().at("theme").at("logo").get<std::string>();
    auto reply = Direct().Get("/v1/assets/" + logo + "/content", token);
    if (reply.status != 200) {
        throw std::runtime_error("the demo logo answered " + std::to_string(reply.status));
    }
    return reply.body;
}

nlohmann::json NewestChange(const std::string& adminLogin) {
    auto page = Api().Get("/v1/audit?limit=50", Api().SignIn(adminLogin));
    for (const auto& entry : page.json.at("items")) {
        if (entry.at("action") != "auth.login") {
            return entry;
        }
    }
    throw std::runtime_error("no change among the newest 50 audit entries");
}

bool HasProblem(const nlohmann::json& problems, const std::string& field, const std::string& code) {
    for (const auto& p : problems) {
        if (p.value("field", "") == field && p.value("code", "") == code) {
            return true;
        }
    }
    return false;
}

} // namespace kpd::sandbox_test
