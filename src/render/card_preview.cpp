// RenderCardScreen (card_preview.h): lays the screen out, decodes the images
// it names, draws the sections onto one ARGB surface at the requested scale
// and reports where each part landed.
#include "render/card_preview.h"
#include "render/image_cache.h"
#include "render/scene.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kpd::render {
namespace {

constexpr double kMinScale = 0.25;
constexpr double kMaxScale = 8.0;

Rect ToRect(const Box& box, double scale) {
    if (box.width <= 0 || box.height <= 0) {
        return {};
    }
    const int left = static_cast<int>(std::floor(box.x * scale));
    const int top = static_cast<int>(std::floor(box.y * scale));
    return Rect{left, top, static_cast<int>(std::ceil((box.x + box.width) * scale)) - left,
                static_cast<int>(std::ceil((box.y + box.height) * scale)) - top};
}

void DecodeAsset(Scene& scene, const std::optional<std::string>& id) {
    if (!id || scene.images.contains(*id)) {
        return;
    }
    const auto found = scene.data.assets.find(*id);
    scene.images[*id] = found == scene.data.assets.end() ? nullptr : CachedDecode(found->second);
}

void DecodeAssets(Scene& scene) {
    const domain::CardScreen& screen = scene.screen;
    DecodeAsset(scene, screen.theme.logo);
    DecodeAsset(scene, screen.theme.background_image);
    for (const auto* blocks : {&screen.banners, &screen.promo_blocks}) {
        for (const domain::PromoBlock& block : *blocks) {
            DecodeAsset(scene, block.asset);
        }
    }
}

} // namespace

ChromePalette PaletteFor(PhoneTheme theme) {
    // The phone's system colours (grouped backgrounds, labels, separators) in
    // each appearance; the partner's colours never depend on them.
    if (theme == PhoneTheme::Dark) {
        return ChromePalette{{0, 0, 0, 1},
                             {0.110, 0.110, 0.118, 1},
                             {1, 1, 1, 1},
                             {0.596, 0.596, 0.624, 1},
                             {0.220, 0.220, 0.227, 1},
                             {0.227, 0.227, 0.235, 1}};
    }
    return ChromePalette{{0.949, 0.949, 0.969, 1},
                         {1, 1, 1, 1},
                         {0, 0, 0, 1},
                         {0.424, 0.424, 0.439, 1},
                         {0.820, 0.820, 0.839, 1},
                         {0.898, 0.898, 0.918, 1}};
}

cairo_surface_t* Scene::Image(const std::optional<std::string>& id) const {
    if (!id) {
        return nullptr;
    }
    const auto found = images.find(*id);
    return found == images.end() ? nullptr : found->second;
}

Colour CardBackground(const Scene& scene) {
    return FromHex(scene.screen.theme.background_color, Colour{1, 1, 1, 1});
}
Colour CardText(const Scene& scene) {
    return FromHex(scene.screen.theme.text_color, Colour{0.1, 0.1, 0.1, 1});
}
Colour Accent(const Scene& scene) {
    return FromHex(scene.screen.theme.accent_color, Colour{0.18, 0.49, 0.2, 1});
}

Rendered RenderCardScreen(const domain::CardScreen& screen, const PreviewData& data,
                          const RenderOptions& options) {
    const double scale =
        std::isfinite(options.scale) ? std::clamp(options.scale, kMinScale, kMaxScale) : 1.0;
    const Layout layout = LayOut(screen, data);
    const int width = static_cast<int>(std::ceil(kPhoneWidth * scale));
    const int height = static_cast<int>(std::ceil(layout.height * scale));

    SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)};
    CairoPtr cr{cairo_create(surface.get())};
    Scene scene{screen, data, layout, PaletteFor(options.phone), scale, cr.get(), {}};
    BeginDraw();
    DecodeAssets(scene);

    SetColour(cr.get(), scene.chrome.background);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);

    Rendered rendered;
    DrawChrome(scene);
    DrawCardFace(scene);
    DrawProgress(scene);
    rendered.parts.code_text = DrawCheckoutCode(scene);
    DrawBlocks(scene);
    DrawHistory(scene);
    DrawLinks(scene);
    cairo_surface_flush(surface.get());

    Image& image = rendered.image;
    image.width = width;
    image.height = height;
    image.stride = cairo_image_surface_get_stride(surface.get());
    const unsigned char* pixels = cairo_image_surface_get_data(surface.get());
    if (pixels != nullptr) {
        image.data.assign(pixels, pixels + static_cast<std::size_t>(image.stride) *
                                               static_cast<std::size_t>(height));
    }

    RenderedParts& parts = rendered.parts;
    parts.card = ToRect(layout.card, scale);
    parts.logo = ToRect(layout.logo, scale);
    parts.balance = ToRect(layout.balance, scale);
    parts.progress = ToRect(layout.progress, scale);
    parts.code = ToRect(layout.code, scale);
    for (const Box& box : layout.banners) {
        parts.banners.push_back(ToRect(box, scale));
    }
    for (const Box& box : layout.promo_blocks) {
        parts.promo_blocks.push_back(ToRect(box, scale));
    }
    parts.history = ToRect(layout.history, scale);
    return rendered;
}

} // namespace kpd::render
