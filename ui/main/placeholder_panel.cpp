#include "ui/main/placeholder_panel.h"

#include "ui/widgets/page_header.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

PlaceholderPanel::PlaceholderPanel(wxWindow* parent, const AreaInfo& area) : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, area.title, area.description), wxSizerFlags().Expand());

    auto* notice = new wxStaticText(this, wxID_ANY, _("This area is not built yet."));
    notice->SetFont(notice->GetFont().Bold());
    sizer->Add(notice, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    auto* next = new wxStaticText(
        this, wxID_ANY,
        _("It will appear here in a coming version of the desk. Until then, use the areas that are ready: the "
          "partner profile, users and roles, and the audit log."));
    next->Wrap(FromDIP(560));
    sizer->Add(next, wxSizerFlags().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);
}

} // namespace kpd::ui
