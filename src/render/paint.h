#pragma once
// Small drawing words the sections share: colours, rounded rectangles, text
// set by pango in one line (ellipsized) or a few, images painted to cover a
// box. Everything is in points; the caller's cairo matrix maps points to
// pixels. Internal to src/render; the thread that owns `cr`.
#include "domain/color.h"

#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace kpd::render {

struct Colour {
    double r = 0, g = 0, b = 0, a = 1;
};
Colour FromRgb(domain::Rgb rgb);
// "#RRGGBB", or `fallback` when the text is not a colour.
Colour FromHex(std::string_view hex, Colour fallback);
// Black or white, whichever reads better on `background` (WCAG contrast).
Colour ReadableOn(Colour background);

void SetColour(cairo_t* cr, Colour colour);
void RoundedRect(cairo_t* cr, double x, double y, double width, double height, double radius);
void FillRoundedRect(cairo_t* cr, double x, double y, double width, double height, double radius,
                     Colour colour);

enum class Align { Left, Centre, Right };
enum class Weight { Regular, Bold };

struct TextStyle {
    double size = 15; // points
    Weight weight = Weight::Regular;
    Colour colour;
    Align align = Align::Left;
    int max_lines = 1; // longer text is ellipsized at the end of the last line
};

// Draws `text` (UTF-8) in the box whose top-left is (x, y) and width `width`;
// returns the height it took.
double DrawText(cairo_t* cr, std::string_view text, double x, double y, double width,
                const TextStyle& style);

// Paints `image` scaled to cover the box (cropping the overflow), clipped to
// a rounded rectangle of `radius`.
void PaintCover(cairo_t* cr, cairo_surface_t* image, double x, double y, double width,
                double height, double radius);

// A grey hatched box with a short label: an image that is missing or unreadable.
void DrawPlaceholder(cairo_t* cr, double x, double y, double width, double height, double radius,
                     std::string_view label);

// Money and numbers as the app shows them: "1 250", "1 250,50 ₽".
std::string GroupDigits(std::int64_t value);
std::string FormatRubles(std::int64_t kopecks, std::string_view currency);

} // namespace kpd::render
