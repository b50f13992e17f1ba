#pragma once
// A table cell that shows how much of a whole is used: a bar filled in
// proportion, with words over it ("12 340,00 ₽ of 50 000,00 ₽"). The cell's
// value is a string made by BudgetBarValue (the fraction and the words), so
// it fits wxDataViewListCtrl's rows of variants.
// UI thread only.
#include <wx/dataview.h>

#include <cstdint>

namespace kpd::ui {

// The cell value for `used` of `whole` (clamped to 0…1) with `words` over the bar.
wxString BudgetBarValue(std::int64_t used, std::int64_t whole, const wxString& words);

class BudgetBarRenderer : public wxDataViewCustomRenderer {
  public:
    BudgetBarRenderer();

    bool SetValue(const wxVariant& value) override;
    bool GetValue(wxVariant& value) const override;
    bool Render(wxRect cell, wxDC* dc, int state) override;
    wxSize GetSize() const override;

    // The fill colour (green while under 90 %, amber above, red when all is used).
    static wxColour FillColour(double fraction);

  private:
    wxString m_value;
    double m_fraction = 0;
    wxString m_words;
};

} // namespace kpd::ui
