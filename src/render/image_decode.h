#pragma once
// The partner's uploaded images (PNG or JPEG bytes, as POST /assets keeps
// them) turned into cairo surfaces to paint. Internal to src/render; any
// thread. Bytes that are neither a whole PNG nor a decodable JPEG give null,
// and the caller draws a placeholder instead.
#include "render/cairo_handles.h"

#include <cstdint>
#include <span>

namespace kpd::render {

SurfacePtr DecodeImage(std::span<const std::uint8_t> bytes);

} // namespace kpd::render
