// NewIdempotencyKey: a UUID v4 from the operating system's random source.
// The key is what makes a retried POST safe, so two keys must never collide:
// the bytes come from the kernel's CSPRNG (/dev/urandom, named explicitly so
// libstdc++ cannot pick another source), never from a seeded pseudo-random
// engine that two processes could start identically.
#include "api/platform_client.h"

#include <array>
#include <cstdint>
#include <random>

namespace kpd::api {

std::string NewIdempotencyKey() {
    // random_device is not guaranteed thread-safe to share; one per call is cheap.
    std::random_device device("/dev/urandom");
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 4) {
        std::uint32_t word = device();
        for (std::size_t j = 0; j < 4; ++j) {
            bytes[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
        }
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant

    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 0x0F];
    }
    return out;
}

} // namespace kpd::api
