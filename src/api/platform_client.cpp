// PlatformClient: sessions, and the one Send loop every call goes through
// (common headers, safe retries with backoff, token renewal on 401).
#include "api/platform_client.h"

#include "api/error_mapping.h"
#include "api/platform_client_impl.h"
#include "api/retry_policy.h"
#include "api/url.h"
#include "contract/endpoints.h"
#include "contract/json_parse.h"

#include <algorithm>
#include <cctype>
#include <thread>

namespace kpd::api {

namespace {

// Overwrites a secret before its memory is released (a plain clear() leaves
// the bytes in the freed buffer). The volatile access keeps the compiler from
// dropping the stores as dead.
void Wipe(std::string& secret) {
    volatile char* p = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i) {
        p[i] = 0;
    }
    secret.clear();
}

bool HasHeader(const Request& request, const std::string& lowerName) {
    return std::any_of(request.headers.begin(), request.headers.end(), [&](const auto& header) {
        std::string name = header.first;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return name == lowerName;
    });
}

} // namespace

ApiError CancelledError() {
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    error.code = "cancelled";
    error.message = "Cancelled";
    return error;
}

PlatformClient::Impl::Impl(ClientOptions opts)
    : options(std::move(opts)), transport(options), jitter(std::random_device{}()) {}

Result<Response> PlatformClient::Impl::SendOnce(const Request& request) {
    detail::Exchange exchange;
    exchange.method = request.method;
    exchange.url = BuildUrl(options.base_url, request.path);
    auto& h = exchange.header_lines;
    if (!HasHeader(request, "accept")) {
        h.push_back("Accept: application/json");
    }
    // libcurl would otherwise wait for "100 Continue" before sending large
    // bodies; the platform answers directly.
    h.push_back("Expect:");
    if (!request.body.empty()) {
        // JSON unless the request names its own type (an image upload).
        if (!HasHeader(request, "content-type")) {
            h.push_back("Content-Type: application/json");
        }
        exchange.body = &request.body;
    }
    if (request.authenticated) {
        if (!session || session->access_token.empty()) {
            ApiError error;
            error.kind = ApiErrorKind::Unauthorized;
            error.code = "not_signed_in";
            error.message = "Not signed in";
            return error;
        }
        h.push_back("Authorization: Bearer " + session->access_token);
    }
    if (request.idempotency_key) {
        h.push_back("Idempotency-Key: " + *request.idempotency_key);
    }
    if (request.if_match) {
        h.push_back("If-Match: " + *request.if_match);
    }
    for (const auto& [name, value] : request.headers) {
        h.push_back(name + ": " + value);
    }
    return transport.Perform(exchange, cancel.get());
}

bool PlatformClient::Impl::PauseUnlessCancelled(std::chrono::milliseconds delay) {
    auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until) {
        if (Cancelled()) {
            return false;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(std::clamp(left, std::chrono::milliseconds(0), std::chrono::milliseconds(20)));
    }
    return !Cancelled();
}

Result<Response> PlatformClient::Impl::SendWithRetries(const Request& request) {
    const bool safe = IsSafeToRetry(request);
    const int attempts = std::max(1, options.max_attempts);
    for (int attempt = 1;; ++attempt) {
        if (Cancelled()) {
            return CancelledError();
        }
        Result<Response> outcome = SendOnce(request);
        std::optional<std::chrono::milliseconds> delay;
        bool askedToWait = false; // the delay is the platform's Retry-After
        ApiError error;
        if (outcome.Ok()) {
            const Response& response = outcome.Value();
            if (response.status >= 200 && response.status < 300) {
                return outcome;
            }
            error = ErrorFromHttp(response.status, response.body);
            if (IsTransientStatus(response.status)) {
                auto header = response.headers.find("retry-after");
                if (header != response.headers.end()) {
                    delay = ParseRetryAfter(header->second);
                    if (delay && *delay > options.max_retry_after) {
                        return error; // the platform asks for a longer pause than we may block
                    }
                    askedToWait = delay.has_value();
                }
                if (!delay) {
                    delay = BackoffDelay(attempt, options.retry_base_delay, options.max_retry_delay, jitter);
                }
            }
        } else {
            error = outcome.Error();
            if (IsTransientTransportError(error)) {
                delay = BackoffDelay(attempt, options.retry_base_delay, options.max_retry_delay, jitter);
            }
        }
        // A 429 was refused before the platform looked at the request, so
        // even a POST without an Idempotency-Key may go again.
        const bool notActedOn = error.http_status == 429;
        if (!delay || !(safe || notActedOn) || attempt >= attempts) {
            return error;
        }
        const auto asked = std::chrono::duration_cast<std::chrono::seconds>(*delay);
        const bool tell = askedToWait && asked.count() > 0 && wait_listener;
        if (tell) {
            wait_listener(asked);
        }
        const bool paused = PauseUnlessCancelled(*delay);
        if (tell) {
            wait_listener(std::chrono::seconds(0));
        }
        if (!paused) {
            return CancelledError();
        }
    }
}

Result<contract::TokenResponse> PlatformClient::Impl::Authenticate(const std::string& userLogin,
                                                                   const std::string& userPassword) {
    Request request;
    request.method = "POST";
    request.path = contract::endpoints::kAuthToken;
    request.authenticated = false;
    request.body = contract::DumpJson(contract::ToJson(contract::TokenRequest{userLogin, userPassword}));
    auto result = ReadBody<contract::TokenResponse>(SendWithRetries(request), contract::TokenResponseFromJson);
    Wipe(request.body);
    return result;
}

void PlatformClient::Impl::ForgetCredentials() {
    Wipe(login);
    Wipe(password);
    remembered = false;
}

PlatformClient::PlatformClient(ClientOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

PlatformClient::~PlatformClient() {
    if (m_impl) {
        m_impl->ForgetCredentials();
    }
}

PlatformClient::PlatformClient(PlatformClient&&) noexcept = default;

PlatformClient& PlatformClient::operator=(PlatformClient&& other) noexcept {
    if (this != &other) {
        if (m_impl) {
            m_impl->ForgetCredentials();
        }
        m_impl = std::move(other.m_impl);
    }
    return *this;
}

const ClientOptions& PlatformClient::Options() const {
    return m_impl->options;
}

void PlatformClient::SetCancelToken(domain::CancelTokenPtr token) {
    m_impl->cancel = std::move(token);
}

domain::CancelTokenPtr PlatformClient::CancelTokenInUse() const {
    return m_impl->cancel;
}

void PlatformClient::SetWaitListener(WaitListener listener) {
    m_impl->wait_listener = std::move(listener);
}

const PlatformClient::WaitListener& PlatformClient::WaitListenerInUse() const {
    return m_impl->wait_listener;
}

Result<contract::TokenResponse> PlatformClient::SignIn(const std::string& login, const std::string& password) {
    // A failed sign-in must not leave an older session usable under the new name.
    SignOut();
    auto result = m_impl->Authenticate(login, password);
    if (result.Ok()) {
        m_impl->session = result.Value();
        m_impl->login = login;
        m_impl->password = password;
        m_impl->remembered = true;
    }
    return result;
}

void PlatformClient::UseToken(const std::string& access_token, const std::string& expires_at) {
    contract::TokenResponse session;
    session.access_token = access_token;
    session.expires_at = expires_at;
    UseSession(std::move(session));
}

void PlatformClient::UseSession(contract::TokenResponse session) {
    SignOut();
    m_impl->session = std::move(session);
}

void PlatformClient::SignOut() {
    if (m_impl->session) {
        Wipe(m_impl->session->access_token);
    }
    m_impl->session.reset();
    m_impl->ForgetCredentials();
}

std::optional<contract::TokenResponse> PlatformClient::CurrentSession() const {
    return m_impl->session;
}

Result<Response> PlatformClient::Send(const Request& request) {
    auto result = m_impl->SendWithRetries(request);
    // The local clock may disagree with the platform's, so expiry is learnt
    // from the platform's 401 `token_expired`, then the request is replayed once.
    if (!result.Ok() && request.authenticated && result.Error().kind == ApiErrorKind::Unauthorized &&
        result.Error().code == "token_expired" && m_impl->remembered) {
        auto renewed = m_impl->Authenticate(m_impl->login, m_impl->password);
        if (!renewed.Ok()) {
            // Refused (user disabled, password changed): the session is over.
            // Unreachable: keep the credentials for the next try.
            if (renewed.Error().kind == ApiErrorKind::Unauthorized) {
                SignOut();
            }
            return renewed.Error();
        }
        m_impl->session = renewed.Value();
        result = m_impl->SendWithRetries(request);
    }
    return result;
}

} // namespace kpd::api
