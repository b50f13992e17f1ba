// libFuzzer target: the image header reader (domain/image_header.h) that decides what an uploaded
// logo or banner is. Promises: a result is an image with a positive size or an error, never both;
// media types are the two accepted. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt);
// run by ctest for 20 s and by scripts/fuzz for longer.
#include "domain/image_header.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto header = kpd::domain::InspectImage(std::span<const std::uint8_t>(data, size));
    if (header.Ok()) {
        kpd::fuzz::Check(header.media_type == "image/png" || header.media_type == "image/jpeg");
        kpd::fuzz::Check(header.width > 0 && header.height > 0);
    } else {
        kpd::fuzz::Check(!header.error.empty());
    }
    return 0;
}
