#pragma once
// SHA-256 of bytes as lower-case hex, the form the platform names assets by
// (AssetInfo::sha256) and the asset cache checks its bytes with.
// Pure function (OpenSSL's EVP digest); any thread.
#include <cstdint>
#include <span>
#include <string>

namespace kpd::store {

std::string Sha256Hex(std::span<const std::uint8_t> bytes);

} // namespace kpd::store
