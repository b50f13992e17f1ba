#pragma once
// The images of the demo seed (resources/demo/*.png, made with ImageMagick:
// see resources/demo/README.md), compiled into the binary. Thread-safe.
#include <string_view>

namespace kpd::sandbox {

// The bytes of resources/demo/<name> (e.g. "logo.png"); empty for an unknown name.
std::string_view DemoImageBytes(std::string_view name);

} // namespace kpd::sandbox
