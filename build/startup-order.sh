#!/usr/bin/env bash
# Writes build/startup-order.txt: the managed methods one cold start runs (init and a first invocation of each
# handler given), in the order they first run. Bootstrap.Aot.props hands the file to ILC (IlcOrderFile), which lays
# those methods out first and together, so a cold start reads fewer pages of the binary (Notes.md has the figures).
# A method the file names but a function lacks is skipped; one it lacks is laid out after, as before.
#
# How: an unstripped build of the host (its symbol table names the methods) runs under valgrind's lackey, which
# logs every block of code as it first runs it, served by the emulator; the addresses are then named with addr2line
# and kept where they fall in the managed code section.
# Needs valgrind (Debian package valgrind) and binutils. Usage: startup-order.sh EMULATOR_DLL [HANDLER...]
set -euo pipefail
cd "$(dirname "$0")/.."

emulator=${1:?usage: startup-order.sh EMULATOR_DLL [HANDLER...]}
shift
handlers=("${@:-echo}")
lock=${PUBLISH_LOCK:-artifacts/.publish.lock}
out=build/startup-order.txt
for tool in valgrind addr2line objdump; do
  command -v "$tool" >/dev/null || { echo "startup-order: needs '$tool' (Debian package ${tool/addr2line/binutils})" >&2; exit 1; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The check refuses an unstripped binary (it is one on purpose here): an empty script stands in for it. Native
# intermediates of its own, so that `make bootstrap` need not relink after it.
mkdir -p "$(dirname "$lock")"
flock "$lock" dotnet publish src/Bootstrap.Host -c Release --nologo -v quiet -clp:NoSummary -o "$scratch/publish" \
  -p:StripSymbols=false -p:NativeDebugSymbols=false -p:BootstrapCheckScript=/dev/null -p:BootstrapMaxBytes= \
  -p:NativeIntermediateOutputPath=obj/startup-order-native/ -p:NativeOutputPath=bin/startup-order-native/
binary="$scratch/publish/bootstrap"

# The emulator starts this in the bootstrap's place; lackey logs each superblock ("SB 0x...") as it runs.
cat >"$scratch/traced-bootstrap" <<EOF
#!/bin/sh
exec valgrind --tool=lackey --trace-superblocks=yes --log-file="$scratch/trace-\$_HANDLER.log" "$binary"
EOF
chmod +x "$scratch/traced-bootstrap"
for handler in "${handlers[@]}"; do
  # Under valgrind a start takes about a second, more on a busy machine: more than the default 3 s function timeout.
  dotnet "$emulator" --bootstrap "$scratch/traced-bootstrap" --handler "$handler" --timeout 300 --event "events/$handler.json" >/dev/null
  [ -s "$scratch/trace-$handler.log" ] || { echo "startup-order: no trace for handler $handler" >&2; exit 1; }
done

# First-run order over all handlers, named, kept when the symbol is managed code (ILC's __managedcode section).
# A body shared by several methods (identical bodies are folded) has a name for each: all of them are listed, as
# addr2line gives only one and ILC may know the body by another.
objdump -t "$binary" | awk '$4 == "__managedcode" { print $1, $NF }' >"$scratch/managed"
for handler in "${handlers[@]}"; do awk '$1 == "SB" { print $2 }' "$scratch/trace-$handler.log"; done \
  | awk '!seen[$0]++' \
  | addr2line -f -e "$binary" | awk 'NR % 2 == 1' \
  | awk 'NR == FNR { at[$2] = $1; names[$1] = names[$1] " " $2; next }
         ($1 in at) && !done[at[$1]]++ { n = split(names[at[$1]], list, " "); for (i = 1; i <= n; i++) print list[i] }' \
      "$scratch/managed" - >"$out"
echo "startup-order: $out: $(wc -l <"$out") methods, from handlers ${handlers[*]}"
