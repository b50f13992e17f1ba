#pragma once
// Password hashing, access tokens and fingerprints, all on libsodium.
// InitCrypto() once at start-up on the main thread; everything else is
// thread-safe.
#include <string>
#include <string_view>

namespace kpd::sandbox {

// Throws std::runtime_error when libsodium cannot start.
void InitCrypto();

// argon2id in libsodium's self-describing "$argon2id$…" string.
std::string HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);
// Burns the time of one verification, so an unknown login answers as slowly
// as a wrong password (no login enumeration by timing).
void VerifyDummyPassword(std::string_view password);

// 32 random bytes, base64url without padding (43 characters).
std::string NewAccessToken();

// Lower-case hex SHA-256: how tokens are stored and requests fingerprinted.
std::string Sha256Hex(std::string_view data);

// base64url without padding, for opaque cursors.
std::string Base64UrlEncode(std::string_view data);
// False for anything that is not base64url.
bool Base64UrlDecode(std::string_view text, std::string& out);

} // namespace kpd::sandbox
