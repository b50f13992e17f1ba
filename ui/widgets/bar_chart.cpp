#include "ui/widgets/bar_chart.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>

namespace kpd::ui {
namespace {

// The axis' top value: the largest bar rounded up to 1, 2 or 5 times a power
// of ten, so its label reads as a round number.
std::int64_t NiceCeiling(std::int64_t value) {
    if (value <= 0) return 1;
    std::int64_t power = 1;
    while (power <= value / 10) power *= 10;
    for (const std::int64_t step : {1, 2, 5, 10}) {
        if (step * power >= value) return step * power;
    }
    return 10 * power;
}

} // namespace

BarChart::BarChart(wxWindow* parent, wxWindowID id)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      m_barColour(46, 125, 50) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(320, 160)));
    Bind(wxEVT_PAINT, &BarChart::OnPaint, this);
    Bind(wxEVT_MOTION, &BarChart::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        m_hovered = -1;
        UnsetToolTip();
    });
}

void BarChart::SetBars(std::vector<Bar> bars) {
    m_bars = std::move(bars);
    m_hovered = -1;
    Refresh();
}

void BarChart::SetValueFormat(std::function<wxString(std::int64_t)> format) {
    m_format = std::move(format);
    Refresh();
}

void BarChart::SetEmptyText(const wxString& text) {
    m_emptyText = text;
    Refresh();
}

void BarChart::SetBarColour(const wxColour& colour) {
    m_barColour = colour;
    Refresh();
}

wxString BarChart::Format(std::int64_t value) const {
    return m_format ? m_format(value) : wxString::Format("%lld", static_cast<long long>(value));
}

void BarChart::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour window = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    dc.SetBackground(wxBrush(window));
    dc.Clear();
    dc.SetFont(GetFont());
    m_barRects.assign(m_bars.size(), wxRect());
    const wxSize size = GetClientSize();
    if (m_bars.empty()) {
        dc.SetTextForeground(grey);
        const wxSize extent = dc.GetTextExtent(m_emptyText);
        dc.DrawText(m_emptyText, (size.x - extent.x) / 2, (size.y - extent.y) / 2);
        return;
    }

    std::int64_t largest = 0;
    for (const Bar& bar : m_bars) largest = std::max(largest, bar.value);
    const std::int64_t top = NiceCeiling(largest);
    const wxString topText = Format(top);
    const wxString halfText = Format(top / 2);
    const wxString zeroText = Format(0);
    const int lineHeight = dc.GetCharHeight();
    const int pad = FromDIP(6);
    const int axisWidth =
        std::max({dc.GetTextExtent(topText).x, dc.GetTextExtent(halfText).x, dc.GetTextExtent(zeroText).x});
    const wxRect plot(axisWidth + 2 * pad, lineHeight / 2 + pad, size.x - axisWidth - 3 * pad,
                      size.y - 2 * lineHeight - 2 * pad);
    if (plot.width < 10 || plot.height < 10) return;

    // Grid lines at zero, half and the top, each with its value.
    dc.SetTextForeground(grey);
    const std::pair<std::int64_t, wxString> marks[] = {{0, zeroText}, {top / 2, halfText}, {top, topText}};
    for (const auto& [value, label] : marks) {
        const int y = plot.GetBottom() - static_cast<int>(plot.height * value / top);
        dc.SetPen(wxPen(value == 0 ? grey : grey.ChangeLightness(160), 1));
        dc.DrawLine(plot.GetLeft(), y, plot.GetRight() + 1, y);
        const wxSize extent = dc.GetTextExtent(label);
        dc.DrawText(label, plot.GetLeft() - pad - extent.x, y - extent.y / 2);
    }

    // Bars: a slot each, the bar filling most of its slot.
    const double slot = static_cast<double>(plot.width) / static_cast<double>(m_bars.size());
    const int gap = slot >= 6 ? std::max(1, static_cast<int>(slot / 5)) : 0;
    dc.SetPen(*wxTRANSPARENT_PEN);
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const int left = plot.GetLeft() + static_cast<int>(slot * static_cast<double>(i)) + gap / 2;
        const int right = plot.GetLeft() + static_cast<int>(slot * static_cast<double>(i + 1)) - (gap + 1) / 2;
        const int height = static_cast<int>(plot.height * std::max<std::int64_t>(0, m_bars[i].value) / top);
        if (right <= left || height <= 0) continue;
        const wxRect rect(left, plot.GetBottom() - height, right - left, height);
        dc.SetBrush(wxBrush(static_cast<int>(i) == m_hovered ? m_barColour.ChangeLightness(120) : m_barColour));
        dc.DrawRectangle(rect);
        m_barRects[i] = rect;
    }

    // Labels under the bars: every n-th, so that they never overlap.
    int widest = 0;
    for (const Bar& bar : m_bars) widest = std::max(widest, dc.GetTextExtent(bar.label).x);
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>((widest + pad) / std::max(1.0, slot)) + 1);
    dc.SetTextForeground(text);
    int lastRight = plot.GetLeft() - pad - axisWidth;
    for (std::size_t i = 0; i < m_bars.size(); i += every) {
        const wxSize extent = dc.GetTextExtent(m_bars[i].label);
        int x = plot.GetLeft() + static_cast<int>(slot * (static_cast<double>(i) + 0.5)) - extent.x / 2;
        x = std::min(x, size.x - extent.x - 1);
        if (x < lastRight + pad) continue;
        dc.DrawText(m_bars[i].label, x, plot.GetBottom() + pad / 2);
        lastRight = x + extent.x;
    }
}

void BarChart::OnMotion(wxMouseEvent& event) {
    int hit = -1;
    for (std::size_t i = 0; i < m_barRects.size(); ++i) {
        const wxRect& r = m_barRects[i];
        // The whole column of a bar counts, so short bars are easy to point at.
        if (!r.IsEmpty() && event.GetX() >= r.GetLeft() && event.GetX() <= r.GetRight()) hit = static_cast<int>(i);
    }
    if (hit == m_hovered) return;
    m_hovered = hit;
    if (hit < 0) {
        UnsetToolTip();
    } else {
        const Bar& bar = m_bars[static_cast<std::size_t>(hit)];
        SetToolTip((bar.tip.empty() ? bar.label : bar.tip) + "\n" + Format(bar.value));
    }
    Refresh();
}

} // namespace kpd::ui
