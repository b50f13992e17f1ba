#pragma once
// The private state of PlatformClient, shared by its two source files
// (platform_client.cpp: sessions and the Send loop; platform_resources.cpp:
// the typed calls). Thread affinity: that of the owning client.
#include "api/http_transport.h"
#include "api/platform_client.h"

#include <random>

namespace kpd::api {

struct PlatformClient::Impl {
    explicit Impl(ClientOptions opts);

    // One request with the safe retries; no token renewal.
    Result<Response> SendWithRetries(const Request& request);
    // One attempt: headers from one place, the exchange, nothing more.
    Result<Response> SendOnce(const Request& request);
    // Sleeps in short slices; false when the cancel token fired meanwhile.
    bool PauseUnlessCancelled(std::chrono::milliseconds delay);
    Result<contract::TokenResponse> Authenticate(const std::string& login, const std::string& password);
    void ForgetCredentials();
    bool Cancelled() const { return cancel && cancel->IsCancelled(); }

    ClientOptions options;
    detail::HttpTransport transport;
    domain::CancelTokenPtr cancel;
    WaitListener wait_listener;
    std::optional<contract::TokenResponse> session;
    // Kept in memory only, to sign in again when the token expires; wiped on
    // sign-out and never written to a log or a file.
    std::string login;
    std::string password;
    bool remembered = false;
    std::mt19937_64 jitter;
};

ApiError CancelledError();

} // namespace kpd::api
