#include "api/curl_handles.h"

#include <mutex>
#include <new>
#include <stdexcept>
#include <utility>

namespace kpd::api::detail {

void EnsureCurlGlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("curl_global_init failed");
        }
        // Never paired with curl_global_cleanup: clients may live in statics
        // whose destruction order we do not control.
    });
}

CurlEasy::CurlEasy() {
    EnsureCurlGlobalInit();
    m_handle = curl_easy_init();
    if (m_handle == nullptr) {
        throw std::runtime_error("curl_easy_init failed");
    }
}

CurlEasy::~CurlEasy() {
    if (m_handle != nullptr) {
        curl_easy_cleanup(m_handle);
    }
}

CurlEasy::CurlEasy(CurlEasy&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}

CurlEasy& CurlEasy::operator=(CurlEasy&& other) noexcept {
    if (this != &other) {
        if (m_handle != nullptr) {
            curl_easy_cleanup(m_handle);
        }
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

CurlHeaderList::~CurlHeaderList() {
    curl_slist_free_all(m_list);
}

CurlHeaderList::CurlHeaderList(CurlHeaderList&& other) noexcept : m_list(std::exchange(other.m_list, nullptr)) {}

CurlHeaderList& CurlHeaderList::operator=(CurlHeaderList&& other) noexcept {
    if (this != &other) {
        curl_slist_free_all(m_list);
        m_list = std::exchange(other.m_list, nullptr);
    }
    return *this;
}

void CurlHeaderList::Append(const std::string& line) {
    curl_slist* grown = curl_slist_append(m_list, line.c_str());
    if (grown == nullptr) {
        throw std::bad_alloc();
    }
    m_list = grown;
}

} // namespace kpd::api::detail
