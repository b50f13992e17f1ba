#include "cashback_helper.h"

#include "sandbox/cashback_app_users.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace kpd::sandbox_test {

nlohmann::json FlightBody(const std::string& category, const std::string& startsOn, const std::string& endsOn,
                          const nlohmann::json& cards) {
    return {{"offer",
             {{"brand", "Виджеты"},
              {"title", "10 % на виджеты"},
              {"description", "Каждый виджет в чеке — 10 % в кошелёк."},
              {"image_asset_id", nullptr}}},
            {"match", {{"skus", nlohmann::json::array()}, {"keywords", {"виджет"}}, {"categories", {category}}}},
            {"cashback", {{"percent_bp", 1000}}},
            {"cap_per_receipt_kop", 300'00},
            {"targeting", {{"loyalty_cards", cards}, {"regions", nlohmann::json::array()}}},
            {"budget_kop", 1'000'000'00},
            {"starts_on", startsOn},
            {"ends_on", endsOn}};
}

nlohmann::json CreateFlight(const std::string& token, const nlohmann::json& body) {
    auto r = Api().Json("POST", "/v1/cashback-flights", body, token);
    BOOST_REQUIRE_MESSAGE(r.status == 201, "creating a flight answered " << r.status << ": " << r.body);
    return r.json;
}

Reply SubmitFlight(const std::string& token, std::int64_t id, Headers headers) {
    headers["Authorization"] = "Bearer " + token;
    return Api().Send("POST", "/v1/cashback-flights/" + std::to_string(id) + "/submit", "", headers);
}

void SetClock(const std::string& now) {
    auto r = Api().Json("POST", "/v1/sandbox/clock", {{"now", now}});
    BOOST_REQUIRE_MESSAGE(r.status == 200, "moving the clock answered " << r.status << ": " << r.body);
}

std::string Qr(const std::string& t, std::int64_t sumKop, const std::string& fn, std::int64_t i,
               const std::string& fp, int n) {
    char sum[40];
    std::snprintf(sum, sizeof sum, "%lld.%02lld", static_cast<long long>(sumKop / 100),
                  static_cast<long long>(sumKop % 100));
    return "t=" + t + "&s=" + sum + "&fn=" + fn + "&i=" + std::to_string(i) + "&fp=" + fp + "&n=" + std::to_string(n);
}

nlohmann::json Line(const std::string& name, const std::string& category, std::int64_t priceKop,
                    std::int64_t quantity, const std::string& sku) {
    return {{"sku", sku}, {"name", name}, {"category", category}, {"price_kop", priceKop}, {"quantity", quantity}};
}

std::int64_t SumOf(const nlohmann::json& lines) {
    std::int64_t sum = 0;
    for (const auto& l : lines) sum += l.at("price_kop").get<std::int64_t>() * l.at("quantity").get<std::int64_t>();
    return sum;
}

Reply Scan(std::int64_t userId, const std::string& qr, const nlohmann::json& lines,
           std::optional<std::int64_t> originalDocument) {
    nlohmann::json body{{"user_id", userId}, {"qr", qr}, {"items", lines}};
    if (originalDocument) body["original_document"] = *originalDocument;
    return Api().Json("POST", "/v1/sandbox/receipts", body);
}

std::string FreshFn() {
    static std::atomic<long long> next{0};
    char text[20];
    std::snprintf(text, sizeof text, "77%014lld", ++next);
    return text;
}

std::int64_t AppUserHolding(const std::string& card, bool holds, std::int64_t after) {
    for (std::int64_t id = after + 1; id <= sandbox::kAppUsers; ++id) {
        const auto user = sandbox::AppUserOf(id);
        const bool has = std::find(user.cards.begin(), user.cards.end(), card) != user.cards.end();
        if (has == holds) return id;
    }
    BOOST_FAIL("no simulated user " << (holds ? "holding " : "without ") << card);
    return 0;
}

nlohmann::json WalletOf(std::int64_t userId) {
    auto r = Api().Get("/v1/sandbox/wallets/" + std::to_string(userId));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json;
}

nlohmann::json ReportOf(const std::string& token, std::int64_t flightId) {
    auto r = Api().Get("/v1/cashback-flights/" + std::to_string(flightId) + "/report", token);
    BOOST_REQUIRE_MESSAGE(r.status == 200, "the report answered " << r.status << ": " << r.body);
    return r.json;
}

nlohmann::json AuditEntries() {
    auto r = Api().Get("/v1/audit?limit=500", Api().SignIn("admin"));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json.at("items");
}

} // namespace kpd::sandbox_test
