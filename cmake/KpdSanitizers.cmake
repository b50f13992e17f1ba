# KPD_SANITIZE=address|thread: every target of the tree (libraries, programs,
# tests, so also the platform-sandbox and partnerctl that the tests start) is
# compiled and linked with the sanitizer; empty (the default) builds without.
#   address  AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer;
#            -fno-sanitize-recover: undefined behaviour ends the process, so it
#            fails the test instead of printing a line nobody reads.
#            float-cast-overflow is not part of GCC's "undefined" group: a double
#            out of an integer's range converted to it (money, percentages) is UB.
#            -fno-sanitize=vptr: UBSan's dynamic type check needs the typeinfo of each
#            polymorphic class it checks, and Debian's libsoci_core exports none for
#            soci::details::ref_counted_statement, so nothing using SOCI would link.
#            _GLIBCXX_ASSERTIONS: libstdc++'s cheap checks (operator[] bounds,
#            front() of an empty vector), which ASan alone misses inside capacity.
#   thread   ThreadSanitizer.
# -O1 keeps the instrumented tests quick enough to run while compiling faster
# than -O2; frame pointers give the sanitizers' fast unwinder whole stacks.
# Options at run time (halt_on_error, suppressions) are scripts/test's:
# tests/sanitizers/.
set(KPD_SANITIZE "" CACHE STRING "Sanitizer build: address (ASan+UBSan), thread (TSan) or empty")
set_property(CACHE KPD_SANITIZE PROPERTY STRINGS "" address thread)

if(KPD_SANITIZE STREQUAL "")
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  message(FATAL_ERROR "KPD_SANITIZE needs GCC or Clang")
endif()

if(KPD_SANITIZE STREQUAL "address")
  set(_kpd_sanitize_flags -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow
      -fno-sanitize=vptr)
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
elseif(KPD_SANITIZE STREQUAL "thread")
  set(_kpd_sanitize_flags -fsanitize=thread)
else()
  message(FATAL_ERROR "KPD_SANITIZE must be address, thread or empty, not '${KPD_SANITIZE}'")
endif()

add_compile_options(${_kpd_sanitize_flags} -fno-omit-frame-pointer -O1)
add_link_options(${_kpd_sanitize_flags})
message(STATUS "Sanitizer build: ${KPD_SANITIZE} (${_kpd_sanitize_flags})")
