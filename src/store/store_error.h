#pragma once
// StoreError: the one exception the workspace store throws. SOCI and driver
// errors are mapped here, at the repository boundary (HOUSE-STYLE 7 and 9), so
// callers above the store never see soci::soci_error or SQLSTATE codes.
//
// Thread affinity: a value type; any thread.
#include <stdexcept>
#include <string>

namespace kpd::store {

enum class StoreErrorKind {
    Unavailable, // cannot open or reach the database (file, server, URL)
    Duplicate,   // a UNIQUE key already exists (e.g. an outbox idempotency key)
    AppendOnly,  // an UPDATE or DELETE on an append-only table was refused
    Constraint,  // another integrity rule (NOT NULL, CHECK, foreign key)
    Busy,        // the database stayed locked longer than the busy timeout
    NotFound,    // the row the operation needs does not exist
    Other,       // anything else: a defect or an unexpected database state
};

const char* ToString(StoreErrorKind kind); // "duplicate", "append_only", … for logs and codes

class StoreError : public std::runtime_error {
  public:
    // `operation` names what the store was doing, e.g. "outbox.enqueue";
    // `detail` is the driver's words (never contains a bound value).
    StoreError(StoreErrorKind kind, std::string operation, std::string detail);

    StoreErrorKind Kind() const { return m_kind; }
    const std::string& Operation() const { return m_operation; }
    const std::string& Detail() const { return m_detail; }

  private:
    StoreErrorKind m_kind;
    std::string m_operation;
    std::string m_detail;
};

// Call inside a `catch (...)`: rethrows the exception in flight as a
// StoreError for `operation` (a StoreError passes through unchanged).
[[noreturn]] void RethrowAsStoreError(const std::string& operation);

// Runs `body` and maps whatever it throws into a StoreError: the one line
// each repository method wraps itself in.
template <class F> decltype(auto) Guarded(const std::string& operation, F&& body) {
    try {
        return body();
    } catch (...) {
        RethrowAsStoreError(operation);
    }
}

} // namespace kpd::store
