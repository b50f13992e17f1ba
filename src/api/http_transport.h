#pragma once
// One HTTP exchange over a reused libcurl easy handle: the only code that
// calls curl_easy_perform. It knows nothing of tokens, retries or JSON; an
// HTTP error status is a successful exchange here (the caller maps it), and
// only transport failures become ApiErrors (Network, Timeout, Tls, Cancelled).
//
// Thread affinity: one thread at a time (it owns one easy handle, whose
// connection cache gives keep-alive reuse across calls).
#include "api/curl_handles.h"
#include "api/platform_client.h"

#include <string>
#include <vector>

namespace kpd::api::detail {

struct Exchange {
    std::string method;                    // GET, POST, PUT, DELETE…
    std::string url;                       // absolute, from BuildUrl
    std::vector<std::string> header_lines; // "Name: value"
    const std::string* body = nullptr;     // nullptr for none; must outlive Perform
};

class HttpTransport {
  public:
    explicit HttpTransport(const ClientOptions& options);

    Result<Response> Perform(const Exchange& exchange, const domain::CancelToken* cancel);

  private:
    const ClientOptions& m_options;
    CurlEasy m_easy;
};

// libcurl's result code as an ApiError kind and words (kept next to the
// transport so that no other file needs curl.h).
ApiError ErrorFromCurl(int curl_code, const std::string& error_buffer, const std::string& url);

} // namespace kpd::api::detail
