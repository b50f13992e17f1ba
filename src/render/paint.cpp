// Drawing words shared by the sections of the card screen (paint.h).
#include "render/paint.h"
#include "render/cairo_handles.h"
#include "render/image_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace kpd::render {

Colour FromRgb(domain::Rgb rgb) {
    return Colour{rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0, 1.0};
}

Colour FromHex(std::string_view hex, Colour fallback) {
    if (auto rgb = domain::ParseHexColor(hex)) {
        return FromRgb(*rgb);
    }
    return fallback;
}

Colour ReadableOn(Colour background) {
    const auto channel = [](double c) { return static_cast<std::uint8_t>(std::lround(c * 255.0)); };
    const domain::Rgb rgb{channel(background.r), channel(background.g), channel(background.b)};
    const double onWhite = domain::ContrastRatio(rgb, domain::Rgb{255, 255, 255});
    const double onBlack = domain::ContrastRatio(rgb, domain::Rgb{0, 0, 0});
    return onWhite >= onBlack ? Colour{1, 1, 1, 1} : Colour{0, 0, 0, 1};
}

void SetColour(cairo_t* cr, Colour colour) {
    cairo_set_source_rgba(cr, colour.r, colour.g, colour.b, colour.a);
}

void RoundedRect(cairo_t* cr, double x, double y, double width, double height, double radius) {
    radius = std::min({radius, width / 2, height / 2});
    constexpr double kQuarter = std::numbers::pi / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + width - radius, y + radius, radius, -kQuarter, 0);
    cairo_arc(cr, x + width - radius, y + height - radius, radius, 0, kQuarter);
    cairo_arc(cr, x + radius, y + height - radius, radius, kQuarter, 2 * kQuarter);
    cairo_arc(cr, x + radius, y + radius, radius, 2 * kQuarter, 3 * kQuarter);
    cairo_close_path(cr);
}

void FillRoundedRect(cairo_t* cr, double x, double y, double width, double height, double radius,
                     Colour colour) {
    RoundedRect(cr, x, y, width, height, radius);
    SetColour(cr, colour);
    cairo_fill(cr);
}

double DrawText(cairo_t* cr, std::string_view text, double x, double y, double width,
                const TextStyle& style) {
    if (text.empty()) {
        return 0;
    }
    LayoutPtr layout{pango_cairo_create_layout(cr)};
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, "DejaVu Sans,Sans");
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.weight == Weight::Bold ? PANGO_WEIGHT_BOLD
                                                                         : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);

    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout.get(),
                            -std::max(1, style.max_lines)); // negative: a number of lines
    pango_layout_set_alignment(layout.get(), style.align == Align::Left     ? PANGO_ALIGN_LEFT
                                             : style.align == Align::Centre ? PANGO_ALIGN_CENTER
                                                                            : PANGO_ALIGN_RIGHT);
    int inkWidth = 0;
    int height = 0;
    pango_layout_get_size(layout.get(), &inkWidth, &height);

    SetColour(cr, style.colour);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
    return static_cast<double>(height) / PANGO_SCALE;
}

void PaintCover(cairo_t* cr, cairo_surface_t* image, double x, double y, double width,
                double height, double radius) {
    // Scaled once per size in device pixels (image_cache.h), then copied 1:1:
    // a redraw only blends, never resamples a large image again.
    double left = x, top = y, right = x + width, bottom = y + height;
    cairo_user_to_device(cr, &left, &top);
    cairo_user_to_device(cr, &right, &bottom);
    const int pixelLeft = static_cast<int>(std::lround(left));
    const int pixelTop = static_cast<int>(std::lround(top));
    const int pixelWidth = static_cast<int>(std::lround(right)) - pixelLeft;
    const int pixelHeight = static_cast<int>(std::lround(bottom)) - pixelTop;
    if (pixelWidth <= 0 || pixelHeight <= 0) {
        return;
    }
    cairo_surface_t* scaled = CachedCover(image, pixelWidth, pixelHeight);
    cairo_save(cr);
    RoundedRect(cr, x, y, width, height, radius);
    cairo_clip(cr);
    cairo_identity_matrix(cr);
    cairo_set_source_surface(cr, scaled, pixelLeft, pixelTop);
    cairo_paint(cr);
    cairo_restore(cr);
}

void DrawPlaceholder(cairo_t* cr, double x, double y, double width, double height, double radius,
                     std::string_view label) {
    cairo_save(cr);
    RoundedRect(cr, x, y, width, height, radius);
    cairo_clip(cr);
    SetColour(cr, Colour{0.80, 0.80, 0.82, 1});
    cairo_paint(cr);
    // Diagonal hatching says "no picture here" at any size.
    SetColour(cr, Colour{0.72, 0.72, 0.75, 1});
    cairo_set_line_width(cr, 6);
    for (double offset = -height; offset < width; offset += 18) {
        cairo_move_to(cr, x + offset, y + height);
        cairo_line_to(cr, x + offset + height, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    const TextStyle style{13, Weight::Bold, Colour{0.25, 0.25, 0.28, 1}, Align::Centre, 2};
    DrawText(cr, label, x + 8, y + height / 2 - 9, width - 16, style);
}

std::string GroupDigits(std::int64_t value) {
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const std::string digits = std::to_string(magnitude);
    std::string out;
    const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    out += digits.substr(0, first);
    for (std::size_t i = first; i < digits.size(); i += 3) {
        out += "\u00A0"; // no-break space: the digits stay on one line
        out += digits.substr(i, 3);
    }
    return negative ? "−" + out : out;
}

std::string FormatRubles(std::int64_t kopecks, std::string_view currency) {
    const std::uint64_t magnitude =
        kopecks < 0 ? 0 - static_cast<std::uint64_t>(kopecks) : static_cast<std::uint64_t>(kopecks);
    std::string text = GroupDigits(static_cast<std::int64_t>(magnitude / 100));
    if (magnitude % 100 != 0) {
        const auto cents = magnitude % 100;
        text += (cents < 10 ? ",0" : ",") + std::to_string(cents);
    }
    if (kopecks < 0) {
        text = "−" + text;
    }
    if (!currency.empty()) {
        text += "\u00A0";
        text += currency;
    }
    return text;
}

} // namespace kpd::render
