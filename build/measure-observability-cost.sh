#!/usr/bin/env bash
# What each observability feature costs a function: publishes minimal AOT functions, one feature each, and prints their
# bootstrap sizes against a function that uses none (the table in docs/observability.md).
# Each function is generated under artifacts/observability-cost/NAME/ and built like any function of this repository.
# Usage: measure-observability-cost.sh [NAME...]   (default: all; extra publish options in PUBLISH_OPTIONS)
# Slow: one AOT publish per function, taken one at a time under PUBLISH_LOCK, as the Makefile does.
set -euo pipefail
cd "$(dirname "$0")/.."

root=artifacts/observability-cost
lock=${PUBLISH_LOCK:-artifacts/.publish.lock}
mkdir -p "$root" "$(dirname "$lock")"

declare -A bodies usings
order=(none logs powertools metrics xray activity)

# Each handler echoes its event; the features it touches are the only difference between rows.
bodies[none]='return e;'
bodies[logs]='context.Logger.AppendKey("order", "42");
            context.Logger.LogError(new InvalidOperationException("boom"), "failed");
            return e;'
usings[logs]='using LambdaBootstrap.Runtime.Logging;'
usings[powertools]='using LambdaBootstrap.Runtime.Logging;'
usings[metrics]='using LambdaBootstrap.Runtime.Metrics;'
usings[xray]='using LambdaBootstrap.Runtime.Tracing;'
usings[activity]='using LambdaBootstrap.Runtime.Tracing;'
bodies[metrics]='context.Metrics.AddDimension("route", "/orders");
            context.Metrics.Add("Orders", 1, MetricUnit.Count);
            return e;'
bodies[xray]='using (var segment = context.Trace("work"))
                segment.AddAnnotation("order", "42");
            return e;'
# The Powertools fields and log sampling, and the Activity per invocation: turned on in Main; the handler does nothing more.
bodies[powertools]='return e;'
bodies[activity]='return e;'

generate() {
  local name=$1 dir=$root/$1 enable=''
  [ "$name" != powertools ] || enable='PowertoolsLogging.Enable();'
  [ "$name" != activity ] || enable='InvocationActivity.Enable();'
  mkdir -p "$dir"
  cat >"$dir/ObservabilityCost.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="../../../build/Bootstrap.Function.props" />
  <ItemGroup>
    <ProjectReference Include="../../../src/LambdaBootstrap.Runtime/LambdaBootstrap.Runtime.csproj" />
  </ItemGroup>
</Project>
EOF
  cat >"$dir/Program.cs" <<EOF
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
${usings[$name]:-}

static class Program
{
    static int Main()
    {
        $enable
        return LambdaRuntime.Run(new HandlerRegistry
        {
            ["h"] = () => LambdaHandler.Bytes((ReadOnlyMemory<byte> e, ILambdaContext context) =>
            {
            ${bodies[$name]}
            }),
        });
    }
}
EOF
}

names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${order[@]}")
for name in "${names[@]}"; do
  [[ -v "bodies[$name]" ]] || { echo "measure-observability-cost: no function named $name (${order[*]})" >&2; exit 1; }
  generate "$name"
  echo "measure-observability-cost: publishing $name" >&2
  # shellcheck disable=SC2086
  flock "$lock" dotnet publish "$root/$name/ObservabilityCost.csproj" -c Release --nologo -v quiet -clp:NoSummary \
    -o "$root/$name/publish" -p:BootstrapOutputPath="$PWD/$root/$name/bootstrap" ${PUBLISH_OPTIONS:-} >&2
done

declare -A size
for name in "${order[@]}"; do
  [ ! -f "$root/$name/bootstrap" ] || size[$name]=$(stat -c %s "$root/$name/bootstrap")
done

bytes() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
printf '| %s | %s | %s |\n|---|---:|---:|\n' function 'bootstrap size' 'vs none'
for name in "${order[@]}"; do
  [[ -v "size[$name]" ]] || continue
  delta=''
  [ "$name" = none ] || [ -z "${size[none]:-}" ] || delta=$(bytes "$(printf '%+d B' $(( size[$name] - size[none] )))")
  printf '| %s | %s B | %s |\n' "$name" "$(bytes "${size[$name]}")" "$delta"
done
