// The sandbox under load (issue 11): `wrk` on loopback with 32 connections
// drives a running platform-sandbox (demo seed, --rate-limit 0) with a
// signed-in user's requests, on SQLite and on PostgreSQL, and a bare
// cpp-httplib "hello" server built into this binary in the same run, and
// prints requests/s, p50 and p99 of each with the ratio against the bare one.
//
//   sandbox_load_bench [--seconds N] [--connections N] [--threads N] [--pg URL]
//
// Loads, each for --seconds (default 10):
//   GET /v1/partner                          as `finance`
//   GET /v1/settlements?from=…&to=…          as `finance` (one page of registers)
//   POST /v1/partner/users + Idempotency-Key as `admin`: every POST replays
//        one key whose first call created the user (the stored answer, 201
//        with Idempotent-Replayed: true), so the table does not grow
// PostgreSQL from --pg or KPD_BENCH_PG_URL (scripts/bench starts a cluster);
// skipped without either. Needs `wrk` (scripts/install-deps).
#include "bench_clock.h"

#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

using namespace kpd;

namespace {
struct Options {
    int seconds = 10;
    int connections = 32;
    int threads = 2; // wrk's own threads
    std::string pg;
};

struct Load {
    double requests_per_second = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    long non_2xx = 0;
    bool ok = false;
};

std::string Capture(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) {
            out.append(buf, n);
        }
        ::pclose(p);
    }
    return out;
}

double Millis(const std::string& value, const std::string& unit) {
    const double v = std::stod(value);
    return unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : v;
}

// Runs wrk with `script` (Lua: method, headers, body) against `url`.
Load RunWrk(const Options& o, const std::string& url, const std::string& script,
            const std::string& dir, const std::string& name) {
    const std::string scriptPath = dir + "/" + name + ".lua";
    std::ofstream(scriptPath) << script;
    const std::string out = Capture(
        "wrk --latency -t" + std::to_string(o.threads) + " -c" + std::to_string(o.connections) +
        " -d" + std::to_string(o.seconds) + "s -s " + scriptPath + " '" + url + "' 2>&1");
    Load load;
    std::smatch m;
    if (std::regex_search(out, m, std::regex(R"(Requests/sec:\s+([0-9.]+))"))) {
        load.requests_per_second = std::stod(m[1].str());
        load.ok = true;
    }
    if (std::regex_search(out, m, std::regex(R"(50%\s+([0-9.]+)(us|ms|s))"))) {
        load.p50_ms = Millis(m[1].str(), m[2].str());
    }
    if (std::regex_search(out, m, std::regex(R"(99%\s+([0-9.]+)(us|ms|s))"))) {
        load.p99_ms = Millis(m[1].str(), m[2].str());
    }
    if (std::regex_search(out, m, std::regex(R"(Non-2xx or 3xx responses:\s+(\d+))"))) {
        load.non_2xx = std::stol(m[1].str());
    }
    if (!load.ok) {
        std::fprintf(stderr, "wrk failed:\n%s\n", out.c_str());
    }
    return load;
}

std::string LuaRequest(const std::string& method, const std::string& token,
                       const std::string& body = "", const std::string& key = "") {
    std::string lua = "wrk.method = \"" + method + "\"\n";
    lua += "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
    if (!body.empty()) {
        lua += "wrk.headers[\"Content-Type\"] = \"application/json\"\n";
        lua += "wrk.body = [[" + body + "]]\n";
    }
    if (!key.empty()) {
        lua += "wrk.headers[\"Idempotency-Key\"] = \"" + key + "\"\n";
    }
    return lua;
}

void Print(const char* name, const Load& load, const Load& bare) {
    std::printf(
        "  %-34s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   RATIO bare/this %.2f%s\n", name,
        load.requests_per_second, load.p50_ms, load.p99_ms,
        load.requests_per_second > 0 ? bare.requests_per_second / load.requests_per_second : 0.0,
        load.non_2xx > 0 ? ("   (" + std::to_string(load.non_2xx) + " not 2xx!)").c_str() : "");
}

std::string SignIn(const std::string& base, const std::string& login) {
    httplib::Client client(base);
    auto res =
        client.Post("/v1/auth/token", nlohmann::json{{"login", login}, {"password", "demo"}}.dump(),
                    "application/json");
    if (!res || res->status != 200) {
        throw std::runtime_error("signing in as " + login + " failed");
    }
    return nlohmann::json::parse(res->body).at("access_token").get<std::string>();
}

// The three loads against one sandbox on `dbUrl`.
void BenchSandbox(const Options& o, const std::string& backend, const std::string& dbUrl,
                  const Load& bare, const std::string& dir) {
    test::SandboxOptions so;
    so.db_url = dbUrl;
    so.allow_prism = false;
    so.extra_args = {"--rate-limit", "0"};
    test::SandboxProcess sandbox(so);
    const std::string base = sandbox.DirectUrl();
    const std::string finance = SignIn(base, "finance");
    const std::string admin = SignIn(base, "admin");

    const std::string user = nlohmann::json{
        {"login", "bench.replay"},
        {"name", "Нагрузочный Тест"},
        {"password", "bench-pass-1"},
        {"roles", {"viewer"}}}.dump();
    const std::string key = "bench-replay-key";
    httplib::Client client(base);
    auto first = client.Post("/v1/partner/users",
                             {{"Authorization", "Bearer " + admin}, {"Idempotency-Key", key}}, user,
                             "application/json");
    if (!first || (first->status != 201 && first->status != 409)) {
        throw std::runtime_error("creating the replayed user failed");
    }

    std::printf("%s (sandbox %s, %d connections, %d s each):\n", backend.c_str(), base.c_str(),
                o.connections, o.seconds);
    Print("GET /v1/partner",
          RunWrk(o, base + "/v1/partner", LuaRequest("GET", finance), dir, "partner"), bare);
    Print("GET /v1/settlements?from&to",
          RunWrk(o, base + "/v1/settlements?from=2026-10-01&to=2026-12-31",
                 LuaRequest("GET", finance), dir, "settlements"),
          bare);
    Print("POST /v1/partner/users (replay)",
          RunWrk(o, base + "/v1/partner/users", LuaRequest("POST", admin, user, key), dir, "post"),
          bare);
}
} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--seconds") {
            o.seconds = std::stoi(value);
        } else if (flag == "--connections") {
            o.connections = std::stoi(value);
        } else if (flag == "--threads") {
            o.threads = std::stoi(value);
        } else if (flag == "--pg") {
            o.pg = value;
        } else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    if (o.pg.empty() && std::getenv("KPD_BENCH_PG_URL") != nullptr) {
        o.pg = std::getenv("KPD_BENCH_PG_URL");
    }
    if (Capture("command -v wrk").empty()) {
        std::fprintf(stderr, "sandbox_load_bench needs wrk (scripts/install-deps installs it)\n");
        return 1;
    }
    const std::string dir = test::MakeTempDir("sandbox-load-bench");

    // The peer: cpp-httplib answering "hello" with what makes it fast
    // (TCP_NODELAY, long keep-alive, a worker per connection, since
    // httplib's pool holds one per connection).
    httplib::Server hello;
    hello.new_task_queue = [&o] {
        return new httplib::ThreadPool(static_cast<std::size_t>(o.connections) + 4);
    };
    hello.set_tcp_nodelay(true);
    hello.set_keep_alive_max_count(1000000);
    hello.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("hello", "text/plain");
    });
    const int helloPort = hello.bind_to_any_port("127.0.0.1");
    std::thread helloThread([&hello] { hello.listen_after_bind(); });
    while (!hello.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::printf("bare cpp-httplib \"hello\" server, %d connections, %d s:\n", o.connections,
                o.seconds);
    const Load bare =
        RunWrk(o, "http://127.0.0.1:" + std::to_string(helloPort) + "/hello", "", dir, "hello");
    Print("GET /hello", bare, bare);
    hello.stop();
    helloThread.join();
    if (!bare.ok) {
        return 1;
    }

    try {
        BenchSandbox(o, "SQLite", "sqlite:" + dir + "/platform.db", bare, dir);
        if (o.pg.empty()) {
            std::printf("PostgreSQL skipped: pass --pg URL or set KPD_BENCH_PG_URL\n");
        } else {
            ::setenv("KPD_TEST_PG_URL", o.pg.c_str(),
                     1); // where CreatePgDatabase makes its database
            BenchSandbox(o, "PostgreSQL", test::CreatePgDatabase("load_bench"), bare, dir);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sandbox_load_bench: %s\n", e.what());
        return 1;
    }
    std::printf("targets (2 cores): authenticated GETs >= 5000 req/s, p99 < 20 ms, within 3x of "
                "the bare server\n");
    return 0;
}
