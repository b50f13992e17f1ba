#include "ui/widgets/list_area.h"

#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/infobar.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

ListArea BuildListArea(wxPanel* area, const wxString& title, const wxString& description, bool may_see,
                       const wxString& refused) {
    ListArea out;
    out.sizer = new wxBoxSizer(wxVERTICAL);
    out.header = new PageHeader(area, title, description);
    out.sizer->Add(out.header, wxSizerFlags().Expand());
    out.banner = new wxInfoBar(area);
    out.sizer->Add(out.banner, wxSizerFlags().Expand());
    if (!may_see) {
        auto* note = new wxStaticText(area, wxID_ANY, refused);
        note->Wrap(area->FromDIP(560));
        out.sizer->Add(note, wxSizerFlags().Border(wxALL, area->FromDIP(16)));
        area->SetSizer(out.sizer);
        return out;
    }
    out.book = new wxSimplebook(area);
    out.list_page = new wxPanel(out.book);
    out.list_sizer = new wxBoxSizer(wxVERTICAL);
    return out;
}

wxStaticText* AddButtonRowAndSummary(const ListArea& area, std::initializer_list<wxButton*> leading,
                                     std::initializer_list<wxButton*> trailing) {
    wxPanel* page = area.list_page;
    const int gap = page->FromDIP(8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : leading) row->Add(b, wxSizerFlags().Border(wxRIGHT, gap));
    row->AddStretchSpacer();
    // The last button ends the row at the page's margin.
    std::size_t left = trailing.size();
    for (wxButton* b : trailing) row->Add(b, --left == 0 ? wxSizerFlags() : wxSizerFlags().Border(wxRIGHT, gap));
    const int margin = page->FromDIP(16);
    area.list_sizer->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    auto* summary = new wxStaticText(page, wxID_ANY, wxString());
    area.list_sizer->Add(summary, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    return summary;
}

wxDataViewListCtrl* NewRowList(wxWindow* parent) {
    return new wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_SINGLE);
}

} // namespace kpd::ui
