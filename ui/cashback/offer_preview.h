#pragma once
// The offer of a cashback flight as the Koshelek app's catalog shows it: a
// card with the offer's image (or the brand's initial on a tinted field when
// there is none), the cashback badge over its corner, the brand, the title
// (two lines at most) and the description (three lines at most, cut with an
// ellipsis), and the dates. It takes words, not a flight, so it draws
// whatever is typed, valid or not.
// UI thread only.
#include <wx/bitmap.h>
#include <wx/window.h>

namespace kpd::ui {

struct OfferCard {
    wxString brand;
    wxString title;
    wxString description;
    wxString badge;  // "5 %" or "50 ₽" — the cashback as the app writes it
    wxString dates;  // "30.11.2026 – 31.12.2026"
    wxBitmap image;  // may be invalid: the brand's initial is drawn instead
};

class OfferPreview : public wxWindow {
  public:
    explicit OfferPreview(wxWindow* parent);
    void SetCard(OfferCard card);
    const OfferCard& Card() const { return m_card; }

    // The badge's colour, for tests reading pixels.
    static wxColour BadgeColour();

  private:
    void OnPaint(wxPaintEvent& event);

    OfferCard m_card;
};

} // namespace kpd::ui
