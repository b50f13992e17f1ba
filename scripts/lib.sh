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

# A free TCP port on loopback.
kpd_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
