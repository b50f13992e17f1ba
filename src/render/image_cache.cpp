// The per-thread image cache (image_cache.h): a small list in least-recently-
// used order. A screen draws at most a dozen images, far below the capacity,
// so nothing one draw uses is evicted during that draw.
#include "render/image_cache.h"
#include "render/image_decode.h"

#include <algorithm>
#include <functional>
#include <list>
#include <string_view>

namespace kpd::render {
namespace {

constexpr std::size_t kCapacity = 48;

struct Entry {
    std::size_t length = 0;
    std::size_t hash = 0;
    const cairo_surface_t* source = nullptr; // for scaled entries: the decoded image they come from
    int width = 0;
    int height = 0;
    SurfacePtr surface; // null: bytes that did not decode (remembered too)
};

std::list<Entry>& Entries() {
    thread_local std::list<Entry> entries;
    return entries;
}

template <class Match> Entry* Find(Match match) {
    auto& entries = Entries();
    const auto found = std::find_if(entries.begin(), entries.end(), match);
    if (found == entries.end()) {
        return nullptr;
    }
    entries.splice(entries.begin(), entries, found); // most recently used first
    return &entries.front();
}

Entry& Insert(Entry entry) {
    auto& entries = Entries();
    if (entries.size() >= kCapacity) {
        // A decoded image takes its scaled copies along: a later image could
        // be allocated at the same address and must not find them.
        const cairo_surface_t* evicted = entries.back().source == nullptr ? entries.back().surface.get() : nullptr;
        entries.pop_back();
        if (evicted != nullptr) {
            entries.remove_if([evicted](const Entry& e) { return e.source == evicted; });
        }
    }
    entries.push_front(std::move(entry));
    return entries.front();
}

} // namespace

cairo_surface_t* CachedDecode(std::span<const std::uint8_t> bytes) {
    const std::size_t hash =
        std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (Entry* hit = Find([&](const Entry& e) {
            return e.source == nullptr && e.length == bytes.size() && e.hash == hash;
        })) {
        return hit->surface.get();
    }
    return Insert(Entry{bytes.size(), hash, nullptr, 0, 0, DecodeImage(bytes)}).surface.get();
}

cairo_surface_t* CachedCover(cairo_surface_t* image, int width, int height) {
    if (Entry* hit = Find([&](const Entry& e) {
            return e.source == image && e.width == width && e.height == height;
        })) {
        return hit->surface.get();
    }
    SurfacePtr scaled{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)};
    const int imageWidth = cairo_image_surface_get_width(image);
    const int imageHeight = cairo_image_surface_get_height(image);
    if (imageWidth > 0 && imageHeight > 0 && cairo_surface_status(scaled.get()) == CAIRO_STATUS_SUCCESS) {
        CairoPtr cr{cairo_create(scaled.get())};
        const double scale = std::max(static_cast<double>(width) / imageWidth, static_cast<double>(height) / imageHeight);
        cairo_translate(cr.get(), (width - imageWidth * scale) / 2, (height - imageHeight * scale) / 2);
        cairo_scale(cr.get(), scale, scale);
        cairo_set_source_surface(cr.get(), image, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
        cairo_paint(cr.get());
    }
    return Insert(Entry{0, 0, image, width, height, std::move(scaled)}).surface.get();
}

} // namespace kpd::render
