// Image pixels and PNG output. cairo's PNG writer does the unpremultiplying
// and the zlib work; the image is copied into a surface of its own because
// cairo wants writable pixels even for reading.
#include "render/cairo_handles.h"
#include "render/card_preview.h"

#include <cstring>
#include <fstream>

namespace kpd::render {

std::uint32_t Image::Pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) {
        return 0;
    }
    std::uint32_t value = 0;
    std::memcpy(&value,
                data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) +
                    static_cast<std::size_t>(x) * 4,
                sizeof value);
    return value;
}

namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* bytes, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), bytes, bytes + length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::vector<std::uint8_t> EncodePng(const Image& image) {
    std::vector<std::uint8_t> png;
    if (image.width <= 0 || image.height <= 0) {
        return png;
    }
    std::vector<std::uint8_t> pixels = image.data;
    SurfacePtr surface{cairo_image_surface_create_for_data(
        pixels.data(), CAIRO_FORMAT_ARGB32, image.width, image.height, image.stride)};
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return png;
    }
    if (cairo_surface_write_to_png_stream(surface.get(), AppendBytes, &png) !=
        CAIRO_STATUS_SUCCESS) {
        png.clear();
    }
    return png;
}

bool WritePng(const Image& image, const std::string& path, std::string& error) {
    const std::vector<std::uint8_t> png = EncodePng(image);
    if (png.empty()) {
        error = "could not encode the image as PNG";
        return false;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot open " + path + " for writing";
        return false;
    }
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    out.close();
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace kpd::render
