#pragma once
// What an uploaded image really is, read from its bytes alone (never from a
// file name or a declared Content-Type): PNG (signature, IHDR, every chunk's
// CRC, IEND present) or baseline/progressive JPEG (SOI, segments up to the
// frame header, EOI at the end). Pure: the caller supplies the bytes.
#include <cstdint>
#include <span>
#include <string>

namespace kpd::domain {

struct ImageHeader {
    std::string media_type; // "image/png" or "image/jpeg"; empty when not an image we accept
    int width = 0;
    int height = 0;
    std::string error;      // why the bytes are not a whole PNG/JPEG (English), empty when fine

    bool Ok() const { return error.empty(); }
};

ImageHeader InspectImage(std::span<const std::uint8_t> bytes);

} // namespace kpd::domain
