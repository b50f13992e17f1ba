#pragma once
// The "Issuance questions" area: the questions are part of the card screen
// (one value, validated, drafted, published and rolled back together), so
// this page says so and opens the designer at its questions. UI thread only.
#include "ui/main/areas.h"

#include <wx/panel.h>

#include <functional>

class wxButton;

namespace kpd::ui {

class IssuanceQuestionsPage : public wxPanel {
  public:
    // `open` shows the card screen designer at its questions.
    IssuanceQuestionsPage(wxWindow* parent, const AreaInfo& area, std::function<void()> open);
    wxButton* OpenButton() const { return m_open; }

  private:
    wxButton* m_open = nullptr;
};

} // namespace kpd::ui
