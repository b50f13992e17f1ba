#include "ui/widgets/page_header.h"

#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

namespace kpd::ui {

PageHeader::PageHeader(wxWindow* parent, const wxString& title, const wxString& description)
    : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, title);
    heading->SetFont(heading->GetFont().Scaled(1.5f).Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    if (!description.empty()) {
        m_description = new wxStaticText(this, wxID_ANY, description);
        m_description->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        m_description->Wrap(FromDIP(640));
        sizer->Add(m_description, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    }
    sizer->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    SetSizer(sizer);
}

} // namespace kpd::ui
