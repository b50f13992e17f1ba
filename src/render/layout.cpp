// The card screen's geometry (scene.h LayOut): sections stacked top to bottom
// in the order the app shows them, every row a fixed height so the layout
// needs no text measuring and the editor can map a click to a field.
#include "render/barcode.h"
#include "render/scene.h"

#include <algorithm>

namespace kpd::render {
namespace {

constexpr double kMargin = 16;
constexpr double kWidth = kPhoneWidth - 2 * kMargin;
constexpr double kGap = 16;
constexpr double kCardHeight = 224; // about the ISO/IEC 7810 card ratio at this width
constexpr double kProgressHeight = 84;
constexpr double kBannerHeight = kWidth / 4; // banners are 4:1 (slot rule 3.8–4.2)
constexpr double kBannerGap = 12;
constexpr double kPromoColumns = 2;
constexpr double kPromoImageRatio = 1.5; // promo images are 1:1 to 2:1; 3:2 crops either little
constexpr double kPromoTitleHeight = 44;
constexpr double kHistoryHeader = 44;
constexpr double kHistoryRow = 56;
constexpr double kHistoryLine = 20;
constexpr double kLinkRow = 44;
constexpr double kHomeIndicator = 34;

double CodePanelHeight(const domain::CardIdentifier& identifier) {
    if (identifier.kind == domain::IdentifierKind::Checkin) {
        return 96;
    }
    return IsMatrixCode(identifier.barcode) ? 236 : 142;
}

} // namespace

Layout LayOut(const domain::CardScreen& screen, const PreviewData& data) {
    Layout layout;
    layout.status_bar = {0, 0, kPhoneWidth, 44};
    layout.title = {kMargin, 44, kWidth, 44};
    layout.card = {kMargin, 96, kWidth, kCardHeight};
    if (screen.theme.logo) {
        layout.logo = {layout.card.x + 16, layout.card.y + 16, 56, 56};
    }
    if (screen.balance.kind != domain::BalanceKind::None) {
        layout.balance = {layout.card.x + 16, layout.card.y + kCardHeight - 16 - 64, 200, 64};
    }
    double y = layout.card.y + kCardHeight + kGap;

    if (screen.progress.enabled && !screen.progress.levels.empty()) {
        layout.progress = {kMargin, y, kWidth, kProgressHeight};
        y += kProgressHeight + kGap;
    }

    layout.code_caption = {kMargin, y, kWidth, 22};
    y += 26;
    const double codeHeight = CodePanelHeight(screen.identifier);
    layout.code = {kMargin, y, kWidth, codeHeight};
    y += codeHeight + 6;
    layout.code_note = {kMargin, y, kWidth, 20};
    y += 20 + kGap;

    if (screen.qr_scanner) {
        layout.scanner = {kMargin, y, kWidth, 48};
        y += 48 + kGap;
    }

    for (std::size_t i = 0; i < screen.banners.size(); ++i) {
        layout.banners.push_back({kMargin, y, kWidth, kBannerHeight});
        y += kBannerHeight + kBannerGap;
    }
    if (!screen.banners.empty()) {
        y += kGap - kBannerGap;
    }

    const double promoWidth = (kWidth - kBannerGap * (kPromoColumns - 1)) / kPromoColumns;
    const double promoHeight = promoWidth / kPromoImageRatio + kPromoTitleHeight;
    for (std::size_t i = 0; i < screen.promo_blocks.size(); ++i) {
        const double column = static_cast<double>(i % 2);
        const double row = static_cast<double>(i / 2);
        layout.promo_blocks.push_back({kMargin + column * (promoWidth + kBannerGap),
                                       y + row * (promoHeight + kBannerGap), promoWidth,
                                       promoHeight});
    }
    if (!screen.promo_blocks.empty()) {
        const double rows = static_cast<double>((screen.promo_blocks.size() + 1) / 2);
        y += rows * (promoHeight + kBannerGap) - kBannerGap + kGap;
    }

    if (screen.history.enabled) {
        double height = kHistoryHeader + 8;
        for (const HistoryRow& row : data.history) {
            height += kHistoryRow;
            if (screen.history.line_items && !row.lines.empty()) {
                height += static_cast<double>(row.lines.size()) * kHistoryLine + 8;
            }
        }
        layout.history = {kMargin, y, kWidth, height};
        y += height + kGap;
    }

    for (const std::string* url : {&screen.links.rules_url, &screen.links.privacy_url}) {
        if (!url->empty()) {
            layout.links.push_back({kMargin, y, kWidth, kLinkRow});
            y += kLinkRow;
        }
    }
    if (!layout.links.empty()) {
        y += kGap;
    }

    layout.height = std::max<double>(kPhoneHeight, y + kHomeIndicator);
    return layout;
}

} // namespace kpd::render
