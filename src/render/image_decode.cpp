// PNG through cairo's stream reader; JPEG through libjpeg (libjpeg-turbo on
// Debian), whose errors arrive by longjmp: the JPEG path keeps every C++
// object outside the setjmp frame so no destructor is ever skipped.
#include "render/image_decode.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <jpeglib.h>

namespace kpd::render {
namespace {

struct PngReader {
    std::span<const std::uint8_t> bytes;
    std::size_t offset = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes.size() - reader->offset < length) {
        return CAIRO_STATUS_READ_ERROR;
    }
    std::memcpy(data, reader->bytes.data() + reader->offset, length);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

SurfacePtr DecodePng(std::span<const std::uint8_t> bytes) {
    PngReader reader{bytes};
    SurfacePtr surface{cairo_image_surface_create_from_png_stream(ReadPng, &reader)};
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return nullptr;
    }
    return surface;
}

struct JpegError {
    jpeg_error_mgr manager; // first: libjpeg casts the pointer back
    std::jmp_buf jump;
};

void JpegFail(j_common_ptr info) {
    auto* error = reinterpret_cast<JpegError*>(info->err);
    std::longjmp(error->jump, 1);
}

void JpegQuiet(j_common_ptr /*info*/) {} // warnings would go to stderr

// Decodes into `target` (created here once the size is known). Returns false
// on any libjpeg error; the caller owns and frees `*target` either way.
bool DecodeJpegInto(std::span<const std::uint8_t> bytes, cairo_surface_t** target) {
    jpeg_decompress_struct info;
    JpegError error;
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = JpegFail;
    error.manager.output_message = JpegQuiet;
    if (setjmp(error.jump) != 0) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    *target = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(info.output_width),
                                         static_cast<int>(info.output_height));
    if (cairo_surface_status(*target) != CAIRO_STATUS_SUCCESS || info.output_components != 3) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    cairo_surface_flush(*target);
    unsigned char* pixels = cairo_image_surface_get_data(*target);
    const int stride = cairo_image_surface_get_stride(*target);
    JSAMPARRAY row = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                               info.output_width * 3, 1);
    while (info.output_scanline < info.output_height) {
        const JDIMENSION y = info.output_scanline;
        jpeg_read_scanlines(&info, row, 1);
        auto* out =
            reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * stride);
        for (JDIMENSION x = 0; x < info.output_width; ++x) {
            const unsigned char* rgb = row[0] + x * 3;
            out[x] =
                0xFF000000u | (std::uint32_t{rgb[0]} << 16) | (std::uint32_t{rgb[1]} << 8) | rgb[2];
        }
    }
    cairo_surface_mark_dirty(*target);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

SurfacePtr DecodeJpeg(std::span<const std::uint8_t> bytes) {
    cairo_surface_t* raw = nullptr;
    const bool ok = DecodeJpegInto(bytes, &raw);
    SurfacePtr surface{raw};
    if (!ok) {
        return nullptr;
    }
    return surface;
}

} // namespace

SurfacePtr DecodeImage(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t kPngSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() >= sizeof kPngSignature &&
        std::memcmp(bytes.data(), kPngSignature, sizeof kPngSignature) == 0) {
        return DecodePng(bytes);
    }
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        return DecodeJpeg(bytes);
    }
    return nullptr;
}

} // namespace kpd::render
