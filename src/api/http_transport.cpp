#include "api/http_transport.h"

#include <algorithm>
#include <cctype>

namespace kpd::api::detail {

namespace {

struct Sink {
    Response* response = nullptr;
    std::size_t max_body = 0;
    bool overflow = false;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    std::size_t n = size * count;
    if (sink->response->body.size() + n > sink->max_body) {
        sink->overflow = true;
        return 0; // makes libcurl stop with CURLE_WRITE_ERROR
    }
    sink->response->body.append(data, n);
    return n;
}

std::string Trim(std::string text) {
    auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
    text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
    return text;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    std::size_t n = size * count;
    std::string line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (e.g. after "100 Continue"): only the last block counts.
        sink->response->headers.clear();
        return n;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) {
        return n;
    }
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    sink->response->headers[Trim(name)] = Trim(line.substr(colon + 1));
    return n;
}

// Called by libcurl often during the transfer and at least once a second
// while it waits: a non-zero answer aborts with CURLE_ABORTED_BY_CALLBACK.
int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const domain::CancelToken*>(user);
    return cancel != nullptr && cancel->IsCancelled() ? 1 : 0;
}

template <class T> void Set(CURL* curl, CURLoption option, T value) {
    // Options set here are valid for this libcurl; a failure is a programming error.
    (void)curl_easy_setopt(curl, option, value);
}

} // namespace

HttpTransport::HttpTransport(const ClientOptions& options) : m_options(options) {}

Result<Response> HttpTransport::Perform(const Exchange& exchange, const domain::CancelToken* cancel) {
    CURL* curl = m_easy.Get();
    // Reset clears every option of the last request but keeps the connection
    // cache, so keep-alive connections to the platform are reused.
    curl_easy_reset(curl);

    Response response;
    Sink sink{&response, m_options.max_response_bytes, false};
    char errorBuffer[CURL_ERROR_SIZE] = {0};

    CurlHeaderList headers;
    for (const auto& line : exchange.header_lines) {
        headers.Append(line);
    }

    Set(curl, CURLOPT_URL, exchange.url.c_str());
    Set(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    Set(curl, CURLOPT_NOSIGNAL, 1L); // timeouts without SIGALRM: we run on worker threads
    Set(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
    Set(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.request_timeout.count()));
    Set(curl, CURLOPT_SSL_VERIFYPEER, m_options.verify_tls ? 1L : 0L);
    Set(curl, CURLOPT_SSL_VERIFYHOST, m_options.verify_tls ? 2L : 0L);
    if (!m_options.ca_file.empty()) {
        // Replaces the default bundle file; Debian's libcurl still consults
        // the CA directory /etc/ssl/certs, so public CAs stay trusted too.
        Set(curl, CURLOPT_CAINFO, m_options.ca_file.c_str());
    }
    Set(curl, CURLOPT_ACCEPT_ENCODING, ""); // every encoding libcurl can decode (gzip, deflate…)
    Set(curl, CURLOPT_USERAGENT, m_options.user_agent.c_str());
    Set(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    Set(curl, CURLOPT_FOLLOWLOCATION, 0L); // the API never redirects; a redirect is off contract
    Set(curl, CURLOPT_HTTPHEADER, headers.Get());
    Set(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    Set(curl, CURLOPT_WRITEFUNCTION, &OnBody);
    Set(curl, CURLOPT_WRITEDATA, &sink);
    Set(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
    Set(curl, CURLOPT_HEADERDATA, &sink);
    Set(curl, CURLOPT_NOPROGRESS, 0L);
    Set(curl, CURLOPT_XFERINFOFUNCTION, &OnProgress);
    Set(curl, CURLOPT_XFERINFODATA, const_cast<domain::CancelToken*>(cancel));

    if (exchange.method == "GET") {
        Set(curl, CURLOPT_HTTPGET, 1L);
    } else if (exchange.method == "HEAD") {
        Set(curl, CURLOPT_NOBODY, 1L);
    } else {
        static const std::string kNoBody;
        const std::string& body = exchange.body != nullptr ? *exchange.body : kNoBody;
        Set(curl, CURLOPT_POST, 1L);
        Set(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        Set(curl, CURLOPT_POSTFIELDS, body.data());
        if (exchange.method != "POST") {
            Set(curl, CURLOPT_CUSTOMREQUEST, exchange.method.c_str());
        }
    }

    if (cancel != nullptr && cancel->IsCancelled()) {
        return ErrorFromCurl(CURLE_ABORTED_BY_CALLBACK, "", exchange.url);
    }
    CURLcode code = curl_easy_perform(curl);
    // The error buffer and header list die with this frame: unhook them.
    Set(curl, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));
    Set(curl, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));

    if (code == CURLE_WRITE_ERROR && sink.overflow) {
        ApiError error;
        error.kind = ApiErrorKind::BadResponse;
        error.code = "response_too_large";
        error.message = "The platform's answer is larger than " + std::to_string(m_options.max_response_bytes) +
                        " bytes";
        return error;
    }
    if (code != CURLE_OK) {
        return ErrorFromCurl(code, errorBuffer, exchange.url);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
}

ApiError ErrorFromCurl(int curl_code, const std::string& error_buffer, const std::string& url) {
    auto code = static_cast<CURLcode>(curl_code);
    ApiError error;
    error.code = "curl_" + std::to_string(curl_code);
    std::string words = !error_buffer.empty() ? error_buffer : curl_easy_strerror(code);
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        error.kind = ApiErrorKind::Cancelled;
        error.code = "cancelled";
        error.message = "Cancelled";
        return error;
    case CURLE_OPERATION_TIMEDOUT:
        error.kind = ApiErrorKind::Timeout;
        error.message = "No answer from " + url + " in time: " + words;
        return error;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
        error.kind = ApiErrorKind::Tls;
        error.message = "Secure connection to " + url + " failed: " + words;
        return error;
    case CURLE_URL_MALFORMAT:
        error.kind = ApiErrorKind::Network;
        error.code = "bad_url";
        error.message = "The platform URL is not valid: " + url;
        return error;
    case CURLE_UNSUPPORTED_PROTOCOL:
        error.kind = ApiErrorKind::Network;
        error.code = "unsupported_protocol";
        error.message = "The platform URL must start with http:// or https://: " + url;
        return error;
    default:
        error.kind = ApiErrorKind::Network;
        error.message = "Cannot reach " + url + ": " + words;
        return error;
    }
}

} // namespace kpd::api::detail
