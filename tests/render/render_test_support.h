#pragma once
// What the render tests share: reading a barcode back from a rendered image
// with zbarimg, making real PNG and JPEG bytes of a given size and colour,
// and comparing pixels inside rectangles. Test thread only.
#include "render/card_preview.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kpd::test {

// Every symbol zbarimg finds in the image (`zbarimg --raw -q`), one per element.
std::vector<std::string> DecodeBarcodes(const render::Image& image);

// Runs a shell command; its stdout, and the exit status in `status`.
std::string RunCommand(const std::string& command, int& status);

// A solid-colour PNG (by the renderer's own encoder) and JPEG (ImageMagick).
std::vector<std::uint8_t> SolidPng(int width, int height, std::uint32_t rgb);
std::vector<std::uint8_t> SolidJpeg(int width, int height, const std::string& colour);

// How many pixels differ between two images of the same size inside `rect`.
int DifferingPixels(const render::Image& a, const render::Image& b, const render::Rect& rect);

// The pixel without its alpha byte (renders are opaque), 0xRRGGBB.
std::uint32_t Rgb(const render::Image& image, int x, int y);

// Whether each channel of two 0xRRGGBB colours is within `tolerance`.
bool Near(std::uint32_t a, std::uint32_t b, int tolerance);

} // namespace kpd::test
