#pragma once
// A small filled square of a colour with its "#RRGGBB" code beside it.
// UI thread only.
#include <wx/panel.h>

class wxStaticText;

namespace kpd::ui {

class ColourSwatch : public wxPanel {
  public:
    explicit ColourSwatch(wxWindow* parent);
    void SetColourCode(const wxString& code); // "#RRGGBB"; anything else shows as text only

  private:
    wxPanel* m_square = nullptr;
    wxStaticText* m_code = nullptr;
};

} // namespace kpd::ui
