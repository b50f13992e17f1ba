# Warnings shared by every target of the project (not by third-party headers).
add_library(kpd_warnings INTERFACE)
target_compile_options(kpd_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(KPD_WERROR)
  target_compile_options(kpd_warnings INTERFACE -Werror)
  # GCC 12 at -O2 reports out-of-bounds copies inside libstdc++'s own
  # std::string move when it is inlined into a vector push_back (GCC bugs
  # 105329 and 105651): the warning names no line of ours and no rewrite of our
  # code silences it reliably. It stays a warning, printed, but does not stop the build.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(kpd_warnings INTERFACE
      -Wno-error=array-bounds -Wno-error=stringop-overflow -Wno-error=restrict)
  endif()
endif()
