#pragma once
// A small bar chart: one bar per labelled value (a day's accruals, say), the
// largest value at full height, a few values on the left axis and as many
// labels under the bars as fit without overlapping. Hovering a bar shows its
// label and value as a tooltip. With no bars it shows one line of text.
// Drawn with wxDC only, so tests can read its pixels.
// UI thread only.
#include <wx/window.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace kpd::ui {

class BarChart : public wxWindow {
  public:
    struct Bar {
        wxString label;     // under the bar ("23.11")
        wxString tip;       // the tooltip's first line ("23.11.2026"); the label when empty
        std::int64_t value = 0;
    };

    explicit BarChart(wxWindow* parent, wxWindowID id = wxID_ANY);

    void SetBars(std::vector<Bar> bars);
    const std::vector<Bar>& Bars() const { return m_bars; }
    // How values are written on the axis and in tooltips (default: the number).
    void SetValueFormat(std::function<wxString(std::int64_t)> format);
    void SetEmptyText(const wxString& text);
    void SetBarColour(const wxColour& colour);
    const wxColour& BarColour() const { return m_barColour; }

    // Where bar `i` was last drawn, in client pixels (empty before the first paint or when too small).
    wxRect BarRect(std::size_t i) const { return i < m_barRects.size() ? m_barRects[i] : wxRect(); }

  private:
    void OnPaint(wxPaintEvent& event);
    void OnMotion(wxMouseEvent& event);
    wxString Format(std::int64_t value) const;

    std::vector<Bar> m_bars;
    std::vector<wxRect> m_barRects;
    std::function<wxString(std::int64_t)> m_format;
    wxString m_emptyText;
    wxColour m_barColour;
    int m_hovered = -1;
};

} // namespace kpd::ui
