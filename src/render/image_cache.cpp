// The per-thread image cache (image_cache.h): a list in least-recently-used
// order under a pixel-memory budget. Entries the current draw has touched are
// never evicted (its surfaces must stay valid until it ends), so one draw of
// very large images may go over the budget; the next draw trims it back.
#include "render/image_cache.h"
#include "render/image_decode.h"

#include <algorithm>
#include <functional>
#include <list>
#include <string_view>

namespace kpd::render {
namespace {

constexpr std::size_t kMaxEntries = 64;
// A 2400×4000 background decodes to 38 MB; the budget keeps a few screens'
// worth of images without letting a long editing session grow without end.
constexpr std::size_t kBudgetBytes = 192u << 20;

struct Entry {
    std::size_t length = 0;
    std::size_t hash = 0;
    const cairo_surface_t* source = nullptr; // for scaled entries: the decoded image they come from
    int width = 0;
    int height = 0;
    SurfacePtr surface;     // null: bytes that did not decode (remembered too)
    std::uint64_t draw = 0; // the last draw that used it
    std::size_t pixel_bytes = 0;
};

struct Cache {
    std::list<Entry> entries;
    std::size_t bytes = 0;
    std::uint64_t draw = 0;
};

Cache& ThisThread() {
    thread_local Cache cache;
    return cache;
}

std::size_t PixelBytes(cairo_surface_t* surface) {
    if (surface == nullptr) {
        return 0;
    }
    return static_cast<std::size_t>(cairo_image_surface_get_stride(surface)) *
           static_cast<std::size_t>(std::max(0, cairo_image_surface_get_height(surface)));
}

template <class Match> Entry* Find(Match match) {
    Cache& cache = ThisThread();
    const auto found = std::find_if(cache.entries.begin(), cache.entries.end(), match);
    if (found == cache.entries.end()) {
        return nullptr;
    }
    cache.entries.splice(cache.entries.begin(), cache.entries, found); // most recently used first
    found->draw = cache.draw;
    return &*found;
}

void EvictOldest(Cache& cache) {
    Entry& oldest = cache.entries.back();
    // A decoded image takes its scaled copies along: a later image could be
    // allocated at the same address and must not find them.
    const cairo_surface_t* decoded = oldest.source == nullptr ? oldest.surface.get() : nullptr;
    cache.bytes -= oldest.pixel_bytes;
    cache.entries.pop_back();
    if (decoded != nullptr) {
        cache.entries.remove_if([&cache, decoded](const Entry& e) {
            if (e.source != decoded) {
                return false;
            }
            cache.bytes -= e.pixel_bytes;
            return true;
        });
    }
}

Entry& Insert(Entry entry) {
    Cache& cache = ThisThread();
    entry.draw = cache.draw;
    entry.pixel_bytes = PixelBytes(entry.surface.get());
    while (
        !cache.entries.empty() && cache.entries.back().draw != cache.draw &&
        (cache.entries.size() >= kMaxEntries || cache.bytes + entry.pixel_bytes > kBudgetBytes)) {
        EvictOldest(cache);
    }
    cache.bytes += entry.pixel_bytes;
    cache.entries.push_front(std::move(entry));
    return cache.entries.front();
}

} // namespace

void BeginDraw() {
    ++ThisThread().draw;
}

cairo_surface_t* CachedDecode(std::span<const std::uint8_t> bytes) {
    const std::size_t hash = std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (Entry* hit = Find([&](const Entry& e) {
            return e.source == nullptr && e.length == bytes.size() && e.hash == hash;
        })) {
        return hit->surface.get();
    }
    Entry entry;
    entry.length = bytes.size();
    entry.hash = hash;
    entry.surface = DecodeImage(bytes);
    return Insert(std::move(entry)).surface.get();
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
    if (imageWidth > 0 && imageHeight > 0 &&
        cairo_surface_status(scaled.get()) == CAIRO_STATUS_SUCCESS) {
        CairoPtr cr{cairo_create(scaled.get())};
        const double scale = std::max(static_cast<double>(width) / imageWidth,
                                      static_cast<double>(height) / imageHeight);
        cairo_translate(cr.get(), (width - imageWidth * scale) / 2,
                        (height - imageHeight * scale) / 2);
        cairo_scale(cr.get(), scale, scale);
        cairo_set_source_surface(cr.get(), image, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
        cairo_paint(cr.get());
    }
    Entry entry;
    entry.source = image;
    entry.width = width;
    entry.height = height;
    entry.surface = std::move(scaled);
    return Insert(std::move(entry)).surface.get();
}

} // namespace kpd::render
