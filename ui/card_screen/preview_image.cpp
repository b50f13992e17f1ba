#include "ui/card_screen/preview_image.h"

#include "ui/app/words.h"

#include <wx/intl.h>

#include <cstdint>

namespace kpd::ui {

wxImage ToWxImage(const render::Image& image) {
    if (image.width <= 0 || image.height <= 0) return wxImage();
    wxImage out(image.width, image.height, false);
    out.InitAlpha();
    unsigned char* rgb = out.GetData();
    unsigned char* alpha = out.GetAlpha();
    // Row by row straight from cairo's buffer: this runs on every redraw of a
    // phone-sized picture, so no per-pixel call and no division for opaque pixels.
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(image.data.data() + static_cast<std::size_t>(y) * image.stride);
        const std::size_t base = static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t argb = row[x];
            const unsigned a = (argb >> 24) & 0xFF;
            unsigned r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
            if (a != 0 && a != 255) { // cairo keeps colours multiplied by alpha
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
            const std::size_t i = base + static_cast<std::size_t>(x);
            rgb[i * 3] = static_cast<unsigned char>(r > 255 ? 255 : r);
            rgb[i * 3 + 1] = static_cast<unsigned char>(g > 255 ? 255 : g);
            rgb[i * 3 + 2] = static_cast<unsigned char>(b > 255 ? 255 : b);
            alpha[i] = static_cast<unsigned char>(a);
        }
    }
    return out;
}

render::PreviewLabels PreviewLabelsInUiLanguage() {
    render::PreviewLabels labels;
    labels.history = ToUtf8(_("Purchases"));
    labels.next_level = ToUtf8(_("To the next level"));
    labels.max_level = ToUtf8(_("Top level"));
    labels.show_at_checkout = ToUtf8(_("Show at the checkout"));
    labels.checkin_code = ToUtf8(_("Code for the cashier"));
    // TRANSLATORS: under a dynamic card code; %d is the number of seconds until it changes. Keep "%d".
    labels.code_changes_in = ToUtf8(_("Changes in %d s"));
    labels.scan_qr = ToUtf8(_("Scan a receipt"));
    labels.rules = ToUtf8(_("Program rules"));
    labels.privacy = ToUtf8(_("Privacy policy"));
    // TRANSLATORS: the currency sign after amounts on the phone picture.
    labels.currency = ToUtf8(_("₽"));
    return labels;
}

} // namespace kpd::ui
