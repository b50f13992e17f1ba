#include "domain/image_header.h"

#include <boost/test/unit_test.hpp>

#include <vector>

using namespace kpd::domain;

namespace {
// A 3×2 RGB PNG built for this test (signature, IHDR, one IDAT, IEND, real CRCs).
const std::vector<std::uint8_t> kPng3x2{
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xF1, 0x4D, 0x00, 0x00, 0x00, 0x10, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x41, 0x0C, 0x70, 0x16, 0x00, 0x41, 0xD2, 0x05, 0xFB,
    0x87, 0xF0, 0xB9, 0x48, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

// The markers a JPEG decoder needs before its data: SOI, APP0, SOF0 (640×480), then EOI.
std::vector<std::uint8_t> Jpeg640x480() {
    return {0xFF, 0xD8,                                                                   // SOI
            0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
            0x00,                                                                         // APP0
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
            0x11, 0x01,                                                                   // SOF0 480 high, 640 wide
            0xFF, 0xD9};                                                                  // EOI
}
} // namespace

BOOST_AUTO_TEST_SUITE(image_header)

BOOST_AUTO_TEST_CASE(a_whole_png_gives_its_type_and_size) {
    const auto h = InspectImage(kPng3x2);
    BOOST_TEST(h.Ok(), h.error);
    BOOST_TEST(h.media_type == "image/png");
    BOOST_TEST(h.width == 3);
    BOOST_TEST(h.height == 2);
}

BOOST_AUTO_TEST_CASE(a_flipped_bit_in_png_data_is_caught_by_its_crc) {
    auto bytes = kPng3x2;
    bytes[45] ^= 0x01; // inside IDAT
    const auto h = InspectImage(bytes);
    BOOST_TEST(!h.Ok());
    BOOST_TEST(h.error.find("CRC") != std::string::npos, h.error);
}

BOOST_AUTO_TEST_CASE(a_truncated_png_is_refused) {
    for (std::size_t cut : {8u, 20u, 40u, 60u, 72u}) {
        std::vector<std::uint8_t> bytes(kPng3x2.begin(), kPng3x2.begin() + static_cast<std::ptrdiff_t>(cut));
        BOOST_TEST(!InspectImage(bytes).Ok(), "cut at " << cut);
    }
    auto trailing = kPng3x2;
    trailing.push_back(0);
    BOOST_TEST(!InspectImage(trailing).Ok());
}

BOOST_AUTO_TEST_CASE(a_jpeg_gives_its_size_from_the_frame_header) {
    const auto h = InspectImage(Jpeg640x480());
    BOOST_TEST(h.Ok(), h.error);
    BOOST_TEST(h.media_type == "image/jpeg");
    BOOST_TEST(h.width == 640);
    BOOST_TEST(h.height == 480);
}

BOOST_AUTO_TEST_CASE(a_jpeg_without_its_end_or_frame_is_refused) {
    auto noEnd = Jpeg640x480();
    noEnd.resize(noEnd.size() - 2);
    BOOST_TEST(!InspectImage(noEnd).Ok());
    const std::vector<std::uint8_t> noFrame{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9};
    BOOST_TEST(!InspectImage(noFrame).Ok());
}

BOOST_AUTO_TEST_CASE(other_bytes_are_not_images) {
    const std::vector<std::uint8_t> gif{'G', 'I', 'F', '8', '9', 'a', 0, 0};
    const auto h = InspectImage(gif);
    BOOST_TEST(!h.Ok());
    BOOST_TEST(InspectImage(std::vector<std::uint8_t>{}).error.find("neither") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
