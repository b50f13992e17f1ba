#pragma once
// The checkout code drawn as the till's scanner needs it: zint encodes the
// text in the chosen symbology, and the bars or modules are painted in whole
// device pixels (no anti-aliased edges) inside a white quiet zone, so a
// camera — or zbarimg in the tests — reads it back. Internal to src/render;
// the thread that owns `cr`.
#include "domain/card_screen.h"

#include <cairo.h>

#include <string>
#include <string_view>

namespace kpd::render {

struct PixelBox {
    int x = 0, y = 0, width = 0, height = 0;
};

struct BarcodeResult {
    bool ok = false;
    std::string error; // zint's reason when !ok (English)
    std::string
        readable_text; // the digits printed under a linear code (with a check digit zint added)
};

// Draws `text` as `type` centred in `box` (device pixels, the cairo matrix is
// ignored): black on white, bars `box.height` tall for linear codes, a square
// for QR. Draws nothing and returns the reason when zint cannot encode it.
BarcodeResult DrawBarcode(cairo_t* cr, domain::BarcodeType type, std::string_view text,
                          PixelBox box);

// Whether `type` is drawn as a square (QR) rather than as a row of bars.
bool IsMatrixCode(domain::BarcodeType type);

} // namespace kpd::render
