#include "ui/card_screen/issuance_questions_page.h"

#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

IssuanceQuestionsPage::IssuanceQuestionsPage(wxWindow* parent, const AreaInfo& area, std::function<void()> open)
    : wxPanel(parent) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, area.title, area.description), wxSizerFlags().Expand());
    auto* text = new wxStaticText(
        this, wxID_ANY,
        _("The questions are part of the card screen: the app asks them when a customer gets your card. Edit them "
          "in the card screen designer under \"Issuance questions\"; they are saved, published and rolled back "
          "together with the screen."));
    text->Wrap(FromDIP(560));
    sizer->Add(text, wxSizerFlags().Border(wxALL, FromDIP(16)));
    m_open = new wxButton(this, wxID_ANY, _("&Open the questions in the card screen"));
    sizer->Add(m_open, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    SetSizer(sizer);
    m_open->Bind(wxEVT_BUTTON, [open = std::move(open)](wxCommandEvent&) { open(); });
}

} // namespace kpd::ui
