# Shared by the scripts: paths, messages, and the build step.
# shellcheck shell=bash
KPD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export KPD_ROOT

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# kpd_build DIR BUILD_TYPE [extra cmake args…]: configure once, then build everything.
kpd_build() {
  local dir=$1 type=$2; shift 2
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$KPD_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >&2
  else
    cmake "$dir" "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$jobs" >&2
}

# kpd_build_preset PRESET DIR: configure DIR from CMakePresets.json's PRESET once, then build everything.
kpd_build_preset() {
  local preset=$1 dir=$2
  if [ ! -f "$dir/build.ninja" ]; then
    (cd "$KPD_ROOT" && cmake --preset "$preset" >&2)
  fi
  cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)" >&2
}

# kpd_sanitizer_env address|thread: the sanitizers' run-time options for the
# tests and every process they start (the environment is inherited). What a
# caller already set in ASAN_OPTIONS & co. comes last and wins.
#   halt_on_error        the first finding ends the process (UBSan's part is
#                        also compiled -fno-sanitize-recover)
#   detect_leaks         on: a leak in our code fails; leaks inside libraries we
#                        cannot fix are named in tests/sanitizers/lsan.supp
#   detect_stack_use_after_return, check_initialization_order, strict_init_order
#                        dangling references to locals, static init order
#   print_stacktrace     UBSan prints where, not only what
kpd_sanitizer_env() {
  local supp="$KPD_ROOT/tests/sanitizers"
  case "$1" in
    address)
      export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
      export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
      export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
      ;;
    thread)
      export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
      ;;
    *) die "unknown sanitizer $1" ;;
  esac
}

# A free TCP port on loopback.
kpd_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
