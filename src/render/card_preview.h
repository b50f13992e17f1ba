#pragma once
// The phone-sized picture of a card screen as the app's users see it: drawn
// from the domain value itself with cairo, pango and zint, no wx, so the desk's
// live preview and `partnerctl card-screen render` show the very same pixels.
// Pure function of its inputs (the time for dynamic codes is an input too);
// safe to call on any thread, one call per thread at a time.
#include "domain/card_screen.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kpd::render {

// cairo's ARGB32: premultiplied, one native-endian std::uint32_t per pixel, rows `stride` bytes apart.
struct Image {
    int width = 0;
    int height = 0;
    int stride = 0;
    std::vector<std::uint8_t> data;

    std::uint32_t Pixel(int x, int y) const; // 0xAARRGGBB
};

struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
    bool Contains(int px, int py) const { return px >= x && py >= y && px < x + width && py < y + height; }
};

// Words the picture shows that are not the partner's own: the caller supplies
// them in the user's language (the desk through gettext, the CLI by --lang).
struct PreviewLabels {
    std::string history = "Purchases";
    std::string next_level = "To the next level";
    std::string max_level = "Top level";
    std::string show_at_checkout = "Show at the checkout";
    std::string checkin_code = "Code for the cashier";
    std::string code_changes_in = "Changes in %d s"; // %d: seconds left
    std::string scan_qr = "Scan a receipt";
    std::string rules = "Program rules";
    std::string privacy = "Privacy policy";
    std::string currency = "₽";
};
PreviewLabels RussianPreviewLabels();

struct HistoryLine {
    std::string name;
    std::int64_t amount_kop = 0;
};
struct HistoryRow {
    std::string when; // as shown, e.g. "21.11 18:40"
    std::string store;
    std::int64_t amount_kop = 0;
    std::vector<HistoryLine> lines;
};

// The customer data a real card would show, and the uploaded images by asset id.
struct PreviewData {
    std::string partner_name;
    std::string card_number = "2900001234567";
    std::int64_t points = 0;
    std::int64_t accumulated_kop = 0; // drives the progress bar
    std::vector<HistoryRow> history;
    std::vector<std::uint8_t> totp_secret; // the card's dynamic-code secret
    std::int64_t unix_seconds = 0;         // the moment drawn (dynamic and check-in codes)
    std::map<std::string, std::vector<std::uint8_t>> assets; // asset id -> PNG/JPEG bytes
    PreviewLabels labels;
};
PreviewData SamplePreviewData(std::string partner_name);

// A sample card number the barcode type can carry (right length, valid check
// digit), for previews of screens whose type the default number does not fit.
std::string SampleCardNumber(domain::BarcodeType type);

// Every asset id the screen draws (logo, background, banners, promo blocks),
// each once, in that order: what a caller fetches into PreviewData::assets.
std::vector<std::string> ReferencedAssets(const domain::CardScreen& screen);

enum class PhoneTheme { Light, Dark };

struct RenderOptions {
    PhoneTheme phone = PhoneTheme::Light;
    double scale = 1.0; // device pixels per point; the phone is kPhoneWidth points wide
};
inline constexpr int kPhoneWidth = 390;
inline constexpr int kPhoneHeight = 844;

// Where the parts landed, in image pixels, for tests and for the editor to
// map a click to the field it shows.
struct RenderedParts {
    Rect card;    // the card face (background colour / image, logo, balance)
    Rect logo;    // empty when no logo
    Rect balance;
    Rect progress;
    Rect code;    // the barcode / QR / check-in digits
    std::vector<Rect> banners;
    std::vector<Rect> promo_blocks;
    Rect history;
    std::string code_text; // what the code encodes at `unix_seconds`
};

struct Rendered {
    Image image;
    RenderedParts parts;
};

// Never throws for a bad screen: an unknown asset is drawn as a placeholder,
// a number the barcode type cannot carry is drawn as an error box.
Rendered RenderCardScreen(const domain::CardScreen& screen, const PreviewData& data,
                          const RenderOptions& options = {});

// PNG bytes of an image (unpremultiplied), and writing them to a file; false with `error` on failure.
std::vector<std::uint8_t> EncodePng(const Image& image);
bool WritePng(const Image& image, const std::string& path, std::string& error);

} // namespace kpd::render
