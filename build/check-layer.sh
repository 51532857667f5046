#!/usr/bin/env bash
# Checks a Lambda layer zip for this runtime, the way Lambda will use it (unpacked into /opt):
#   a valid zip with `bootstrap` at its root, a regular file with mode 0755 recorded for Unix;
#   then the unpacked bootstrap passes check-bootstrap.sh (ELF for the architecture, stripped,
#   GLIBC <= 2.34, only libc/libm/loader, or statically linked; size budget), and so does every other ELF file in it
#   (a package's native library) by the same architecture and GLIBC rules (check-bootstrap.sh --library). Other files
#   (appsettings.json, content) are carried as they are. Prints a short summary; exits non-zero on any miss, with one
#   line that says which file and why.
# A zip named for an architecture (layer-arm64.zip, …-x86_64.zip) must hold a bootstrap for it; --arch defaults
# to that name's architecture, else x86_64.
# Reads the zip with Info-ZIP's unzip (Debian package unzip), not with the code that wrote it.
# Usage: check-layer.sh [--arch x86_64|arm64] [--max-bytes N] path/to/layer.zip
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
arch=
check_args=()
while [ $# -gt 1 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --max-bytes) check_args+=("$1" "$2"); shift 2 ;;
    *) echo "check-layer: unknown option $1" >&2; exit 2 ;;
  esac
done
zip=${1:?usage: check-layer.sh [--arch A] [--max-bytes N] path/to/layer.zip}

fail() { echo "check-layer: $zip: $*" >&2; exit 1; }

case "$(basename "$zip")" in
  *-arm64.zip) named_arch=arm64 ;;
  *-x86_64.zip) named_arch=x86_64 ;;
  *) named_arch= ;;
esac
if [ -n "$named_arch" ] && [ -n "$arch" ] && [ "$arch" != "$named_arch" ]; then
  fail "is named for $named_arch but was checked as $arch"
fi
arch=${arch:-${named_arch:-x86_64}}
case "$arch" in
  x86_64|arm64) check_args+=(--arch "$arch") ;;
  *) fail "unknown architecture '$arch' (x86_64 or arm64)" ;;
esac
command -v unzip >/dev/null || fail "needs 'unzip' (Debian package unzip)"
[ -f "$zip" ] || fail "no such file"
unzip -tqq "$zip" >/dev/null 2>&1 || fail "is not a valid zip (unzip -t fails)"

entries=$(unzip -Z1 "$zip" | tr '\n' ' ' | sed 's/ $//')
grep -qx bootstrap < <(unzip -Z1 "$zip") || fail "holds [$entries], with no bootstrap at its root"

# zipinfo's line for the entry: permissions, zip version, host system, size, ..., name.
line=$(unzip -Z "$zip" | grep -E '^[-a-z?][-rwxsStT]{9} .* bootstrap$' || true)
[ -n "$line" ] || fail "zipinfo shows no line for bootstrap"
read -r perms _ host _ <<<"$line"
[ "$host" = "unx" ] || fail "bootstrap's attributes are not recorded for Unix (host '$host'), so its mode is lost on unzip"
[ "$perms" = "-rwxr-xr-x" ] || fail "bootstrap is $perms in the zip, expected -rwxr-xr-x (0755)"

# Unpack as Lambda does (into /opt) and check what comes out.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/opt"
unzip -q "$zip" -d "$scratch/opt"
mode=$(stat -c %a "$scratch/opt/bootstrap")
[ "$mode" = "755" ] || fail "bootstrap unpacks with mode $mode, expected 755"
(cd "$scratch/opt" && bash "$here/check-bootstrap.sh" "${check_args[@]}" bootstrap) || fail "its bootstrap fails check-bootstrap.sh"
library_args=()
for ((i = 0; i < ${#check_args[@]}; i++)); do
  [ "${check_args[i]}" = --max-bytes ] && { i=$((i + 1)); continue; }
  library_args+=("${check_args[i]}")
done
while read -r entry; do
  [ "$entry" != bootstrap ] && [ -f "$scratch/opt/$entry" ] || continue
  [ "$(head -c 4 "$scratch/opt/$entry" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] || continue   # ELF
  verdict=$(cd "$scratch/opt" && bash "$here/check-bootstrap.sh" "${library_args[@]}" --library "$entry" 2>&1) \
    || fail "$entry: ${verdict#"check-bootstrap: $entry: "}"
  echo "$verdict"
done < <(unzip -Z1 "$zip")

printf 'check-layer: %s ok: [%s] %s, %d bytes zipped, sha256 %s\n' \
  "$zip" "$entries" "$perms" "$(stat -c %s "$zip")" "$(sha256sum "$zip" | cut -d' ' -f1)"
