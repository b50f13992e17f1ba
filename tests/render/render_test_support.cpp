#include "render_test_support.h"

#include "support/test_env.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace kpd::test {

std::string RunCommand(const std::string& command, int& status) {
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        throw std::runtime_error("cannot run: " + command);
    }
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        out.append(buffer.data(), got);
    }
    const int raw = pclose(pipe);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

std::vector<std::string> DecodeBarcodes(const render::Image& image) {
    const std::string path = MakeTempDir("zbar") + "/screen.png";
    std::string error;
    if (!render::WritePng(image, path, error)) {
        throw std::runtime_error(error);
    }
    int status = 0;
    // UPC-A is reported as such (not as an EAN-13 with a leading zero), as tills do.
    const std::string out =
        RunCommand("zbarimg --raw -q -Supca.enable '" + path + "' 2>/dev/null", status);
    // zbarimg exits 4 when it finds no symbol: that is an answer, not a failure.
    if (status != 0 && status != 4) {
        throw std::runtime_error("zbarimg failed with status " + std::to_string(status));
    }
    std::vector<std::string> symbols;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            symbols.push_back(line);
        }
    }
    return symbols;
}

std::vector<std::uint8_t> SolidPng(int width, int height, std::uint32_t rgb) {
    render::Image image;
    image.width = width;
    image.height = height;
    image.stride = width * 4;
    image.data.resize(static_cast<std::size_t>(image.stride) * static_cast<std::size_t>(height));
    const std::uint32_t pixel = 0xFF000000u | rgb;
    for (std::size_t i = 0; i < image.data.size(); i += 4) {
        std::memcpy(image.data.data() + i, &pixel, 4);
    }
    return render::EncodePng(image);
}

std::vector<std::uint8_t> SolidJpeg(int width, int height, const std::string& colour) {
    const std::string path = MakeTempDir("jpeg") + "/solid.jpg";
    int status = 0;
    RunCommand("/usr/bin/convert -size " + std::to_string(width) + "x" + std::to_string(height) +
                   " 'xc:" + colour + "' -quality 95 '" + path + "'",
               status);
    if (status != 0) {
        throw std::runtime_error("ImageMagick convert failed");
    }
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int DifferingPixels(const render::Image& a, const render::Image& b, const render::Rect& rect) {
    int count = 0;
    for (int y = rect.y; y < rect.y + rect.height; ++y) {
        for (int x = rect.x; x < rect.x + rect.width; ++x) {
            if (a.Pixel(x, y) != b.Pixel(x, y)) {
                ++count;
            }
        }
    }
    return count;
}

std::uint32_t Rgb(const render::Image& image, int x, int y) {
    return image.Pixel(x, y) & 0xFFFFFFu;
}

bool Near(std::uint32_t a, std::uint32_t b, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
        const int ca = static_cast<int>((a >> shift) & 0xFF);
        const int cb = static_cast<int>((b >> shift) & 0xFF);
        if (std::abs(ca - cb) > tolerance) {
            return false;
        }
    }
    return true;
}

} // namespace kpd::test
