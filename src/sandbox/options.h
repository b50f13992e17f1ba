#pragma once
// The command line of platform-sandbox:
//   platform-sandbox --listen 127.0.0.1:PORT --db sqlite:PATH|postgresql://…
//                    [--seed demo] [--clock RFC3339] [--token-ttl SECONDS]
//                    [--max-body BYTES] [--threads N] [--demo-transactions N]
//                    [--scans-per-day N] [--rate-limit REQ_PER_SEC[:BURST]]
//                    [--header-timeout S] [--body-timeout S] [--idle-timeout S]
//                    [--max-connections-per-address N] [--clock-step-pause MS]
// PORT 0 picks a free port. Parsed by hand: ten flags do not pay for CLI11's
// compile time. Called once on the main thread.
#include "domain/timestamp.h"
#include "sandbox/rate_limiter.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::sandbox {

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string db_url;
    bool seed_demo = false;
    std::optional<domain::Instant> clock;
    std::int64_t token_ttl_seconds = 3600;
    std::size_t max_body_bytes = 1024 * 1024;
    int threads = DefaultThreads();
    std::int64_t demo_transactions = 200'000; // Dolyami purchases the demo seed simulates
    // Receipts the app's users scan per partner with running cashback flights
    // and Moscow day the clock is moved over.
    int scans_per_day = 300;
    // Milliseconds between the steps of a clock move (a test hook; 0 none).
    int clock_step_pause_ms = 0;
    // Requests a second and burst per access token (per login for sign-in).
    RateLimit rate_limit = kDefaultRateLimit;
    // A request's headers must arrive within header_timeout_seconds of its
    // first byte and its body within body_timeout_seconds after them (408
    // otherwise); a kept-alive connection idle for idle_timeout_seconds is closed.
    int header_timeout_seconds = 10;
    int body_timeout_seconds = 30;
    int idle_timeout_seconds = 5;
    int max_connections_per_address = 128; // more from one address: 503 and closed

    // Two workers a core, at least 4: a request mostly waits on the database.
    static int DefaultThreads();
};

struct ParsedOptions {
    std::optional<Options> options; // nullopt: print `message` and exit with `exit_code`
    std::string message;
    int exit_code = 0;
};

ParsedOptions ParseOptions(const std::vector<std::string>& args);
std::string UsageText();

} // namespace kpd::sandbox
