#include "ui/widgets/budget_bar_renderer.h"

#include <wx/dc.h>
#include <wx/settings.h>

#include <algorithm>

namespace kpd::ui {

wxString BudgetBarValue(std::int64_t used, std::int64_t whole, const wxString& words) {
    // Per-mille as an integer keeps the value free of locale-bound decimal points.
    const std::int64_t permille = whole > 0 ? std::clamp<std::int64_t>(used * 1000 / whole, 0, 1000) : 0;
    return wxString::Format("%lld\t", static_cast<long long>(permille)) + words;
}

BudgetBarRenderer::BudgetBarRenderer() : wxDataViewCustomRenderer("string", wxDATAVIEW_CELL_INERT) {}

bool BudgetBarRenderer::SetValue(const wxVariant& value) {
    m_value = value.GetString();
    const int tab = m_value.Find('\t');
    long permille = 0;
    if (tab == wxNOT_FOUND || !m_value.Left(static_cast<size_t>(tab)).ToLong(&permille)) {
        m_fraction = 0;
        m_words = m_value;
        return true;
    }
    m_fraction = std::clamp(static_cast<double>(permille) / 1000.0, 0.0, 1.0);
    m_words = m_value.Mid(static_cast<size_t>(tab) + 1);
    return true;
}

bool BudgetBarRenderer::GetValue(wxVariant& value) const {
    value = m_value;
    return true;
}

wxColour BudgetBarRenderer::FillColour(double fraction) {
    if (fraction >= 1.0) return wxColour(229, 115, 115);
    if (fraction >= 0.9) return wxColour(255, 202, 40);
    return wxColour(129, 199, 132);
}

bool BudgetBarRenderer::Render(wxRect cell, wxDC* dc, int state) {
    const wxRect bar = cell.Deflate(2, 3);
    dc->SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
    dc->SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc->DrawRectangle(bar);
    const int filled = static_cast<int>((bar.width - 2) * m_fraction);
    if (filled > 0) {
        dc->SetPen(*wxTRANSPARENT_PEN);
        dc->SetBrush(wxBrush(FillColour(m_fraction)));
        dc->DrawRectangle(bar.x + 1, bar.y + 1, filled, bar.height - 2);
    }
    // The words in the window's text colour: readable over the light fill, also on a selected row.
    (void)state;
    dc->SetFont(GetOwner() && GetOwner()->GetOwner() ? GetOwner()->GetOwner()->GetFont() : *wxNORMAL_FONT);
    dc->SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    const wxSize extent = dc->GetTextExtent(m_words);
    dc->DrawText(m_words, bar.x + std::max(2, (bar.width - extent.x) / 2), bar.y + (bar.height - extent.y) / 2);
    return true;
}

wxSize BudgetBarRenderer::GetSize() const {
    const wxSize text = GetTextExtent(m_words);
    return wxSize(text.x + 12, text.y + 6);
}

} // namespace kpd::ui
