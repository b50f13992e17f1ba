#include "domain/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace kpd::domain {

namespace {
const EVP_MD* Digest(TotpHash hash) {
    switch (hash) {
    case TotpHash::Sha1: return EVP_sha1();
    case TotpHash::Sha256: return EVP_sha256();
    case TotpHash::Sha512: return EVP_sha512();
    }
    return EVP_sha1();
}

// HOTP (RFC 4226 §5.3): HMAC of the big-endian counter, dynamic truncation.
std::uint32_t Hotp(std::span<const std::uint8_t> secret, std::uint64_t counter, TotpHash hash) {
    std::uint8_t message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<std::uint8_t>(counter & 0xFF);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    if (HMAC(Digest(hash), secret.data(), static_cast<int>(secret.size()), message, sizeof message, mac,
             &macLength) == nullptr) {
        throw std::runtime_error("HMAC failed");
    }
    const unsigned offset = mac[macLength - 1] & 0x0F;
    return ((std::uint32_t{mac[offset]} & 0x7F) << 24) | (std::uint32_t{mac[offset + 1]} << 16) |
           (std::uint32_t{mac[offset + 2]} << 8) | std::uint32_t{mac[offset + 3]};
}

std::int64_t Step(std::int64_t unix_seconds, int interval_seconds) {
    const std::int64_t interval = interval_seconds > 0 ? interval_seconds : 30;
    // Floor division, so a moment before 1970 still falls in its own step.
    return unix_seconds >= 0 ? unix_seconds / interval : -((-unix_seconds + interval - 1) / interval);
}
} // namespace

std::string Totp(std::span<const std::uint8_t> secret, std::int64_t unix_seconds, int interval_seconds, int digits,
                 TotpHash hash) {
    if (digits < 1 || digits > 9) {
        throw std::invalid_argument("TOTP length must be 1-9 digits");
    }
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) {
        modulus *= 10;
    }
    const auto counter = static_cast<std::uint64_t>(Step(unix_seconds, interval_seconds));
    std::string code = std::to_string(Hotp(secret, counter, hash) % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

int TotpSecondsLeft(std::int64_t unix_seconds, int interval_seconds) {
    const std::int64_t interval = interval_seconds > 0 ? interval_seconds : 30;
    return static_cast<int>((Step(unix_seconds, interval_seconds) + 1) * interval - unix_seconds);
}

std::string CheckoutCode(const CardIdentifier& identifier, std::string_view card_number,
                         std::span<const std::uint8_t> secret, std::int64_t unix_seconds) {
    switch (identifier.kind) {
    case IdentifierKind::Static: return std::string(card_number);
    case IdentifierKind::Dynamic: {
        const int length = identifier.totp_length >= 1 && identifier.totp_length <= 9 ? identifier.totp_length : 6;
        return identifier.prefix + std::string(card_number) +
               Totp(secret, unix_seconds, identifier.totp_interval_seconds, length);
    }
    case IdentifierKind::Checkin: return Totp(secret, unix_seconds, kCheckinIntervalSeconds, 4);
    }
    return std::string(card_number);
}

} // namespace kpd::domain
