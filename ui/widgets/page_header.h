#pragma once
// The title line of every area page: a large title and one wrapped line
// saying what the page is for. UI thread only.
#include <wx/panel.h>

class wxStaticText;

namespace kpd::ui {

class PageHeader : public wxPanel {
  public:
    PageHeader(wxWindow* parent, const wxString& title, const wxString& description);

  private:
    wxStaticText* m_description = nullptr;
};

} // namespace kpd::ui
