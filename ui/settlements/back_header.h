#pragma once
// The top row of a view opened from the registers list: a "← Registers"
// button that calls `onBack` and the view's bold title. The caller appends
// its own controls to the returned row. UI thread only.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>

namespace kpd::ui {

struct BackHeader {
    wxBoxSizer* row = nullptr;
    wxStaticText* title = nullptr;
};

inline BackHeader MakeBackHeader(wxWindow* parent, const wxString& title, std::function<void()> onBack) {
    const int gap = parent->FromDIP(8);
    BackHeader header;
    header.row = new wxBoxSizer(wxHORIZONTAL);
    auto* back = new wxButton(parent, wxID_BACKWARD, _("← Re&gisters"));
    back->Bind(wxEVT_BUTTON, [onBack = std::move(onBack)](wxCommandEvent&) { onBack(); });
    header.row->Add(back, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap * 2));
    header.title = new wxStaticText(parent, wxID_ANY, title);
    header.title->SetFont(header.title->GetFont().Bold().Larger());
    header.row->Add(header.title, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap * 2));
    return header;
}

} // namespace kpd::ui
