// libFuzzer target: a card screen draft written by hand (cli/draft_file.h:
// `partnerctl card-screen validate|put|render FILE`), read from a file in a
// folder of its own that holds one PNG (logo.png) and one broken image
// (broken.jpg) for its image fields to name. Promises: never throws; a screen
// or problems; every problem at a JSON pointer with a code; each local image
// the draft names is listed at its field's pointer.
// Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest
// for 20 s and by scripts/fuzz for longer.
#include "cli/draft_file.h"
#include "fuzz_support.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace {
// A 1×1 PNG, whole (signature, IHDR, IDAT, IEND, their CRCs).
const unsigned char kPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
    0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

std::string Folder() {
    const auto dir =
        std::filesystem::temp_directory_path() / ("kpd-draft-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "logo.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(kPng), sizeof kPng);
    std::ofstream(dir / "broken.jpg", std::ios::binary) << "\xFF\xD8\xFF not a whole JPEG";
    return dir.string();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string folder = Folder();
    const std::string path = folder + "/draft.json";
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    const auto draft = kpd::cli::ReadDraftFile(path);
    kpd::fuzz::CheckProblems(draft.problems);
    kpd::fuzz::Check(draft.screen.has_value() || !draft.problems.empty());
    for (const auto& image : draft.images) {
        kpd::fuzz::Check(!image.pointer.empty() && image.pointer.front() == '/');
        kpd::fuzz::Check(kpd::cli::NamesLocalImage(image.value));
    }
    return 0;
}
