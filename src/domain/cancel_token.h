#pragma once
// Cancellation and progress are core types (HOUSE-STYLE 6): long loops and
// libcurl's transfer callback check the token; a UI or the CLI plugs in a
// progress sink. Any thread may call Cancel(); the worker polls IsCancelled().
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace kpd::domain {

class CancelToken {
  public:
    void Cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool IsCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> m_cancelled{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

// Receives progress from a worker thread. Implementations coalesce updates
// (a GUI keeps at most one pending) and must be cheap to call often.
class ProgressSink {
  public:
    virtual ~ProgressSink() = default;
    // `total` is 0 when unknown. Called on the worker thread.
    virtual void Report(std::int64_t done, std::int64_t total, const std::string& what) = 0;
    // The platform asked to wait `seconds` before the work can go on (a 429
    // or 503 with Retry-After); 0 when the wait is over. May be called from
    // any thread the work uses; by default ignored.
    virtual void PlatformWait(std::int64_t seconds) { (void)seconds; }
};

// A sink that drops everything, for callers that do not show progress.
class NullProgress final : public ProgressSink {
  public:
    void Report(std::int64_t, std::int64_t, const std::string&) override {}
};

} // namespace kpd::domain
