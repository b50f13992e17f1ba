#pragma once
// What every section of the card screen is drawn with: the screen and its
// sample data, the phone's chrome palette (light or dark: the app's own
// colours, never the partner's), the laid-out boxes in points, and the
// decoded images. Internal to src/render; one render call on one thread.
#include "render/cairo_handles.h"
#include "render/card_preview.h"
#include "render/paint.h"

#include <map>
#include <string>
#include <vector>

namespace kpd::render {

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
};

struct ChromePalette {
    Colour background; // behind everything
    Colour surface;    // panels: progress, history, links
    Colour text;
    Colour secondary; // captions, dates, line items
    Colour separator;
    Colour track; // the progress bar's empty part
};
ChromePalette PaletteFor(PhoneTheme theme);

// Where each section goes, in points from the top-left of the phone; the
// screen scrolls, so the picture is as tall as its content (at least one
// phone screen).
struct Layout {
    double height = kPhoneHeight;
    Box status_bar, title, card, logo, balance;
    Box progress; // empty when the progress bar is off
    Box code_caption, code, code_note;
    Box scanner; // empty when the QR scanner is off
    std::vector<Box> banners;
    std::vector<Box> promo_blocks; // image and title
    Box history;                   // empty when history is off
    std::vector<Box> links;        // rules, privacy (only those with a URL)
};

// The boxes for `screen` with `data` (pure arithmetic: every row has a fixed height).
Layout LayOut(const domain::CardScreen& screen, const PreviewData& data);

struct Scene {
    const domain::CardScreen& screen;
    const PreviewData& data;
    const Layout& layout;
    ChromePalette chrome;
    double scale = 1;
    cairo_t* cr = nullptr;
    std::map<std::string, cairo_surface_t*>
        images; // asset id -> decoded image (null: unreadable), owned by the image cache

    // The decoded image of asset `id`, or null when missing or unreadable.
    cairo_surface_t* Image(const std::optional<std::string>& id) const;
};

// Partner colours with safe fallbacks for a malformed "#RRGGBB".
Colour CardBackground(const Scene& scene);
Colour CardText(const Scene& scene);
Colour Accent(const Scene& scene);

// The sections, each drawing into its layout boxes.
void DrawChrome(Scene& scene);   // status bar and title
void DrawCardFace(Scene& scene); // background, logo, name, balance, card number
void DrawProgress(Scene& scene);
std::string DrawCheckoutCode(Scene& scene); // returns what the code encodes
void DrawBlocks(Scene& scene);              // QR-scanner button, banners, promo blocks
void DrawHistory(Scene& scene);
void DrawLinks(Scene& scene);

// Which level the customer is at and which comes next (null when none).
struct LevelPosition {
    const domain::ProgressLevel* current = nullptr;
    const domain::ProgressLevel* next = nullptr;
};
LevelPosition FindLevel(const domain::ProgressBar& progress, std::int64_t accumulated_kop);

} // namespace kpd::render
