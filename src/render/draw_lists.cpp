// The scrolling part under the code: the QR-scanner button, banners and promo
// blocks with their images, the purchase history with receipt lines, and the
// program's links.
#include "render/scene.h"

#include <tuple>

namespace kpd::render {

void DrawBlocks(Scene& scene) {
    cairo_t* cr = scene.cr;
    if (const Box& button = scene.layout.scanner; button.height > 0) {
        const Colour accent = Accent(scene);
        const Colour label = ReadableOn(accent);
        FillRoundedRect(cr, button.x, button.y, button.width, button.height, button.height / 2,
                        accent);
        // A small viewfinder: four corners, as the app's scanner icon.
        SetColour(cr, label);
        cairo_set_line_width(cr, 2);
        const double ix = button.x + 24;
        const double iy = button.y + 14;
        for (const auto& [dx, dy, sx, sy] :
             {std::tuple{0.0, 0.0, 1.0, 1.0}, std::tuple{20.0, 0.0, -1.0, 1.0},
              std::tuple{0.0, 20.0, 1.0, -1.0}, std::tuple{20.0, 20.0, -1.0, -1.0}}) {
            cairo_move_to(cr, ix + dx, iy + dy + 6 * sy);
            cairo_line_to(cr, ix + dx, iy + dy);
            cairo_line_to(cr, ix + dx + 6 * sx, iy + dy);
        }
        cairo_stroke(cr);
        DrawText(cr, scene.data.labels.scan_qr, button.x + 56, button.y + 14, button.width - 80,
                 TextStyle{16, Weight::Bold, label, Align::Left});
    }

    const auto& banners = scene.screen.banners;
    for (std::size_t i = 0; i < banners.size() && i < scene.layout.banners.size(); ++i) {
        const Box& box = scene.layout.banners[i];
        if (cairo_surface_t* image = scene.Image(banners[i].asset)) {
            PaintCover(cr, image, box.x, box.y, box.width, box.height, 12);
        } else {
            DrawPlaceholder(cr, box.x, box.y, box.width, box.height, 12,
                            banners[i].title.empty() ? std::string_view("?")
                                                     : std::string_view(banners[i].title));
        }
    }

    const auto& promos = scene.screen.promo_blocks;
    for (std::size_t i = 0; i < promos.size() && i < scene.layout.promo_blocks.size(); ++i) {
        const Box& box = scene.layout.promo_blocks[i];
        const double imageHeight = box.height - 44;
        if (cairo_surface_t* image = scene.Image(promos[i].asset)) {
            PaintCover(cr, image, box.x, box.y, box.width, imageHeight, 12);
        } else if (promos[i].asset) {
            DrawPlaceholder(cr, box.x, box.y, box.width, imageHeight, 12, "?");
        } else {
            // A promo without a picture is a tile in the partner's accent colour.
            FillRoundedRect(cr, box.x, box.y, box.width, imageHeight, 12, Accent(scene));
        }
        DrawText(cr, promos[i].title, box.x + 2, box.y + imageHeight + 6, box.width - 4,
                 TextStyle{14, Weight::Bold, scene.chrome.text, Align::Left, 2});
    }
}

void DrawHistory(Scene& scene) {
    const Box& box = scene.layout.history;
    if (box.height <= 0) {
        return;
    }
    cairo_t* cr = scene.cr;
    const PreviewLabels& labels = scene.data.labels;
    FillRoundedRect(cr, box.x, box.y, box.width, box.height, 16, scene.chrome.surface);
    DrawText(cr, labels.history, box.x + 16, box.y + 12, box.width - 32,
             TextStyle{17, Weight::Bold, scene.chrome.text});

    double y = box.y + 44;
    const double left = box.x + 16;
    const double width = box.width - 32;
    bool first = true;
    for (const HistoryRow& row : scene.data.history) {
        if (!first) {
            SetColour(cr, scene.chrome.separator);
            cairo_rectangle(cr, left, y, width, 0.5);
            cairo_fill(cr);
        }
        first = false;
        DrawText(cr, row.store, left, y + 8, width * 0.62,
                 TextStyle{15, Weight::Regular, scene.chrome.text});
        DrawText(cr, row.when, left, y + 30, width * 0.62,
                 TextStyle{13, Weight::Regular, scene.chrome.secondary});
        DrawText(cr, FormatRubles(row.amount_kop, labels.currency), left + width * 0.62, y + 8,
                 width * 0.38, TextStyle{15, Weight::Bold, scene.chrome.text, Align::Right});
        y += 56;
        if (scene.screen.history.line_items && !row.lines.empty()) {
            for (const HistoryLine& line : row.lines) {
                const TextStyle style{13, Weight::Regular, scene.chrome.secondary};
                DrawText(cr, line.name, left + 12, y, width * 0.66 - 12, style);
                TextStyle right = style;
                right.align = Align::Right;
                DrawText(cr, FormatRubles(line.amount_kop, labels.currency), left + width * 0.66, y,
                         width * 0.34, right);
                y += 20;
            }
            y += 8;
        }
    }
}

void DrawLinks(Scene& scene) {
    const auto& boxes = scene.layout.links;
    if (boxes.empty()) {
        return;
    }
    cairo_t* cr = scene.cr;
    const Box& first = boxes.front();
    const Box& last = boxes.back();
    FillRoundedRect(cr, first.x, first.y, first.width, last.y + last.height - first.y, 16,
                    scene.chrome.surface);
    std::vector<const std::string*> titles;
    if (!scene.screen.links.rules_url.empty()) {
        titles.push_back(&scene.data.labels.rules);
    }
    if (!scene.screen.links.privacy_url.empty()) {
        titles.push_back(&scene.data.labels.privacy);
    }
    for (std::size_t i = 0; i < boxes.size() && i < titles.size(); ++i) {
        const Box& box = boxes[i];
        if (i > 0) {
            SetColour(cr, scene.chrome.separator);
            cairo_rectangle(cr, box.x + 16, box.y, box.width - 16, 0.5);
            cairo_fill(cr);
        }
        DrawText(cr, *titles[i], box.x + 16, box.y + 12, box.width - 56,
                 TextStyle{15, Weight::Regular, Accent(scene)});
        DrawText(cr, "›", box.x + box.width - 32, box.y + 8, 16,
                 TextStyle{20, Weight::Regular, scene.chrome.secondary});
    }
}

} // namespace kpd::render
