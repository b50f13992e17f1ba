#pragma once
// Move-only owners of libcurl handles (HOUSE-STYLE 8), so no path can leak or
// double-free a CURL* or a curl_slist*. Private to src/api: nothing above the
// api layer includes libcurl.
//
// Thread affinity: a handle belongs to one thread at a time (libcurl's rule).
#include <curl/curl.h>

#include <string>

namespace kpd::api::detail {

// Calls curl_global_init once per process, thread-safely, before the first
// handle exists (libcurl requires it before any other call).
void EnsureCurlGlobalInit();

class CurlEasy {
  public:
    CurlEasy(); // throws std::runtime_error when libcurl cannot make a handle
    ~CurlEasy();
    CurlEasy(CurlEasy&& other) noexcept;
    CurlEasy& operator=(CurlEasy&& other) noexcept;
    CurlEasy(const CurlEasy&) = delete;
    CurlEasy& operator=(const CurlEasy&) = delete;

    CURL* Get() const { return m_handle; }

  private:
    CURL* m_handle = nullptr;
};

class CurlHeaderList {
  public:
    CurlHeaderList() = default;
    ~CurlHeaderList();
    CurlHeaderList(CurlHeaderList&& other) noexcept;
    CurlHeaderList& operator=(CurlHeaderList&& other) noexcept;
    CurlHeaderList(const CurlHeaderList&) = delete;
    CurlHeaderList& operator=(const CurlHeaderList&) = delete;

    // "Name: value"; throws std::bad_alloc when libcurl cannot grow the list.
    void Append(const std::string& line);
    curl_slist* Get() const { return m_list; }

  private:
    curl_slist* m_list = nullptr;
};

} // namespace kpd::api::detail
