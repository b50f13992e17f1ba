#include "ui/widgets/colour_swatch.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

ColourSwatch::ColourSwatch(wxWindow* parent) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    m_square = new wxPanel(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(40, 20)), wxBORDER_SIMPLE);
    m_code = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_square, wxSizerFlags().CenterVertical());
    sizer->Add(m_code, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    SetSizer(sizer);
}

void ColourSwatch::SetColourCode(const wxString& code) {
    m_code->SetLabel(code);
    const wxColour colour(code);
    m_square->Show(colour.IsOk());
    if (colour.IsOk()) {
        m_square->SetBackgroundColour(colour);
        m_square->Refresh();
    }
    Layout();
}

} // namespace kpd::ui
