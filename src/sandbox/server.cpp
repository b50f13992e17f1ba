#include "sandbox/server.h"

#include "sandbox/connection_server.h"
#include "sandbox/crypto.h"
#include "sandbox/http_util.h"
#include "sandbox/internal_error.h"
#include "sandbox/migrations.h"
#include "sandbox/request_log.h"
#include "sandbox/routes.h"
#include "sandbox/seed.h"
#include "services/calendar_file.h"

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <exception>
#include <pthread.h>
#include <thread>

namespace kpd::sandbox {

namespace {
// Answers httplib produced on its own (404 before our router, 413 from the
// payload limit, 400 for a request line it could not read) as problem+json.
// Answers that already have a body are ours and pass unchanged.
httplib::Server::HandlerResponse ProblemForBareError(const httplib::Request&,
                                                     httplib::Response& res) {
    if (!res.body.empty()) {
        return httplib::Server::HandlerResponse::Unhandled;
    }
    switch (res.status) {
    case 413:
        SendProblem(res, 413, "payload_too_large", "the request body is larger than the limit");
        break;
    case 404:
        SendProblem(res, 404, "not_found", "no such resource");
        break;
    case 400:
        SendProblem(res, 400, "bad_request", "the request could not be read");
        break;
    default:
        SendProblem(res, res.status, "http_" + std::to_string(res.status),
                    contract::StatusTitle(res.status));
    }
    return httplib::Server::HandlerResponse::Handled;
}

void PrepareDatabase(const Options& options, SandboxClock& clock, const domain::BusinessCalendar& calendar) {
    auto session = store::OpenSession(options.db_url);
    int applied = MigrateSandboxSchema(*session);
    LogInfo("database " + std::string(store::ToString(store::BackendOf(*session))) + ": " +
            std::to_string(applied) + " migration(s) applied");
    if (options.seed_demo) {
        LogInfo(SeedDemo(*session, clock.Now(), calendar, options.demo_transactions)
                    ? "seeded the demo partners"
                    : "demo seed skipped: the database already has partners");
    }
}
} // namespace

int RunSandbox(const Options& options) {
    // Block the stop signals before any thread starts, so every thread
    // inherits the mask and only sigwait() below ever sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    InitCrypto();
    // The business calendar the desk reads too: payout dates of the settlement
    // seed, cashback flights' earliest start. Without it the sandbox does not start.
    const services::CalendarFile calendarFile = services::LoadBusinessCalendar();
    if (!calendarFile.Ok()) {
        LogError(calendarFile.error);
        return 1;
    }
    LogInfo("business calendar " + calendarFile.path);
    const domain::BusinessCalendar& calendar = *calendarFile.calendar;
    SandboxClock clock(options.clock);
    PrepareDatabase(options, clock, calendar);

    SessionPool pool(options.db_url, static_cast<std::size_t>(options.threads));
    FaultInjector faults;
    RateLimiter rateLimiter(options.rate_limit);
    SandboxState state{pool,     clock, faults, rateLimiter, {options.token_ttl_seconds, options.max_body_bytes},
                       calendar};
    state.settings.scans_per_day = options.scans_per_day;
    state.settings.clock_step_pause_ms = options.clock_step_pause_ms;
    Router router(state);
    AddAllRoutes(router);

    ConnectionLimits limits;
    limits.header_timeout = std::chrono::seconds(options.header_timeout_seconds);
    limits.body_timeout = std::chrono::seconds(options.body_timeout_seconds);
    limits.idle_timeout = std::chrono::seconds(options.idle_timeout_seconds);
    limits.max_per_address = static_cast<std::size_t>(options.max_connections_per_address);
    // As many workers as sessions: a request never waits for a session.
    limits.workers = options.threads;
    ConnectionServer server(limits, [&router](const std::string& method, const std::string& path) {
        return router.BodyLimit(method, path);
    });
    // The largest body any route takes; each route's own (smaller) limit is
    // checked by the router, so an upload route can answer 413 itself.
    server.set_payload_max_length(router.LargestBodyLimit());
    server.set_pre_routing_handler([&faults](const httplib::Request& req, httplib::Response& res) {
        BeginRequest();
        if (auto fault = faults.Take(req.path)) {
            ApplyFault(*fault, req, res);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // A drop_answer fault strikes here, after the route ran and committed.
    server.set_post_routing_handler([&faults](const httplib::Request& req, httplib::Response& res) {
        if (auto fault = faults.Take(req.path, true)) {
            ApplyFault(*fault, req, res);
        }
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse(ProblemForBareError));
    // An exception that escapes a handler or a hook: 500 problem+json with an
    // error id the log carries, never httplib's EXCEPTION_WHAT header.
    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "an exception that is not a std::exception";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            AnswerInternalError(req, res, what);
        });
    // A client that asks before sending (Expect: 100-continue, as curl does
    // for big bodies) hears 413 at once instead of uploading the body first.
    server.set_expect_100_continue_handler([&router](const httplib::Request& req,
                                                     httplib::Response& res) {
        const std::size_t limit = router.BodyLimit(req.method, req.path);
        if (req.get_header_value<std::uint64_t>("Content-Length") > limit) {
            BeginRequest();
            SendProblem(res, 413, "payload_too_large",
                        "the request body is larger than " + std::to_string(limit) + " bytes");
            return 413;
        }
        return 100;
    });
    server.set_logger(LogRequest);
    auto dispatch = [&router](const httplib::Request& req, httplib::Response& res) {
        router.Dispatch(req, res);
    };
    server.Get(".*", dispatch);
    server.Post(".*", dispatch);
    server.Put(".*", dispatch);
    server.Patch(".*", dispatch);
    server.Delete(".*", dispatch);
    server.Options(".*", dispatch);

    const int port = server.Bind(options.host, options.port);
    if (port <= 0) {
        LogError("cannot listen on " + options.host + ":" + std::to_string(options.port));
        return 1;
    }

    std::atomic<bool> stopping{false};
    std::thread listener([&] {
        server.Run();
        if (!stopping) {
            LogError("the HTTP server stopped by itself; shutting down");
            ::kill(::getpid(), SIGTERM);
        }
    });
    std::printf("platform-sandbox ready on http://%s:%d\n", options.host.c_str(), port);
    std::fflush(stdout);

    int signal = 0;
    sigwait(&stopSignals, &signal);
    stopping = true;
    clock.StopMoves(); // a clock move in progress stops at its next step (or within one)
    LogInfo(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") +
            ": finishing requests in flight");
    server.Stop(); // closes the listening socket; requests already read are answered
    listener.join();
    pool.Close();
    LogInfo("stopped");
    return 0;
}

} // namespace kpd::sandbox
