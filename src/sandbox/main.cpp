// platform-sandbox: the Koshelek platform stand-in for demos and tests.
// Only turns the command line into Options and reports fatal errors.
#include "sandbox/options.h"
#include "sandbox/server.h"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = kpd::sandbox::ParseOptions(args);
    if (!parsed.options) {
        std::fputs(parsed.message.c_str(), parsed.exit_code == 0 ? stdout : stderr);
        return parsed.exit_code;
    }
    try {
        return kpd::sandbox::RunSandbox(*parsed.options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "platform-sandbox: %s\n", e.what());
        return 1;
    }
}
