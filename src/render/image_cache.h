#pragma once
// Decoded and pre-scaled images kept between draws: the desk redraws the
// preview on every edit with the same few images, and decoding a banner's
// PNG and scaling it down cost far more than drawing the rest of the screen.
// Keyed by the bytes themselves (length and hash), never by asset id alone,
// so changed bytes under the same id are decoded afresh. One cache per
// thread (RenderCardScreen may run on several threads at once), kept under a
// memory budget; surfaces it returns stay valid until the next BeginDraw.
#include "render/cairo_handles.h"

#include <cstdint>
#include <span>

namespace kpd::render {

// Starts a draw: what it fetches from the cache is kept until the next one.
void BeginDraw();

// The decoded image of `bytes` (PNG or JPEG), or null when they are neither.
cairo_surface_t* CachedDecode(std::span<const std::uint8_t> bytes);

// `image` scaled to cover exactly `width`×`height` device pixels (centred,
// the overflow cropped), made once per image and size.
cairo_surface_t* CachedCover(cairo_surface_t* image, int width, int height);

} // namespace kpd::render
