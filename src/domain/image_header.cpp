#include "domain/image_header.h"

#include <algorithm>
#include <array>
#include <string>

namespace kpd::domain {

namespace {
using Bytes = std::span<const std::uint8_t>;

std::uint32_t Be32(Bytes b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
           std::uint32_t{b[at + 3]};
}
std::uint16_t Be16(Bytes b, std::size_t at) { return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]); }

// CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected) as PNG chunks carry it.
std::uint32_t Crc32(Bytes b) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::uint8_t byte : b) {
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}

ImageHeader Fail(std::string why) {
    ImageHeader h;
    h.error = std::move(why);
    return h;
}

constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

// Every chunk is walked and CRC-checked so a truncated or bit-flipped upload
// is refused at the door instead of breaking phones later.
ImageHeader InspectPng(Bytes b) {
    ImageHeader h;
    h.media_type = "image/png";
    std::size_t at = kPngSignature.size();
    bool sawHeader = false, sawData = false, sawEnd = false;
    while (at < b.size()) {
        if (b.size() - at < 12) {
            return Fail("PNG chunk at byte " + std::to_string(at) + " is cut short");
        }
        const std::uint32_t length = Be32(b, at);
        if (length > b.size() - at - 12) {
            return Fail("PNG chunk at byte " + std::to_string(at) + " runs past the end of the file");
        }
        const std::string type(reinterpret_cast<const char*>(&b[at + 4]), 4);
        const Bytes typeAndData = b.subspan(at + 4, 4 + length);
        if (Crc32(typeAndData) != Be32(b, at + 8 + length)) {
            return Fail("PNG chunk " + type + " at byte " + std::to_string(at) + " has a wrong CRC");
        }
        if (!sawHeader) {
            if (type != "IHDR" || length != 13) {
                return Fail("PNG does not start with its IHDR header chunk");
            }
            h.width = static_cast<int>(Be32(b, at + 8));
            h.height = static_cast<int>(Be32(b, at + 12));
            sawHeader = true;
        } else if (type == "IDAT") {
            sawData = true;
        } else if (type == "IEND") {
            sawEnd = true;
            at += 12 + length;
            break;
        }
        at += 12 + length;
    }
    if (!sawEnd) {
        return Fail("PNG has no IEND chunk: the file is cut short");
    }
    if (!sawData) {
        return Fail("PNG has no image data (IDAT)");
    }
    if (at != b.size()) {
        return Fail("PNG has " + std::to_string(b.size() - at) + " bytes after its IEND chunk");
    }
    if (h.width <= 0 || h.height <= 0) {
        return Fail("PNG has zero width or height");
    }
    return h;
}

bool IsFrameHeader(std::uint8_t marker) {
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader InspectJpeg(Bytes b) {
    ImageHeader h;
    h.media_type = "image/jpeg";
    if (b.size() < 4 || b[b.size() - 2] != 0xFF || b[b.size() - 1] != 0xD9) {
        return Fail("JPEG does not end with its EOI marker: the file is cut short");
    }
    std::size_t at = 2;
    while (true) {
        if (at + 4 > b.size() || b[at] != 0xFF) {
            return Fail("JPEG segment at byte " + std::to_string(at) + " is broken");
        }
        while (at < b.size() && b[at] == 0xFF) { // fill bytes may pad markers
            ++at;
        }
        if (at + 3 > b.size()) {
            return Fail("JPEG ends inside a marker");
        }
        const std::uint8_t marker = b[at];
        if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
            return Fail("JPEG has no frame header before its image data");
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
            ++at;
            continue;
        }
        const std::uint16_t length = Be16(b, at + 1);
        if (length < 2 || at + 1 + length > b.size()) {
            return Fail("JPEG segment at byte " + std::to_string(at - 1) + " runs past the end of the file");
        }
        if (IsFrameHeader(marker)) {
            if (length < 8) {
                return Fail("JPEG frame header is too short");
            }
            h.height = Be16(b, at + 4);
            h.width = Be16(b, at + 6);
            if (h.width == 0 || h.height == 0) {
                return Fail("JPEG has zero width or height");
            }
            return h;
        }
        at += 1 + length;
    }
}
} // namespace

ImageHeader InspectImage(std::span<const std::uint8_t> bytes) {
    if (bytes.size() >= kPngSignature.size() &&
        std::equal(kPngSignature.begin(), kPngSignature.end(), bytes.begin())) {
        return InspectPng(bytes);
    }
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        return InspectJpeg(bytes);
    }
    return Fail("the bytes are neither a PNG nor a JPEG image");
}

} // namespace kpd::domain
