#pragma once
// Fault hooks for client retry tests (sandbox only), armed by
// POST /v1/sandbox/faults {"path", "kind": "drop"|"status"|"drop_answer", "status", "count"}:
// the next `count` requests to exactly `path` (query ignored, any method) fail
// before routing. `drop` closes the connection without a byte of answer
// (the client sees an empty reply, as when the platform restarts mid-call);
// `status` answers `status` (default 503) as problem+json `injected_fault`
// with `Retry-After: 0`. `drop_answer` lets the request run (and commit)
// and then closes the connection before the answer leaves: the lost answer
// an Idempotency-Key exists for. `exception` throws before routing, as a
// defect would: the sandbox's exception handler answers it (500
// `internal_error` with an `error_id` its log carries). Thread-safe.
#include <httplib.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kpd::sandbox {

enum class FaultKind { Drop, Status, DropAnswer, Exception };

struct Fault {
    FaultKind kind = FaultKind::Status;
    int status = 503;
    int remaining = 0;
};

class FaultInjector {
  public:
    // count <= 0 disarms the path.
    void Arm(const std::string& path, Fault fault);
    void Clear();
    // Takes one armed fault for the path, if any, of the faults that act
    // before the route runs (`afterHandler` false) or after it (DropAnswer).
    std::optional<Fault> Take(const std::string& path, bool afterHandler = false);

  private:
    std::mutex m_mutex;
    std::map<std::string, Fault> m_faults;
};

// Applies a fault taken for this request: for Drop shuts the request's socket
// down (found by its local and peer ports) so httplib's answer never leaves;
// for Status fills `res`; for Exception throws std::runtime_error. Returns false when the socket
// could not be found (the caller then answers 503 instead).
bool ApplyFault(const Fault& fault, const httplib::Request& req, httplib::Response& res);

} // namespace kpd::sandbox
