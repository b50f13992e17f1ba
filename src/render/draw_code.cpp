// The checkout code: the very text the till verifies (domain::CheckoutCode),
// drawn as the partner's barcode type on a white panel in both phone themes
// (a scanner needs dark bars on white), or as four big digits for a check-in
// code; dynamic and check-in codes say how many seconds they have left.
#include "render/barcode.h"
#include "render/scene.h"

#include "domain/totp.h"

#include <cmath>
#include <exception>

namespace kpd::render {
namespace {

constexpr Colour kInk{0, 0, 0, 1};
constexpr Colour kPanel{1, 1, 1, 1};

PixelBox ToPixels(const Scene& scene, double x, double y, double width, double height) {
    const double s = scene.scale;
    const int left = static_cast<int>(std::lround(x * s));
    const int top = static_cast<int>(std::lround(y * s));
    return PixelBox{left, top, static_cast<int>(std::lround((x + width) * s)) - left,
                    static_cast<int>(std::lround((y + height) * s)) - top};
}

std::string WithSeconds(std::string pattern, int seconds) {
    if (const auto at = pattern.find("%d"); at != std::string::npos) {
        pattern.replace(at, 2, std::to_string(seconds));
    }
    return pattern;
}

void DrawCodeError(Scene& scene, const Box& box, std::string_view type, const std::string& reason) {
    cairo_t* cr = scene.cr;
    RoundedRect(cr, box.x + 8, box.y + 8, box.width - 16, box.height - 16, 10);
    SetColour(cr, Colour{0.78, 0.13, 0.13, 1});
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);
    DrawText(cr, std::string(type) + ": " + reason, box.x + 20, box.y + box.height / 2 - 20,
             box.width - 40,
             TextStyle{14, Weight::Bold, Colour{0.78, 0.13, 0.13, 1}, Align::Centre, 3});
}

void DrawCheckinDigits(Scene& scene, const Box& box, const std::string& code) {
    constexpr double kCell = 56;
    const double left = box.x + (box.width - kCell * static_cast<double>(code.size()) -
                                 12 * (static_cast<double>(code.size()) - 1)) /
                                    2;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const double x = left + static_cast<double>(i) * (kCell + 12);
        FillRoundedRect(scene.cr, x, box.y + 14, kCell, 68, 12, Colour{0.93, 0.93, 0.95, 1});
        DrawText(scene.cr, code.substr(i, 1), x, box.y + 22, kCell,
                 TextStyle{40, Weight::Bold, kInk, Align::Centre});
    }
}

} // namespace

std::string DrawCheckoutCode(Scene& scene) {
    cairo_t* cr = scene.cr;
    const domain::CardIdentifier& identifier = scene.screen.identifier;
    const PreviewLabels& labels = scene.data.labels;
    const Layout& layout = scene.layout;
    const bool checkin = identifier.kind == domain::IdentifierKind::Checkin;

    DrawText(cr, checkin ? labels.checkin_code : labels.show_at_checkout, layout.code_caption.x,
             layout.code_caption.y, layout.code_caption.width,
             TextStyle{15, Weight::Regular, scene.chrome.secondary, Align::Centre});

    const Box& box = layout.code;
    FillRoundedRect(cr, box.x, box.y, box.width, box.height, 16, kPanel);

    std::string code;
    try {
        code = domain::CheckoutCode(identifier, scene.data.card_number, scene.data.totp_secret,
                                    scene.data.unix_seconds);
    } catch (const std::exception& e) {
        // Settings the rules reject (a zero interval, an absurd length) still draw, as an error
        // box.
        DrawCodeError(scene, box, domain::ToString(identifier.kind), e.what());
        return code;
    }
    if (checkin) {
        DrawCheckinDigits(scene, box, code);
    } else if (IsMatrixCode(identifier.barcode)) {
        const double side = box.height - 24;
        const BarcodeResult result =
            DrawBarcode(cr, identifier.barcode, code,
                        ToPixels(scene, box.x + (box.width - side) / 2, box.y + 12, side, side));
        if (!result.ok) {
            DrawCodeError(scene, box, domain::ToString(identifier.barcode), result.error);
        }
    } else {
        const BarcodeResult result =
            DrawBarcode(cr, identifier.barcode, code,
                        ToPixels(scene, box.x + 8, box.y + 12, box.width - 16, 96));
        if (result.ok) {
            DrawText(cr, result.readable_text.empty() ? code : result.readable_text, box.x + 8,
                     box.y + 112, box.width - 16,
                     TextStyle{15, Weight::Regular, kInk, Align::Centre});
        } else {
            DrawCodeError(scene, box, domain::ToString(identifier.barcode), result.error);
        }
    }

    if (identifier.kind != domain::IdentifierKind::Static) {
        const int interval =
            checkin ? domain::kCheckinIntervalSeconds : identifier.totp_interval_seconds;
        if (interval > 0) {
            const int left = domain::TotpSecondsLeft(scene.data.unix_seconds, interval);
            DrawText(cr, WithSeconds(labels.code_changes_in, left), layout.code_note.x,
                     layout.code_note.y, layout.code_note.width,
                     TextStyle{13, Weight::Regular, scene.chrome.secondary, Align::Centre});
        }
    }
    return code;
}

} // namespace kpd::render
