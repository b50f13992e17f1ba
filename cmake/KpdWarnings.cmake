# Warnings shared by every target of the project (not by third-party headers).
add_library(kpd_warnings INTERFACE)
target_compile_options(kpd_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(KPD_WERROR)
  target_compile_options(kpd_warnings INTERFACE -Werror)
endif()
