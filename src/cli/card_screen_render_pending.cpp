// Stands in for command_card_screen_render.cpp (the renderer's owner writes
// it) so that partnerctl links before `card-screen render` exists; CMake
// leaves this file out as soon as the real one is there.
#include "cli/commands.h"

namespace kpd::cli {

void AddCardScreenRenderCommand(CLI::App&, const GlobalOptions&, std::function<ExitCode()>&) {}

} // namespace kpd::cli
