#!/usr/bin/env bash
# Says up front, in one line, whether this machine can AOT-publish a function project for an architecture:
#   - cross-compiling (arm64 on x86_64, or the reverse) needs Debian's cross gcc, binutils and the target's libc;
#   - every build needs the NativeAOT packages for the target (runtime.linux-<arch>.Microsoft.DotNet.ILCompiler
#     and the runtime packs) from the NuGet sources: a quiet `dotnet restore` of the project finds out.
# Exits 0 (with a short "ok" line) or 1 with one line naming every missing package, instead of the restore's
# and the linker's walls of errors. The restore writes the project's obj/ like any build would: run it where
# publishes of the same project are serialized (the Makefile holds artifacts/.publish.lock).
# Usage: check-toolchain.sh --arch x86_64|arm64 [--tfm net10.0] path/to/function/project
set -euo pipefail

arch=x86_64
restore_args=()
while [ $# -gt 1 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --tfm) restore_args+=("-p:BootstrapTargetFramework=$2"); shift 2 ;;
    *) echo "check-toolchain: unknown option $1" >&2; exit 2 ;;
  esac
done
project=${1:?usage: check-toolchain.sh --arch x86_64|arm64 [--tfm TFM] path/to/project}

case "$arch" in
  x86_64) machine=x86_64;  triple=x86_64-linux-gnu;  gcc_pkg=gcc-x86-64-linux-gnu; libc_pkg=libc6-dev-amd64-cross; rid=linux-x64 ;;
  arm64)  machine=aarch64; triple=aarch64-linux-gnu; gcc_pkg=gcc-aarch64-linux-gnu; libc_pkg=libc6-dev-arm64-cross; rid=linux-arm64 ;;
  *) echo "check-toolchain: unknown architecture '$arch' (x86_64 or arm64)" >&2; exit 2 ;;
esac
host=$(uname -m)

# The cross toolchain, when the target is not this machine's architecture.
debian_missing=()
if [ "$host" != "$machine" ]; then
  if ! command -v "$triple-gcc" >/dev/null; then
    debian_missing+=("$gcc_pkg (the cross toolchain)")
  elif [ ! -e "/usr/$triple/lib/crt1.o" ]; then
    debian_missing+=("$libc_pkg (the target's libc)")
  fi
fi

# The NuGet packages: exactly what a publish of this project for $arch restores.
nuget_missing=()
restore_log=$(mktemp)
trap 'rm -f "$restore_log"' EXIT
if ! dotnet restore "$project" --nologo -v quiet "-p:BootstrapArch=$arch" "${restore_args[@]}" >"$restore_log" 2>&1; then
  # NU1101/NU1102/NU1103: "Unable to find package <id>. ..." or "... package <id> with version ...".
  mapfile -t nuget_missing < <(grep -oE 'Unable to find package [A-Za-z0-9_.-]+' "$restore_log" \
    | sed -E 's/^Unable to find package //; s/\.$//' | sort -u \
    | awk '/ILCompiler/ { print; next } { rest[++n] = $0 } END { for (i = 1; i <= n; i++) print rest[i] }')
  if [ ${#nuget_missing[@]} -eq 0 ]; then
    echo "check-toolchain: dotnet restore of $project for $arch failed: $(grep -m 1 -E 'error' "$restore_log" | sed -E 's/^ *//')" >&2
    exit 1
  fi
fi

join() { local IFS=,; echo "$*" | sed 's/,/, /g'; }
if [ ${#nuget_missing[@]} -gt 0 ] || [ ${#debian_missing[@]} -gt 0 ]; then
  reasons=()
  if [ ${#nuget_missing[@]} -gt 0 ]; then
    reason="NuGet package ${nuget_missing[0]} is not on this machine's NuGet sources"
    [ ${#nuget_missing[@]} -eq 1 ] || reason+=" (nor $(join "${nuget_missing[@]:1}"))"
    reasons+=("$reason")
  fi
  [ ${#debian_missing[@]} -eq 0 ] || reasons+=("Debian package $(join "${debian_missing[@]}") is not installed")
  echo "check-toolchain: cannot build $arch ($rid) on this $host machine: ${reasons[0]}${reasons[1]:+; ${reasons[1]}}" >&2
  exit 1
fi

if [ "$host" = "$machine" ]; then
  echo "check-toolchain: $arch ok (native build, NuGet packages restored)"
else
  echo "check-toolchain: $arch ok (cross build with $triple-gcc, NuGet packages restored)"
fi
