#!/usr/bin/env bash
# The layer rules of HOUSE-STYLE 1, checked on every test run:
#  - nothing under src/ includes wx;
#  - domain does no I/O (no streams to files or consoles, no sockets, no SQL, no HTTP);
#  - contract and store never parse numbers with locale-bound functions (the
#    desk runs under a Russian locale, where the decimal separator is a comma).
set -u
src=${1:?usage: check_boundaries.sh SRC_DIR}
fail=0

report() { # $1 = rule, rest = grep output
  local rule=$1; shift
  if [ -n "$*" ]; then
    printf 'BOUNDARY BROKEN: %s\n%s\n' "$rule" "$*"
    fail=1
  fi
}

report "src/ must not include wx" "$(grep -rnE '#\s*include\s*[<"]wx/' "$src" || true)"
report "domain must not do I/O" \
  "$(grep -rnE '#\s*include\s*<(fstream|iostream|filesystem|curl/|soci/|httplib|sys/socket)|\b(fopen|std::cout|std::cerr|printf)\b' "$src/domain" || true)"
report "contract/store must not use locale-bound number parsing" \
  "$(grep -rnE '\b(strtod|strtof|strtold|atof|std::stod|std::stof|std::stold)\s*\(|%[0-9.]*l?f' "$src/contract" "$src/store" || true)"

if [ "$fail" = 0 ]; then
  echo "layer boundaries hold"
fi
exit $fail
