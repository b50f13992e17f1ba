// Barcodes from zint's vector output (barcode.h). zint is asked for the bare
// symbol — no human-readable text, no whitespace — so the vector's extent is
// exactly `symbol->width` modules across; the quiet zones are ours.
#include "render/barcode.h"

#include <zint.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace kpd::render {
namespace {

struct SymbolDelete {
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using SymbolPtr = std::unique_ptr<zint_symbol, SymbolDelete>;

int Symbology(domain::BarcodeType type, std::size_t length) {
    switch (type) {
    case domain::BarcodeType::Ean8:
    case domain::BarcodeType::Ean13:
        // zint picks EAN-8 or EAN-13 by the number of digits; a full-length
        // number carries its check digit, which zint then verifies.
        return length == 8 || length == 13 ? BARCODE_EANX_CHK : BARCODE_EANX;
    case domain::BarcodeType::Code128:
        return BARCODE_CODE128;
    case domain::BarcodeType::UpcA:
        return length == 12 ? BARCODE_UPCA_CHK : BARCODE_UPCA;
    case domain::BarcodeType::QrCode:
        return BARCODE_QRCODE;
    }
    return BARCODE_CODE128;
}

// EAN-8 and EAN-13 share zint's symbology; the length decides, so a number
// of the other length must be refused here rather than drawn as the wrong code.
bool LengthFits(domain::BarcodeType type, std::string_view text) {
    switch (type) {
    case domain::BarcodeType::Ean8:
        return text.size() == 7 || text.size() == 8;
    case domain::BarcodeType::Ean13:
        return text.size() == 12 || text.size() == 13;
    case domain::BarcodeType::UpcA:
        return text.size() == 11 || text.size() == 12;
    default:
        return !text.empty();
    }
}

// Quiet zones in modules on each side: EAN/UPC need 7–11, Code 128 needs
// 10, QR needs 4; a little more costs nothing on a white panel.
int QuietModules(domain::BarcodeType type) {
    return type == domain::BarcodeType::QrCode ? 4 : 11;
}

} // namespace

bool IsMatrixCode(domain::BarcodeType type) {
    return type == domain::BarcodeType::QrCode;
}

BarcodeResult DrawBarcode(cairo_t* cr, domain::BarcodeType type, std::string_view text,
                          PixelBox box) {
    BarcodeResult result;
    if (!LengthFits(type, text)) {
        result.error = "the number has the wrong length for this barcode type";
        return result;
    }
    SymbolPtr symbol{ZBarcode_Create()};
    if (!symbol) {
        result.error = "out of memory";
        return result;
    }
    symbol->symbology = Symbology(type, text.size());
    symbol->input_mode = type == domain::BarcodeType::QrCode ? UNICODE_MODE : DATA_MODE;
    symbol->show_hrt = 0;
    symbol->output_options |= BARCODE_NO_QUIET_ZONES;
    if (type == domain::BarcodeType::QrCode) {
        symbol->option_1 = 2; // error correction level M: survives a scratched screen
    }
    const int encoded =
        ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(text.data()),
                        static_cast<int>(text.size()));
    if (encoded >= ZINT_ERROR) {
        result.error = symbol->errtxt;
        return result;
    }
    result.readable_text = reinterpret_cast<const char*>(symbol->text);
    if (ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR || symbol->vector == nullptr ||
        symbol->width <= 0 || symbol->vector->width <= 0 || symbol->vector->height <= 0) {
        result.error = symbol->errtxt;
        return result;
    }

    const int quiet = QuietModules(type);
    const bool matrix = IsMatrixCode(type);
    const int modulesAcross = symbol->width + 2 * quiet;
    const int modulesDown = matrix ? symbol->rows + 2 * quiet : 0;
    int module = box.width / modulesAcross;
    if (matrix) {
        module = std::min(module, box.height / modulesDown);
    }
    if (module < 1) {
        result.error = "the code does not fit the screen";
        return result;
    }
    const int symbolWidth = module * symbol->width;
    const int symbolHeight = matrix ? module * symbol->rows : box.height - 2 * module;
    const int left = box.x + (box.width - symbolWidth) / 2;
    const int top = box.y + (box.height - symbolHeight) / 2;
    const double scaleX = symbolWidth / static_cast<double>(symbol->vector->width);
    const double scaleY = symbolHeight / static_cast<double>(symbol->vector->height);

    cairo_save(cr);
    cairo_identity_matrix(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const zint_vector_rect* rect = symbol->vector->rectangles; rect != nullptr;
         rect = rect->next) {
        if (rect->colour > 0) {
            continue; // zint's own white boxes; the panel is white already
        }
        const double x0 = std::round(left + rect->x * scaleX);
        const double x1 = std::round(left + (rect->x + rect->width) * scaleX);
        const double y0 = std::round(top + rect->y * scaleY);
        const double y1 = std::round(top + (rect->y + rect->height) * scaleY);
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    }
    cairo_fill(cr);
    cairo_restore(cr);
    result.ok = true;
    return result;
}

} // namespace kpd::render
