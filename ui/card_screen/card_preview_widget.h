#pragma once
// The live preview: shows the phone picture of a card screen exactly as
// src/render draws it (this widget only blits the image, scrolls and zooms,
// and decides when to draw again). Every change of the screen, the data, the
// phone theme or the zoom schedules one redraw; bursts of edits coalesce into
// one. A redraw runs on the UI thread while drawing takes less than a frame
// and moves to a background task when it ever takes longer, so typing never
// stutters. A dynamic or check-in code is drawn again every second (its
// countdown) and so visibly changes at its interval.
// UI thread only.
#include "domain/card_screen.h"
#include "render/card_preview.h"

#include <wx/bitmap.h>
#include <wx/scrolwin.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace kpd::ui {

struct PreviewDrawing; // a drawing and the image shown for it (card_preview_widget.cpp)

// Export PNG draws at this many pixels per phone point.
inline constexpr double kExportScale = 2.0;

class CardPreviewWidget : public wxScrolledCanvas {
  public:
    explicit CardPreviewWidget(wxWindow* parent);
    ~CardPreviewWidget() override = default;

    void SetScreen(const domain::CardScreen& screen);
    // The customer data and the asset bytes drawn with the screen.
    void SetData(render::PreviewData data);
    void SetAsset(const std::string& id, std::vector<std::uint8_t> bytes);
    const render::PreviewData& Data() const { return m_data; }
    bool HasAsset(const std::string& id) const { return m_data.assets.count(id) != 0; }
    void SetPhoneTheme(render::PhoneTheme theme);
    render::PhoneTheme PhoneTheme() const { return m_options.phone; }
    void SetZoom(double zoom); // 0.3 … 3; 1 draws the phone 390 pixels wide
    double Zoom() const { return m_options.scale; }
    // Zoom so that the whole phone fits the window's height (kept on resizes until SetZoom).
    void SetZoomToFit();
    // For tests: the clock of dynamic codes (default: the wall clock).
    void SetClock(std::function<std::int64_t()> clock) { m_clock = std::move(clock); }

    // What is shown now (null before the first drawing) and how many drawings there were.
    const render::Rendered* Current() const { return m_rendered ? &*m_rendered : nullptr; }
    std::uint64_t RenderCount() const { return m_renderCount; }
    // False while a redraw is scheduled or running.
    bool IsUpToDate() const { return !m_scheduled && !m_inFlight && !m_dirty; }
    // How long the last drawing took, in milliseconds.
    double LastRenderMs() const { return m_lastRenderMs; }

    // Draws the screen afresh at kExportScale (whatever the zoom; same theme and moment) and writes it as PNG;
    // false with the reason in words. `parts`, when given, receives where the parts landed in that image.
    bool ExportPng(const wxString& path, wxString& error, render::RenderedParts* parts = nullptr) const;

    // Called with the part of the picture a click hit ("theme", "logo", "balance", "progress",
    // "identifier", "banners/N", "promo_blocks/N", "history"): the editor selects its field.
    void SetOnPartClicked(std::function<void(const std::string& part)> handler) { m_onPart = std::move(handler); }

  private:
    void Schedule();
    void RenderNow();
    void ShowDrawing(PreviewDrawing drawing);
    void OnPaint(wxPaintEvent& event);
    void OnClick(wxMouseEvent& event);
    void OnTick();
    double FitZoom() const;
    bool NeedsClock() const;

    domain::CardScreen m_screen;
    render::PreviewData m_data;
    render::RenderOptions m_options;
    std::function<std::int64_t()> m_clock;
    std::optional<render::Rendered> m_rendered;
    wxBitmap m_bitmap;
    wxTimer m_tick;
    std::function<void(const std::string&)> m_onPart;
    std::uint64_t m_renderCount = 0;
    double m_lastRenderMs = 0;
    double m_shownFactor = 1.0; // window pixels per drawing pixel
    bool m_scheduled = false; // a CallAfter is pending
    bool m_inFlight = false;  // a background drawing runs
    bool m_dirty = false;     // something changed while it ran
    bool m_hasScreen = false;
    bool m_fit = false;
};

} // namespace kpd::ui
