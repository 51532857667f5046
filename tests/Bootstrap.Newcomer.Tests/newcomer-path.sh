#!/usr/bin/env bash
# The newcomer's path, exactly as the README's "Getting started" tells it, in a folder outside the repository:
# the packages from `make pack` as a NuGet source beside the default ones, the template installed, a function
# created, tested and published (bootstrap and function zip), its bootstrap run under the installed lambda-emulator
# tool and invoked over HTTP, and the template uninstalled at the end. Fails on the first step that fails.
# Usage: newcomer-path.sh PACKAGES_DIR [ARCH]    (ARCH: x86_64, the default, or arm64)
set -euo pipefail

packages=$(cd "${1:?usage: newcomer-path.sh PACKAGES_DIR [x86_64|arm64]}" && pwd)
arch=${2:-x86_64}
version=$(ls "$packages"/LambdaBootstrap.Templates.*.nupkg | sed -E 's/.*LambdaBootstrap\.Templates\.(.*)\.nupkg/\1/' | tail -n 1)
[ -n "$version" ] || { echo "newcomer-path: no LambdaBootstrap.Templates package in $packages (run make pack)" >&2; exit 1; }

work=$(mktemp -d)
emulator_pid=
cleanup() {
  [ -z "$emulator_pid" ] || kill "$emulator_pid" 2>/dev/null || true
  dotnet new uninstall LambdaBootstrap.Templates >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo; echo "== newcomer-path ($arch): $*"; }

# Packages of this version may be in NuGet's cache from an earlier build of the same version: use these ones.
global=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
rm -rf "$global"/lambdabootstrap.*

step "a nuget.config that adds the packages as a source and keeps the default ones"
cd "$work"
cat > nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="lambda-bootstrap" value="$packages" />
  </packageSources>
</configuration>
CONFIG

step "dotnet new install LambdaBootstrap.Templates::$version"
dotnet new install "LambdaBootstrap.Templates::$version" --force

step "dotnet new lambda-aot -n Hello --architecture $arch"
dotnet new lambda-aot -n Hello --architecture "$arch"
cd Hello
find . -type f | sort

step "dotnet test"
dotnet test --nologo

step "dotnet publish: the bootstrap and the function zip"
dotnet publish src/Hello -c Release --nologo -p:BootstrapOutputPath=../../artifacts/bootstrap -p:BootstrapFunctionZipPath=../../artifacts/function.zip
ls -l artifacts/bootstrap artifacts/function.zip
unzip -Z artifacts/function.zip

# What a user gets wrong fails at publish, in one line that says why.
expect_failure() {
  local message=$1; shift
  local log
  if log=$(dotnet publish src/Hello -c Release --nologo "$@" 2>&1); then
    echo "$log"; echo "newcomer-path: dotnet publish $* succeeded, expected: $message" >&2; exit 1
  fi
  grep -F -- "$message" <<<"$log" || { echo "$log"; echo "newcomer-path: dotnet publish $* did not say: $message" >&2; exit 1; }
}
if [ "$arch" = x86_64 ]; then
  step "bad input: another runtime identifier, Native AOT off, a size budget"
  expect_failure "it runs on linux-x64 or linux-arm64, not on RuntimeIdentifier 'win-x64'" -r win-x64
  expect_failure "a \`bootstrap\` for provided.al2023 is a Native AOT executable, so PublishAot must be true" -p:PublishAot=false
  size=$(stat -c %s artifacts/bootstrap)
  expect_failure "is $size bytes, over the budget of 1000000" -p:BootstrapMaxBytes=1000000
  expect_failure "Native AOT cannot link one on windows: publish it on Linux" -p:BootstrapBuildOs=windows

  step "the runtime's switches are defaults: the project's own value wins"
  switch() { dotnet msbuild src/Hello/Hello.csproj -nologo -getProperty:"$1" -p:_IsPublishing=true -p:RuntimeIdentifier=linux-x64; }
  [ "$(switch EventSourceSupport)" = false ] || { echo "newcomer-path: EventSourceSupport is not off by default" >&2; exit 1; }
  cp src/Hello/Hello.csproj Hello.csproj.orig
  sed -i 's#<PublishAot>true</PublishAot>#<PublishAot>true</PublishAot><EventSourceSupport>true</EventSourceSupport>#' src/Hello/Hello.csproj
  [ "$(switch EventSourceSupport)" = true ] || { echo "newcomer-path: the project's EventSourceSupport=true was overridden" >&2; exit 1; }
  mv Hello.csproj.orig src/Hello/Hello.csproj
fi

step "dotnet tool restore; dotnet lambda-emulator, invoked over HTTP"
dotnet tool restore
# Port 0: any free port; the emulator prints the one it got.
dotnet lambda-emulator --bootstrap artifacts/bootstrap --handler greet --port 0 > emulator.log 2>&1 &
emulator_pid=$!
url=
for _ in $(seq 150); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/2015-03-31/functions/function/invocations' emulator.log | head -n 1 || true)
  [ -z "$url" ] || break
  kill -0 "$emulator_pid" 2>/dev/null || { cat emulator.log; echo "newcomer-path: the emulator exited" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat emulator.log; echo "newcomer-path: the emulator printed no invoke URL" >&2; exit 1; }
response=$(curl -sS --max-time 60 -d '{"name":"Ada"}' "$url")
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=
cat emulator.log
echo "response: $response"
[ "$response" = '{"message":"Hello, Ada!"}' ] || { echo "newcomer-path: unexpected response: $response" >&2; exit 1; }
grep -q "^REPORT RequestId: " emulator.log || { echo "newcomer-path: no REPORT line" >&2; exit 1; }

step "dotnet new uninstall LambdaBootstrap.Templates"
dotnet new uninstall LambdaBootstrap.Templates
echo
echo "newcomer-path ($arch): every step passed"
