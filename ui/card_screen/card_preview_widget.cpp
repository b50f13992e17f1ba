#include "ui/card_screen/card_preview_widget.h"

#include "ui/app/task_runner.h"
#include "ui/card_screen/preview_image.h"

#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kpd::ui {

struct PreviewDrawing {
    render::Rendered rendered;
    wxImage shown; // what the window blits: the drawing, scaled down when zoomed out
    double ms = 0;
};

namespace {

constexpr double kFrameMs = 16.0; // one frame at 60 Hz: slower drawings go to a worker
constexpr int kMargin = 16;       // around the phone, in window pixels


// Below 100 % the phone is drawn at 100 % and scaled down here: a barcode drawn
// with modules under a pixel wide would not fit, while a scaled-down one still
// looks like the phone. Any thread (wxImage is not a window).
PreviewDrawing Draw(const domain::CardScreen& screen, const render::PreviewData& data, render::RenderOptions options) {
    const auto started = std::chrono::steady_clock::now();
    const double zoom = options.scale;
    options.scale = std::max(1.0, zoom);
    PreviewDrawing drawn{render::RenderCardScreen(screen, data, options), wxImage(), 0};
    drawn.shown = ToWxImage(drawn.rendered.image);
    if (zoom < options.scale && drawn.shown.IsOk()) {
        drawn.shown.Rescale(std::max(1, static_cast<int>(drawn.shown.GetWidth() * zoom)),
                            std::max(1, static_cast<int>(drawn.shown.GetHeight() * zoom)), wxIMAGE_QUALITY_HIGH);
    }
    drawn.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return drawn;
}

std::int64_t WallClock() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

CardPreviewWidget::CardPreviewWidget(wxWindow* parent)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxHSCROLL | wxFULL_REPAINT_ON_RESIZE),
      m_clock(WallClock), m_tick(this) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(FromDIP(10), FromDIP(10));
    SetName("card-preview");
    Bind(wxEVT_PAINT, &CardPreviewWidget::OnPaint, this);
    Bind(wxEVT_LEFT_DOWN, &CardPreviewWidget::OnClick, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { OnTick(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        if (m_fit) SetZoomToFit();
        event.Skip();
    });
    m_data.labels = PreviewLabelsInUiLanguage();
}


void CardPreviewWidget::SetScreen(const domain::CardScreen& screen) {
    if (m_hasScreen && screen == m_screen) return;
    m_screen = screen;
    m_hasScreen = true;
    // A moving code needs the clock; a static one does not wake the desk every second.
    if (NeedsClock() && !m_tick.IsRunning()) m_tick.Start(1000);
    if (!NeedsClock() && m_tick.IsRunning()) m_tick.Stop();
    Schedule();
}

void CardPreviewWidget::SetData(render::PreviewData data) {
    auto assets = std::move(m_data.assets); // fetched bytes stay
    m_data = std::move(data);
    for (auto& [id, bytes] : assets) m_data.assets.emplace(id, std::move(bytes));
    Schedule();
}

void CardPreviewWidget::SetAsset(const std::string& id, std::vector<std::uint8_t> bytes) {
    m_data.assets[id] = std::move(bytes);
    Schedule();
}

void CardPreviewWidget::SetPhoneTheme(render::PhoneTheme theme) {
    if (m_options.phone == theme) return;
    m_options.phone = theme;
    Schedule();
}

void CardPreviewWidget::SetZoomToFit() {
    m_fit = true;
    const double zoom = FitZoom();
    if (zoom == m_options.scale) return;
    m_options.scale = zoom;
    Schedule();
}

double CardPreviewWidget::FitZoom() const {
    const int height = GetClientSize().y - 2 * FromDIP(kMargin);
    if (height <= 0) return m_options.scale;
    // Steps of 5 %: a resize by a few pixels does not redraw.
    const double fit = std::floor(20.0 * height / render::kPhoneHeight) / 20.0;
    return std::clamp(fit, 0.3, 3.0);
}

void CardPreviewWidget::SetZoom(double zoom) {
    m_fit = false;
    zoom = std::clamp(zoom, 0.3, 3.0);
    if (zoom == m_options.scale) return;
    m_options.scale = zoom;
    Schedule();
}

bool CardPreviewWidget::NeedsClock() const { return m_screen.identifier.kind != domain::IdentifierKind::Static; }

void CardPreviewWidget::Schedule() {
    if (!m_hasScreen) return;
    if (m_inFlight) { // the running drawing is already stale: draw again when it ends
        m_dirty = true;
        return;
    }
    if (m_scheduled) return; // the pending one will see this change too
    m_scheduled = true;
    CallAfter([this] {
        m_scheduled = false;
        RenderNow();
    });
}

void CardPreviewWidget::RenderNow() {
    m_data.unix_seconds = m_clock();
    if (m_lastRenderMs <= kFrameMs) {
        ShowDrawing(Draw(m_screen, m_data, m_options));
        return;
    }
    // The last drawing took longer than a frame: draw on a worker, keep the window responsive.
    m_inFlight = true;
    m_dirty = false;
    RunAsync<PreviewDrawing>(_("Drawing the preview"),
                    [screen = m_screen, data = m_data, options = m_options](TaskContext&) {
                        return Draw(screen, data, options);
                    })
        .ThenOnWindow(this, [this](PreviewDrawing& drawn) {
            m_inFlight = false;
            ShowDrawing(std::move(drawn));
            if (std::exchange(m_dirty, false)) Schedule();
        })
        .CatchAll([this](const wxString&) {
            m_inFlight = false;
            m_lastRenderMs = 0; // try on the UI thread next time
        });
}

void CardPreviewWidget::ShowDrawing(PreviewDrawing drawn) {
    m_lastRenderMs = drawn.ms;
    m_rendered = std::move(drawn.rendered);
    ++m_renderCount;
    m_bitmap = drawn.shown.IsOk() ? wxBitmap(drawn.shown) : wxBitmap();
    m_shownFactor = m_rendered->image.width > 0 && m_bitmap.IsOk()
                        ? static_cast<double>(m_bitmap.GetWidth()) / m_rendered->image.width
                        : 1.0;
    const wxSize size = m_bitmap.IsOk() ? m_bitmap.GetSize() : wxSize(0, 0);
    SetVirtualSize(size.x + 2 * FromDIP(kMargin), size.y + 2 * FromDIP(kMargin));
    Refresh(false);
}

void CardPreviewWidget::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_APPWORKSPACE)));
    dc.Clear();
    DoPrepareDC(dc);
    if (!m_bitmap.IsOk()) {
        dc.DrawText(_("Loading…"), FromDIP(kMargin), FromDIP(kMargin));
        return;
    }
    // Centred while the window is wider than the phone.
    const int width = std::max(GetClientSize().x, m_bitmap.GetWidth() + 2 * FromDIP(kMargin));
    dc.DrawBitmap(m_bitmap, (width - m_bitmap.GetWidth()) / 2, FromDIP(kMargin), true);
}

void CardPreviewWidget::OnClick(wxMouseEvent& event) {
    SetFocus();
    if (!m_rendered || !m_bitmap.IsOk() || !m_onPart) return;
    const wxPoint logical = CalcUnscrolledPosition(event.GetPosition());
    const int width = std::max(GetClientSize().x, m_bitmap.GetWidth() + 2 * FromDIP(kMargin));
    // Back to the drawing's pixels, where the parts are.
    const int x = static_cast<int>((logical.x - (width - m_bitmap.GetWidth()) / 2) / m_shownFactor);
    const int y = static_cast<int>((logical.y - FromDIP(kMargin)) / m_shownFactor);
    const render::RenderedParts& parts = m_rendered->parts;
    for (std::size_t i = 0; i < parts.banners.size(); ++i) {
        if (parts.banners[i].Contains(x, y)) return m_onPart("banners/" + std::to_string(i));
    }
    for (std::size_t i = 0; i < parts.promo_blocks.size(); ++i) {
        if (parts.promo_blocks[i].Contains(x, y)) return m_onPart("promo_blocks/" + std::to_string(i));
    }
    if (parts.code.Contains(x, y)) return m_onPart("identifier");
    if (parts.progress.Contains(x, y)) return m_onPart("progress");
    if (parts.balance.Contains(x, y)) return m_onPart("balance");
    if (parts.logo.Contains(x, y)) return m_onPart("logo");
    if (parts.history.Contains(x, y)) return m_onPart("history");
    if (parts.card.Contains(x, y)) return m_onPart("theme");
}

void CardPreviewWidget::OnTick() {
    if (!IsShownOnScreen()) return; // nobody looks: no work
    Schedule();
}

bool CardPreviewWidget::ExportPng(const wxString& path, wxString& error, render::RenderedParts* parts) const {
    if (!m_hasScreen) {
        error = _("The preview has not been drawn yet.");
        return false;
    }
    render::PreviewData data = m_data;
    data.unix_seconds = m_clock();
    render::RenderOptions options = m_options;
    // Twice the phone's points, as phones show it (2-3 device pixels per
    // point): at 1:1 a long Code 128 has one-pixel bars, too fine for some scanners.
    options.scale = kExportScale;
    const render::Rendered rendered = render::RenderCardScreen(m_screen, data, options);
    if (parts) *parts = rendered.parts;
    std::string why;
    if (render::WritePng(rendered.image, std::string(path.utf8_str()), why)) return true;
    // TRANSLATORS: %s is the reason a PNG file could not be written (technical, in English).
    error = wxString::Format(_("The PNG file could not be written: %s"), wxString::FromUTF8(why));
    return false;
}

} // namespace kpd::ui
