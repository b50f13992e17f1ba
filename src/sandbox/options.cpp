#include "sandbox/options.h"

#include "store/database.h"

#include <algorithm>
#include <charconv>
#include <thread>

namespace kpd::sandbox {

namespace {
std::optional<std::int64_t> ParseNumber(const std::string& text, std::int64_t min,
                                        std::int64_t max) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < min ||
        value > max) {
        return std::nullopt;
    }
    return value;
}

ParsedOptions Fail(const std::string& message) {
    return {std::nullopt, "platform-sandbox: " + message + "\n\n" + UsageText(), 2};
}
} // namespace

int Options::DefaultThreads() {
    const auto cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp(2 * cores, 4, 16);
}

std::string UsageText() {
    return "usage: platform-sandbox --listen HOST:PORT --db "
           "sqlite:PATH|postgresql://USER@HOST:PORT/DB\n"
           "                        [--seed demo] [--clock RFC3339] [--token-ttl SECONDS]\n"
           "                        [--max-body BYTES] [--threads N] [--demo-transactions N]\n"
           "                        [--scans-per-day N] [--rate-limit REQ_PER_SEC[:BURST]]\n"
           "                        [--header-timeout S] [--body-timeout S] [--idle-timeout S]\n"
           "                        [--max-connections-per-address N] [--clock-step-pause MS]\n"
           "  --listen     address to serve on (default 127.0.0.1:0; port 0 picks a free one)\n"
           "  --db         the sandbox's database; its schema is created or migrated at start\n"
           "  --seed demo  add the demo partners and users (password \"demo\") unless data exists\n"
           "  --clock      fix the sandbox clock at this instant, e.g. 2026-12-25T10:00:00+03:00\n"
           "  --token-ttl  access token lifetime in seconds on the sandbox clock (default 3600)\n"
           "  --max-body   largest request body in bytes (default 1048576); larger ones get 413\n"
           "  --threads    HTTP worker threads and database sessions (default two a core, 4 to "
           "16)\n"
           "  --demo-transactions  Dolyami purchases over the demo's three months of settlement\n"
           "               registers (default 200000; e.g. 5000000 for benchmarks)\n"
           "  --scans-per-day  receipts scanned per partner with running cashback flights for\n"
           "               each whole Moscow day the clock is moved over (default 300; 0 none)\n"
           "  --rate-limit requests a second each access token may send (each login to sign in;\n"
           "               0.2 is one every 5 s) and how many at once after a pause (default 50:200;\n"
           "               BURST defaults to four seconds' worth; 0 turns the limit off); above it\n"
           "               the answer is 429 with Retry-After\n"
           "  --header-timeout  seconds a request's line and headers may take from its first\n"
           "               byte (default 10); --body-timeout  seconds its body may take after\n"
           "               them (default 30); later, 408 and the connection is closed\n"
           "  --idle-timeout  seconds a kept-alive connection may wait for its next request\n"
           "               (default 5)\n"
           "  --max-connections-per-address  open connections one client address may hold\n"
           "               (default 128); one more is answered 503 and closed\n"
           "  --clock-step-pause  milliseconds to wait between the day-by-day steps of a clock\n"
           "               move (default 0; a test hook for requests served during a long move)\n";
}

ParsedOptions ParseOptions(const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            return {std::nullopt, UsageText(), 0};
        }
        if (i + 1 >= args.size()) {
            return Fail(flag.rfind("--", 0) == 0 ? flag + " needs a value"
                                                 : "unexpected argument " + flag);
        }
        const std::string& value = args[++i];
        if (flag == "--listen") {
            auto colon = value.rfind(':');
            auto port = colon == std::string::npos ? std::nullopt
                                                   : ParseNumber(value.substr(colon + 1), 0, 65535);
            if (!port || colon == 0) {
                return Fail("--listen wants HOST:PORT, e.g. 127.0.0.1:8080");
            }
            o.host = value.substr(0, colon);
            o.port = static_cast<int>(*port);
        } else if (flag == "--db") {
            if (!store::DatabaseUrl::Parse(value)) {
                return Fail("--db wants sqlite:PATH or postgresql://USER@HOST:PORT/DB");
            }
            o.db_url = value;
        } else if (flag == "--seed") {
            if (value != "demo") {
                return Fail("--seed knows only \"demo\"");
            }
            o.seed_demo = true;
        } else if (flag == "--clock") {
            o.clock = domain::ParseRfc3339(value);
            if (!o.clock) {
                return Fail(
                    "--clock wants RFC 3339 with an offset, e.g. 2026-12-25T10:00:00+03:00");
            }
        } else if (flag == "--token-ttl") {
            auto ttl = ParseNumber(value, 1, 365LL * 24 * 3600);
            if (!ttl) {
                return Fail("--token-ttl wants seconds, 1 to 31536000");
            }
            o.token_ttl_seconds = *ttl;
        } else if (flag == "--max-body") {
            auto bytes = ParseNumber(value, 1024, 1LL << 30);
            if (!bytes) {
                return Fail("--max-body wants bytes, 1024 to 1073741824");
            }
            o.max_body_bytes = static_cast<std::size_t>(*bytes);
        } else if (flag == "--threads") {
            auto threads = ParseNumber(value, 1, 64);
            if (!threads) {
                return Fail("--threads wants 1 to 64");
            }
            o.threads = static_cast<int>(*threads);
        } else if (flag == "--demo-transactions") {
            auto count = ParseNumber(value, 0, 100'000'000);
            if (!count) {
                return Fail("--demo-transactions wants 0 to 100000000");
            }
            o.demo_transactions = *count;
        } else if (flag == "--scans-per-day") {
            auto count = ParseNumber(value, 0, 100'000);
            if (!count) {
                return Fail("--scans-per-day wants 0 to 100000");
            }
            o.scans_per_day = static_cast<int>(*count);
        } else if (flag == "--clock-step-pause") {
            auto pause = ParseNumber(value, 0, 60'000);
            if (!pause) {
                return Fail("--clock-step-pause wants 0 to 60000 milliseconds");
            }
            o.clock_step_pause_ms = static_cast<int>(*pause);
        } else if (flag == "--rate-limit") {
            auto limit = ParseRateLimit(value);
            if (!limit) {
                return Fail("--rate-limit wants REQ_PER_SEC[:BURST], e.g. 50:200 or 0.5, or 0 for no limit");
            }
            o.rate_limit = *limit;
        } else if (flag == "--header-timeout" || flag == "--body-timeout" ||
                   flag == "--idle-timeout") {
            auto seconds = ParseNumber(value, 1, 3600);
            if (!seconds) {
                return Fail(flag + " wants seconds, 1 to 3600");
            }
            int& field = flag == "--header-timeout" ? o.header_timeout_seconds
                         : flag == "--body-timeout" ? o.body_timeout_seconds
                                                    : o.idle_timeout_seconds;
            field = static_cast<int>(*seconds);
        } else if (flag == "--max-connections-per-address") {
            auto count = ParseNumber(value, 1, 4096);
            if (!count) {
                return Fail("--max-connections-per-address wants 1 to 4096");
            }
            o.max_connections_per_address = static_cast<int>(*count);
        } else {
            return Fail("unknown option " + flag);
        }
    }
    if (o.db_url.empty()) {
        return Fail("--db is required");
    }
    return {o, "", 0};
}

} // namespace kpd::sandbox
