#pragma once
// What the cashback suites share: a valid flight body to vary, submitting a
// flight and moving the clock until it is live, fiscal receipt QR strings
// and lines, scanning as a simulated app user, and finding such users by the
// loyalty cards they hold (the sandbox's own pure population function,
// compiled into the tests, so a test knows who is who without asking).
#include "http_helper.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kpd::sandbox_test {

// A valid draft: 10 % on lines of `category`, capped at 300 ₽ a receipt,
// 1,000,000 ₽ budget, for holders of any card in `cards` (empty: everyone),
// from `startsOn` to `endsOn`.
nlohmann::json FlightBody(const std::string& category, const std::string& startsOn, const std::string& endsOn,
                          const nlohmann::json& cards = nlohmann::json::array());

// POST /v1/cashback-flights as `token`; the created flight (fails the test otherwise).
nlohmann::json CreateFlight(const std::string& token, const nlohmann::json& body);
Reply SubmitFlight(const std::string& token, std::int64_t id, Headers headers = {});

// POST /v1/sandbox/clock {now}.
void SetClock(const std::string& now);

// "t=…&s=…&fn=…&i=…&fp=…&n=…" with the sum written in roubles and kopecks.
std::string Qr(const std::string& t, std::int64_t sumKop, const std::string& fn, std::int64_t i,
               const std::string& fp, int n = 1);
nlohmann::json Line(const std::string& name, const std::string& category, std::int64_t priceKop,
                    std::int64_t quantity = 1, const std::string& sku = "");
// The lines' total in kopecks.
std::int64_t SumOf(const nlohmann::json& lines);

// POST /v1/sandbox/receipts.
Reply Scan(std::int64_t userId, const std::string& qr, const nlohmann::json& lines,
           std::optional<std::int64_t> originalDocument = std::nullopt);
// A fiscal drive number nobody used in this run (16 digits).
std::string FreshFn();

// The first simulated user (from `after` + 1) who holds `card` (or, with
// holds = false, who does not).
std::int64_t AppUserHolding(const std::string& card, bool holds = true, std::int64_t after = 0);

// GET /v1/sandbox/wallets/{id}.
nlohmann::json WalletOf(std::int64_t userId);
// GET /v1/cashback-flights/{id}/report as `token`.
nlohmann::json ReportOf(const std::string& token, std::int64_t flightId);

// The audit entries of partner 1 (as admin), newest first, at most 500.
nlohmann::json AuditEntries();

} // namespace kpd::sandbox_test
