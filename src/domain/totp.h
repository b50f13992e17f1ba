#pragma once
// Time-based one-time passwords (RFC 6238 over HOTP, RFC 4226) as the till
// verifies them for a dynamic card code, and the code the checkout screen shows.
#include "domain/card_screen.h"

#include <cstdint>
#include <span>
#include <string>

namespace kpd::domain {

// A check-in code lives this long (the cashier types it in within the step).
inline constexpr int kCheckinIntervalSeconds = 30;

enum class TotpHash { Sha1, Sha256, Sha512 }; // RFC 6238 allows all three; SHA-1 is the default

// The `digits`-long code (zero-padded) for `unix_seconds`, step `interval_seconds`, T0 = 0.
std::string Totp(std::span<const std::uint8_t> secret, std::int64_t unix_seconds, int interval_seconds,
                 int digits, TotpHash hash = TotpHash::Sha1);

// Seconds left until the code for `unix_seconds` changes.
int TotpSecondsLeft(std::int64_t unix_seconds, int interval_seconds);

// What the checkout screen encodes for a card: the card number for a static
// code; prefix + card number + TOTP postfix for a dynamic one; for a check-in
// code, a 4-digit one-time code derived the same way (interval 30 s).
std::string CheckoutCode(const CardIdentifier& identifier, std::string_view card_number,
                         std::span<const std::uint8_t> secret, std::int64_t unix_seconds);

} // namespace kpd::domain
