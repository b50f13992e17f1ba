#pragma once
// The benchmarks' clock and dates: wall seconds since a steady-clock instant,
// and a Unix time as "YYYY-MM-DD HH:MM:SS" (UTC) for the files they generate.
// Any thread.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

namespace kpd::bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

inline std::string Iso(std::int64_t unix) {
    const std::time_t t = static_cast<std::time_t>(unix);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

} // namespace kpd::bench
