#include "sandbox/request_log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

namespace kpd::sandbox {

namespace {
struct RequestState {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::string who;
};
thread_local RequestState t_request;
thread_local std::uint64_t t_connection = 0;

spdlog::logger& Logger() {
    // Unsynchronised lines could interleave between pool threads: use the _mt sink.
    static std::shared_ptr<spdlog::logger> logger = [] {
        auto l = spdlog::stderr_logger_mt("platform-sandbox");
        l->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
        l->flush_on(spdlog::level::info);
        return l;
    }();
    return *logger;
}
} // namespace

void BeginRequest() {
    t_request = RequestState{};
}

void NoteConnection(std::uint64_t serial) {
    t_connection = serial;
}

void NoteCaller(std::int64_t partnerId, const std::string& login) {
    t_request.who = "partner=" + std::to_string(partnerId) + " user=" + login;
}

void LogRequest(const httplib::Request& req, const httplib::Response& res) {
    // httplib has percent-decoded the path: keep a decoded newline from forging a log line.
    std::string path = req.path;
    for (auto& c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = '?';
        }
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - t_request.start)
                  .count();
    const std::string conn = t_connection == 0 ? "" : " conn=" + std::to_string(t_connection);
    Logger().info("{} {} {} {}ms{}{}{}", req.method, path, res.status, ms,
                  t_request.who.empty() ? "" : " ", t_request.who, conn);
    t_request = RequestState{};
}

void LogInfo(const std::string& message) {
    Logger().info("{}", message);
}

void LogError(const std::string& message) {
    Logger().error("{}", message);
}

} // namespace kpd::sandbox
