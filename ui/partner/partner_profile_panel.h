#pragma once
// The partner profile page: name, INN, brand colours as swatches, program
// kind and card number format, from the platform or, offline, from the
// workspace cache with a banner saying from when. Calls
// DeskSession::LoadPartnerProfile (services) in the background. UI thread only.
#include "ui/main/area_page.h"

#include <wx/panel.h>

#include <memory>

class wxInfoBar;
class wxStaticText;
class wxFlexGridSizer;

namespace kpd::domain {
struct Partner;
}

namespace kpd::ui {

class DeskSession;
class ColourSwatch;

class PartnerProfilePanel : public wxPanel, public AreaPage {
  public:
    PartnerProfilePanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    void Reload() override;

    // For the GUI smoke test.
    wxString ShownName() const;
    bool ShowsOfflineBanner() const;

  private:
    void Show(const domain::Partner& partner);

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    wxInfoBar* m_banner = nullptr;
    wxStaticText* m_name = nullptr;
    wxStaticText* m_inn = nullptr;
    ColourSwatch* m_brand = nullptr;
    ColourSwatch* m_accent = nullptr;
    wxStaticText* m_program = nullptr;
    wxStaticText* m_cardFormat = nullptr;
    wxStaticText* m_partnerId = nullptr;
};

} // namespace kpd::ui
