#include "ui/cashback/offer_preview.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>

#include <memory>
#include <vector>

namespace kpd::ui {
namespace {

// The app's catalog card: 328 points wide, image 16:9 above the words.
constexpr int kCardWidth = 328;
constexpr int kImageHeight = 184;
const wxColour kPage(242, 243, 247);
const wxColour kCard(255, 255, 255);
const wxColour kInk(28, 28, 30);
const wxColour kMuted(110, 110, 118);

// Words cut into lines no wider than `width`; the last allowed line ends in "…" when more is left.
std::vector<wxString> WrapLines(wxGraphicsContext& gc, const wxString& text, double width, std::size_t maxLines) {
    std::vector<wxString> lines;
    wxString line;
    wxString rest = text;
    rest.Replace("\n", " ");
    auto fits = [&](const wxString& s) {
        double w = 0, h = 0;
        gc.GetTextExtent(s, &w, &h);
        return w <= width;
    };
    while (!rest.empty()) {
        const int space = rest.Find(' ');
        const wxString word = space == wxNOT_FOUND ? rest : rest.Left(static_cast<size_t>(space));
        rest = space == wxNOT_FOUND ? wxString() : rest.Mid(static_cast<size_t>(space) + 1);
        const wxString candidate = line.empty() ? word : line + " " + word;
        if (fits(candidate)) {
            line = candidate;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(line);
            line = word;
        } else {
            line = word; // one word wider than the line: cut below
        }
        // A word wider than the line is cut where it stops fitting.
        while (!fits(line) && line.length() > 1) {
            size_t cut = line.length() - 1;
            while (cut > 1 && !fits(line.Left(cut))) --cut;
            lines.push_back(line.Left(cut));
            line = line.Mid(cut);
        }
        if (lines.size() >= maxLines) break;
    }
    if (!line.empty() && lines.size() < maxLines) {
        lines.push_back(line);
        line.clear();
    }
    const bool cut = lines.size() > maxLines || !rest.empty() || !line.empty();
    if (lines.size() > maxLines) lines.resize(maxLines);
    if (cut && !lines.empty()) {
        wxString& last = lines.back();
        while (!last.empty() && !fits(last + wxString::FromUTF8("…"))) last.RemoveLast();
        last += wxString::FromUTF8("…");
    }
    return lines;
}

} // namespace

OfferPreview::OfferPreview(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetName("offer-preview");
    SetMinSize(FromDIP(wxSize(kCardWidth + 32, kImageHeight + 220)));
    Bind(wxEVT_PAINT, &OfferPreview::OnPaint, this);
}

wxColour OfferPreview::BadgeColour() { return wxColour(255, 221, 45); }

void OfferPreview::SetCard(OfferCard card) {
    m_card = std::move(card);
    Refresh();
}

void OfferPreview::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(kPage));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const double pad = FromDIP(16);
    const double width = FromDIP(kCardWidth);
    const double left = pad;
    const double top = pad;
    const double imageHeight = FromDIP(kImageHeight);
    const double inner = width - 2 * FromDIP(14);

    const wxFont base = GetFont();
    const wxFont brandFont = base.Scaled(0.95f);
    const wxFont titleFont = base.Scaled(1.25f).Bold();
    const wxFont textFont = base;
    const wxFont badgeFont = base.Scaled(1.15f).Bold();

    // The words first, to know the card's height.
    gc->SetFont(titleFont, kInk);
    const wxString title = m_card.title.empty() ? _("Offer title") : m_card.title;
    const auto titleLines = WrapLines(*gc, title, inner, 2);
    gc->SetFont(textFont, kMuted);
    const auto textLines = WrapLines(*gc, m_card.description, inner, 3);
    double lineW = 0, titleLineH = 0, textLineH = 0, brandH = 0;
    gc->SetFont(titleFont, kInk);
    gc->GetTextExtent("Ag", &lineW, &titleLineH);
    gc->SetFont(textFont, kMuted);
    gc->GetTextExtent("Ag", &lineW, &textLineH);
    gc->SetFont(brandFont, kMuted);
    gc->GetTextExtent("Ag", &lineW, &brandH);
    const double gap = FromDIP(6);
    const double wordsHeight = FromDIP(14) + brandH + gap + titleLineH * static_cast<double>(titleLines.size()) + gap +
                               textLineH * static_cast<double>(textLines.size()) + gap + brandH + FromDIP(14);
    const double radius = FromDIP(16);

    // The card with a faint shadow.
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(wxColour(0, 0, 0, 24)));
    gc->DrawRoundedRectangle(left, top + 2, width, imageHeight + wordsHeight, radius);
    gc->SetBrush(wxBrush(kCard));
    gc->DrawRoundedRectangle(left, top, width, imageHeight + wordsHeight, radius);

    // The image inset in the card (its own rounded corners come from the app's image frame).
    const double ix = left + FromDIP(8);
    const double iy = top + FromDIP(8);
    const double iw = width - 2 * FromDIP(8);
    const double ih = imageHeight - FromDIP(8);
    if (m_card.image.IsOk()) {
        gc->DrawBitmap(m_card.image, ix, iy, iw, ih);
    } else {
        gc->SetBrush(wxBrush(wxColour(214, 228, 255)));
        gc->DrawRoundedRectangle(ix, iy, iw, ih, radius - FromDIP(4));
        const wxString initial = m_card.brand.empty() ? wxString("?") : m_card.brand.Left(1).Upper();
        gc->SetFont(base.Scaled(4.0f).Bold(), wxColour(66, 103, 178));
        double w = 0, h = 0;
        gc->GetTextExtent(initial, &w, &h);
        gc->DrawText(initial, ix + (iw - w) / 2, iy + (ih - h) / 2);
    }

    // The cashback badge over the image's lower left corner.
    if (!m_card.badge.empty()) {
        gc->SetFont(badgeFont, kInk);
        double w = 0, h = 0;
        gc->GetTextExtent(m_card.badge, &w, &h);
        const double bx = ix + FromDIP(12);
        const double by = iy + ih - h - FromDIP(20);
        gc->SetBrush(wxBrush(BadgeColour()));
        gc->DrawRoundedRectangle(bx, by, w + FromDIP(20), h + FromDIP(8), (h + FromDIP(8)) / 2);
        gc->DrawText(m_card.badge, bx + FromDIP(10), by + FromDIP(4));
    }

    double y = top + imageHeight + FromDIP(14);
    const double x = left + FromDIP(14);
    gc->SetFont(brandFont, kMuted);
    gc->DrawText(m_card.brand.empty() ? _("Brand") : m_card.brand, x, y);
    y += brandH + gap;
    gc->SetFont(titleFont, kInk);
    for (const wxString& line : titleLines) {
        gc->DrawText(line, x, y);
        y += titleLineH;
    }
    y += gap;
    gc->SetFont(textFont, kMuted);
    for (const wxString& line : textLines) {
        gc->DrawText(line, x, y);
        y += textLineH;
    }
    y += gap;
    gc->SetFont(brandFont, kMuted);
    gc->DrawText(m_card.dates, x, y);
}

} // namespace kpd::ui
