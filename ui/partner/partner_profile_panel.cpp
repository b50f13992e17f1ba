#include "ui/partner/partner_profile_panel.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/widgets/colour_swatch.h"
#include "ui/widgets/page_header.h"

#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

PartnerProfilePanel::PartnerProfilePanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, _("Partner profile"),
                              _("How the Koshelek platform knows your brand. The platform's support changes these "
                                "details on request.")),
               wxSizerFlags().Expand());
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(24, 12)));
    auto addRow = [&](const wxString& label, wxWindow* value) {
        auto* caption = new wxStaticText(this, wxID_ANY, label);
        caption->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        grid->Add(caption, wxSizerFlags().CenterVertical());
        grid->Add(value, wxSizerFlags().CenterVertical());
    };
    m_name = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_name->SetFont(m_name->GetFont().Scaled(1.2f).Bold());
    m_inn = new wxStaticText(this, wxID_ANY, wxString());
    m_brand = new ColourSwatch(this);
    m_accent = new ColourSwatch(this);
    m_program = new wxStaticText(this, wxID_ANY, wxString());
    m_cardFormat = new wxStaticText(this, wxID_ANY, wxString());
    m_partnerId = new wxStaticText(this, wxID_ANY, wxString());
    addRow(_("Name"), m_name);
    addRow(_("INN"), m_inn);
    addRow(_("Brand colour"), m_brand);
    addRow(_("Accent colour"), m_accent);
    addRow(_("Loyalty program"), m_program);
    addRow(_("Card numbers"), m_cardFormat);
    addRow(_("Partner ID on the platform"), m_partnerId);
    sizer->Add(grid, wxSizerFlags().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);
}

void PartnerProfilePanel::Reload() {
    auto session = m_session;
    RunAsync<Loaded<domain::Partner>>(_("Loading the partner profile"),
                                      [session](TaskContext& context) {
                                          return session->LoadPartnerProfile(context.cancel);
                                      })
        .ThenOnWindow(this, [this](Loaded<domain::Partner>& loaded) {
            if (loaded.value) Show(*loaded.value);
            m_shell.SetOnline(!loaded.from_cache && !(loaded.error && loaded.error->IsOffline()));
            if (loaded.from_cache) {
                // TRANSLATORS: %s is when the desk last got the data, e.g. "23.11.2026 19:40".
                m_banner->ShowMessage(wxString::Format(_("Offline — showing data from %s."),
                                                       FormatInstant(loaded.fetched_at)),
                                      wxICON_WARNING);
            } else if (loaded.error) {
                m_banner->ShowMessage(DescribeApiError(*loaded.error), wxICON_ERROR);
                if (!loaded.value) m_name->SetLabel(_("Not loaded"));
            } else {
                m_banner->Dismiss();
                m_shell.ShowStatus(_("Partner profile loaded."));
            }
            Layout();
        })
        .CatchAll([this](const wxString& why) { m_banner->ShowMessage(why, wxICON_ERROR); });
}

void PartnerProfilePanel::Show(const domain::Partner& partner) {
    m_name->SetLabel(FromUtf8(partner.name));
    m_inn->SetLabel(FromUtf8(partner.inn));
    m_brand->SetColourCode(FromUtf8(partner.brand_color));
    m_accent->SetColourCode(FromUtf8(partner.accent_color));
    m_program->SetLabel(ProgramKindName(partner.program_kind));
    const auto& format = partner.card_number_format;
    // TRANSLATORS: %d is how many digits a card number has.
    wxString text = wxString::Format(wxPLURAL("%d digit", "%d digits", format.length), format.length);
    if (!format.prefix.empty()) {
        // TRANSLATORS: appended to the card number length; %s is the prefix every number starts with.
        text += wxString::Format(_(", starting with %s"), FromUtf8(format.prefix));
    }
    text += format.luhn ? _(", Luhn check digit") : _(", no check digit");
    m_cardFormat->SetLabel(text);
    m_partnerId->SetLabel(wxString::Format("%lld", static_cast<long long>(partner.id)));
    Layout();
}

wxString PartnerProfilePanel::ShownName() const { return m_name->GetLabel(); }

bool PartnerProfilePanel::ShowsOfflineBanner() const { return m_banner->IsShown(); }

} // namespace kpd::ui
