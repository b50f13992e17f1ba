// The top of the card screen: the phone's status bar and title (chrome), the
// card face in the partner's colours, and the progress towards the next level.
#include "render/scene.h"

#include <algorithm>

namespace kpd::render {
namespace {

// "HH:MM" of `unix_seconds` in Moscow time (UTC+3, no daylight saving since
// 2014): what the phone's clock would show at the drawn moment.
std::string ClockText(std::int64_t unix_seconds) {
    constexpr std::int64_t kMoscowOffset = 3 * 3600;
    std::int64_t ofDay = (unix_seconds + kMoscowOffset) % 86400;
    if (ofDay < 0) {
        ofDay += 86400;
    }
    const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    return two(ofDay / 3600) + ":" + two(ofDay / 60 % 60);
}

std::string PercentText(int basis_points) {
    std::string text = std::to_string(basis_points / 100);
    if (const int rest = basis_points % 100; rest != 0) {
        std::string fraction = (rest < 10 ? "0" : "") + std::to_string(rest);
        if (fraction.back() == '0') {
            fraction.pop_back();
        }
        text += "," + fraction;
    }
    return text + "\u00A0%";
}

std::string MaskedCardNumber(const std::string& number) {
    if (number.size() <= 4) {
        return number;
    }
    return "•••• " + number.substr(number.size() - 4);
}

} // namespace

void DrawChrome(Scene& scene) {
    cairo_t* cr = scene.cr;
    const Box& bar = scene.layout.status_bar;
    DrawText(cr, ClockText(scene.data.unix_seconds), bar.x + 28, bar.y + 13, 80,
             TextStyle{15, Weight::Bold, scene.chrome.text});
    // Signal bars and a battery, right-aligned as on a phone.
    SetColour(cr, scene.chrome.text);
    const double right = bar.x + bar.width - 24;
    for (int i = 0; i < 4; ++i) {
        const double height = 4 + 2.5 * i;
        cairo_rectangle(cr, right - 62 + i * 5, bar.y + 27 - height, 3, height);
    }
    cairo_fill(cr);
    RoundedRect(cr, right - 28, bar.y + 16, 24, 12, 3);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    FillRoundedRect(cr, right - 26, bar.y + 18, 16, 8, 1.5, scene.chrome.text);
    cairo_rectangle(cr, right - 3, bar.y + 20, 2, 4);
    cairo_fill(cr);

    const Box& title = scene.layout.title;
    DrawText(cr, "‹", title.x, title.y + 4, 24, TextStyle{28, Weight::Regular, scene.chrome.text});
    DrawText(cr, scene.data.partner_name, title.x + 32, title.y + 11, title.width - 64,
             TextStyle{17, Weight::Bold, scene.chrome.text, Align::Centre});
}

void DrawCardFace(Scene& scene) {
    cairo_t* cr = scene.cr;
    const Box& card = scene.layout.card;
    const Colour text = CardText(scene);
    FillRoundedRect(cr, card.x, card.y, card.width, card.height, 20, CardBackground(scene));
    if (cairo_surface_t* image = scene.Image(scene.screen.theme.background_image)) {
        PaintCover(cr, image, card.x, card.y, card.width, card.height, 20);
    }

    double nameX = card.x + 20;
    if (scene.screen.theme.logo) {
        const Box& logo = scene.layout.logo;
        if (cairo_surface_t* image = scene.Image(scene.screen.theme.logo)) {
            PaintCover(cr, image, logo.x, logo.y, logo.width, logo.height, 12);
        } else {
            DrawPlaceholder(cr, logo.x, logo.y, logo.width, logo.height, 12, "?");
        }
        nameX = logo.x + logo.width + 12;
    }
    DrawText(cr, scene.data.partner_name, nameX, card.y + 16 + 16, card.x + card.width - 20 - nameX,
             TextStyle{19, Weight::Bold, text, Align::Left, 1});

    const Box& balance = scene.layout.balance;
    const domain::CardBalance& kind = scene.screen.balance;
    if (kind.kind != domain::BalanceKind::None) {
        std::string value;
        if (kind.kind == domain::BalanceKind::Points) {
            value = GroupDigits(scene.data.points);
        } else {
            const LevelPosition level =
                FindLevel(scene.screen.progress, scene.data.accumulated_kop);
            value = PercentText(level.current != nullptr ? level.current->discount_bp : 0);
        }
        DrawText(cr, value, balance.x, balance.y, balance.width, TextStyle{34, Weight::Bold, text});
        DrawText(cr, kind.label, balance.x, balance.y + 44, balance.width,
                 TextStyle{14, Weight::Regular, text});
    }
    DrawText(cr, MaskedCardNumber(scene.data.card_number), card.x + card.width - 20 - 140,
             card.y + card.height - 16 - 20, 140,
             TextStyle{15, Weight::Regular, text, Align::Right});
}

void DrawProgress(Scene& scene) {
    const Box& box = scene.layout.progress;
    if (box.height <= 0) {
        return;
    }
    cairo_t* cr = scene.cr;
    const PreviewLabels& labels = scene.data.labels;
    FillRoundedRect(cr, box.x, box.y, box.width, box.height, 16, scene.chrome.surface);

    const LevelPosition level = FindLevel(scene.screen.progress, scene.data.accumulated_kop);
    const double inner = box.width - 32;
    double fraction = 1;
    if (level.next != nullptr) {
        const std::int64_t from = level.current != nullptr ? level.current->threshold : 0;
        const std::int64_t span = level.next->threshold - from;
        fraction = span > 0 ? static_cast<double>(scene.data.accumulated_kop - from) /
                                  static_cast<double>(span)
                            : 0;
        fraction = std::clamp(fraction, 0.0, 1.0);
        DrawText(cr, labels.next_level, box.x + 16, box.y + 14, inner * 0.6,
                 TextStyle{15, Weight::Regular, scene.chrome.text});
        DrawText(cr,
                 FormatRubles(level.next->threshold - scene.data.accumulated_kop, labels.currency),
                 box.x + 16 + inner * 0.6, box.y + 14, inner * 0.4,
                 TextStyle{15, Weight::Bold, scene.chrome.text, Align::Right});
    } else {
        DrawText(cr, labels.max_level, box.x + 16, box.y + 14, inner,
                 TextStyle{15, Weight::Regular, scene.chrome.text});
    }

    FillRoundedRect(cr, box.x + 16, box.y + 42, inner, 8, 4, scene.chrome.track);
    if (fraction > 0) {
        FillRoundedRect(cr, box.x + 16, box.y + 42, std::max(8.0, inner * fraction), 8, 4,
                        Accent(scene));
    }
    const TextStyle names{13, Weight::Regular, scene.chrome.secondary};
    if (level.current != nullptr) {
        DrawText(cr, level.current->name, box.x + 16, box.y + 58, inner / 2, names);
    }
    if (level.next != nullptr) {
        TextStyle right = names;
        right.align = Align::Right;
        DrawText(cr, level.next->name, box.x + 16 + inner / 2, box.y + 58, inner / 2, right);
    }
}

LevelPosition FindLevel(const domain::ProgressBar& progress, std::int64_t accumulated_kop) {
    LevelPosition position;
    for (const domain::ProgressLevel& level : progress.levels) {
        if (level.threshold <= accumulated_kop) {
            position.current = &level;
        } else if (position.next == nullptr) {
            position.next = &level;
        }
    }
    return position;
}

} // namespace kpd::render
