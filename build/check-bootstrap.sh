#!/usr/bin/env bash
# Checks a bootstrap binary against what provided.al2023 can run and what we promise:
#   ELF for the architecture, stripped, no GLIBC symbol newer than 2.34 (AL2023's glibc),
#   no shared library beyond libc, libm and the loader, and, when one is given, a size budget.
#   A statically linked binary (no program interpreter, no NEEDED) needs no GLIBC version at all.
#   --library checks a native library published beside the bootstrap (a package's .so) by the same architecture and
#   GLIBC rules, and no others: it may be unstripped and need other libraries (its package's business).
# Usage: check-bootstrap.sh [--arch x86_64|arm64] [--max-bytes N] [--library] path/to/bootstrap
set -euo pipefail

arch=x86_64
max_bytes=
max_glibc=2.34
library=
while [ $# -gt 1 ]; do
  case "$1" in
    --library) library=yes; shift ;;
    --arch) arch=$2; shift 2 ;;
    --max-bytes) max_bytes=$2; shift 2 ;;
    *) echo "check-bootstrap: unknown option $1" >&2; exit 2 ;;
  esac
done
bin=${1:?usage: check-bootstrap.sh [--arch A] [--max-bytes N] path/to/bootstrap}

fail() { echo "check-bootstrap: $bin: $*" >&2; exit 1; }
for tool in readelf objdump; do
  command -v "$tool" >/dev/null || fail "needs '$tool' (Debian package binutils)"
done
[ -f "$bin" ] || fail "no such file"

case "$arch" in
  x86_64) machine='Advanced Micro Devices X86-64' ;;
  arm64)  machine='AArch64' ;;
  *) fail "unknown architecture '$arch' (x86_64 or arm64)" ;;
esac
header=$(readelf -h "$bin" 2>/dev/null) || fail "not an ELF file"
grep -q "Machine:.*$machine" <<<"$header" || fail "not built for $arch: $(grep Machine: <<<"$header" | sed 's/ *Machine: *//')"

if [ -z "$library" ] && readelf -S "$bin" | grep -q -E '\.symtab|\.debug_'; then
  fail "is not stripped (has .symtab or .debug_* sections)"
fi

# Static: no program interpreter (the kernel starts it directly) and nothing to load.
static=
readelf -l "$bin" | grep -q 'INTERP' || static=yes

# Every versioned glibc symbol as "version symbol"; any version above the maximum fails. A binary without a
# dynamic symbol table (a static one) has none.
newer_than_max() { [ "$(printf '%s\n%s\n' "$1" "$max_glibc" | sort -V | tail -n 1)" != "$max_glibc" ]; }
glibc_symbols=
readelf -S "$bin" | grep -q '\.dynsym' && glibc_symbols=$(objdump -T "$bin" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /GLIBC_[0-9]/) { v = $i; gsub(/[()]|GLIBC_/, "", v); print v, $NF } }')
newest=$(cut -d' ' -f1 <<<"$glibc_symbols" | sort -uV | tail -n 1)
too_new=$(while read -r v sym; do
  if [ -n "$v" ] && newer_than_max "$v"; then echo -n "$sym@GLIBC_$v "; fi
done <<<"$glibc_symbols")
[ -z "$too_new" ] || fail "needs symbols newer than AL2023's GLIBC_$max_glibc: $too_new"

if [ -n "$library" ]; then
  printf 'check-bootstrap: %s ok: %s shared library, GLIBC <= %s (newest %s)\n' "$bin" "$arch" "$max_glibc" "${newest:-none}"
  exit 0
fi

needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for lib in $needed; do
  case "$lib" in
    libc.so.6|libm.so.6|ld-linux-x86-64.so.2|ld-linux-aarch64.so.1) ;;
    *) fail "needs shared library $lib (only libc, libm and the loader exist everywhere)" ;;
  esac
done

size=$(stat -c %s "$bin")
if [ -n "$max_bytes" ]; then
  [ "$size" -le "$max_bytes" ] || fail "is $size bytes, over the budget of $max_bytes"
  budget="budget $max_bytes"
else
  budget="no size budget"
fi

if [ -n "$static" ]; then
  [ -z "$needed$glibc_symbols" ] || fail "has no program interpreter but needs $(echo $needed $newest | tr ' ' ',')"
  printf 'check-bootstrap: %s ok: %s, %d bytes (%s), statically linked (no GLIBC version, no shared library)\n' \
    "$bin" "$arch" "$size" "$budget"
else
  printf 'check-bootstrap: %s ok: %s, %d bytes (%s), GLIBC <= %s (newest %s), needs %s\n' \
    "$bin" "$arch" "$size" "$budget" "$max_glibc" "${newest:-none}" "$(echo $needed | tr ' ' ',')"
fi
