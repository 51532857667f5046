#!/usr/bin/env bash
# The newcomer's path, exactly as the README's "Getting started" tells it, in a folder outside the repository:
# the packages from `make pack` as a NuGet source beside the default ones, the template installed, a function of one
# kind created, tested (unit and end-to-end) and published (bootstrap and function zip), its SAM template's trigger
# checked, its bootstrap run under the installed lambda-emulator tool and invoked over HTTP with the kind's sample
# event, and the template uninstalled at the end. Fails on the first step that fails.
# Usage: newcomer-path.sh PACKAGES_DIR [ARCH] [KIND]    (ARCH: x86_64, the default, or arm64;
#        KIND: basic, the default, http, queue or stream)
# With PUBLISH_LOCK set, each step that AOT-publishes (dotnet test, dotnet publish) holds that lock (flock).
set -euo pipefail

packages=$(cd "${1:?usage: newcomer-path.sh PACKAGES_DIR [x86_64|arm64] [basic|http|queue|stream]}" && pwd)
arch=${2:-x86_64}
kind=${3:-basic}
case "$kind" in
  basic) handler=greet; trigger='Handler: greet' ;;
  http) handler=http; trigger='Type: HttpApi' ;;
  queue) handler=queue; trigger='- ReportBatchItemFailures' ;;
  stream) handler=stream; trigger='InvokeMode: RESPONSE_STREAM' ;;
  *) echo "newcomer-path: unknown kind '$kind' (basic, http, queue or stream)" >&2; exit 2 ;;
esac
locked() { if [ -n "${PUBLISH_LOCK:-}" ]; then flock "$PUBLISH_LOCK" "$@"; else "$@"; fi; }
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
step() { echo; echo "== newcomer-path ($arch, $kind): $*"; }
started=$SECONDS

# Packages of this version may be in NuGet's cache from an earlier build of the same version: use these ones.
global=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: //')
rm -rf "$global"/lambdabootstrap.* "$global"/answer.native "$global"/fresh.native

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

step "dotnet new lambda-aot -n Hello --kind $kind --architecture $arch"
dotnet new lambda-aot -n Hello --kind "$kind" --architecture "$arch"
cd Hello
find . -type f | sort

step "the SAM template wires the trigger, and the README says how to deploy and invoke"
grep -F -- "$trigger" template.yaml
grep -F "sam deploy" README.md
grep -E "aws lambda invoke|curl |aws sqs send-message" README.md

step "dotnet test: unit tests, and the end-to-end tests on the published bootstrap (none skipped on Linux)"
log=$(locked dotnet test --nologo 2>&1) || { echo "$log"; echo "newcomer-path: dotnet test failed" >&2; exit 1; }
echo "$log"
grep -E "Passed!.*Failed: +0, Passed: +[0-9]+, Skipped: +0," <<<"$log" >/dev/null \
  || { echo "newcomer-path: dotnet test did not pass every test, or skipped some" >&2; exit 1; }
echo "dotnet test: $(( SECONDS - started )) s since the start"

step "dotnet publish: the bootstrap and the function zip"
locked dotnet publish src/Hello -c Release --nologo -p:BootstrapOutputPath=../../artifacts/bootstrap -p:BootstrapFunctionZipPath=../../artifacts/function.zip
ls -l artifacts/bootstrap artifacts/function.zip
unzip -Z artifacts/function.zip

# What a user gets wrong fails at publish, in one line that says why.
expect_failure() {
  local message=$1; shift
  local log
  if log=$(locked dotnet publish src/Hello -c Release --nologo "$@" 2>&1); then
    echo "$log"; echo "newcomer-path: dotnet publish $* succeeded, expected: $message" >&2; exit 1
  fi
  grep -F -- "$message" <<<"$log" || { echo "$log"; echo "newcomer-path: dotnet publish $* did not say: $message" >&2; exit 1; }
}
if [ "$arch" = x86_64 ] && [ "$kind" = basic ]; then
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
dotnet lambda-emulator --bootstrap artifacts/bootstrap --handler "$handler" --port 0 > emulator.log 2>&1 &
emulator_pid=$!
url=
for _ in $(seq 150); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/2015-03-31/functions/function/invocations' emulator.log | head -n 1 || true)
  [ -z "$url" ] || break
  kill -0 "$emulator_pid" 2>/dev/null || { cat emulator.log; echo "newcomer-path: the emulator exited" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat emulator.log; echo "newcomer-path: the emulator printed no invoke URL" >&2; exit 1; }
case "$kind" in
  basic) response=$(curl -sS --max-time 60 -d '{"name":"Ada"}' "$url") ;;
  http) response=$(curl -sS --max-time 60 --data-binary @src/Hello/events/hello.json "$url") ;;
  queue) response=$(curl -sS --max-time 60 --data-binary @src/Hello/events/sqs.json "$url") ;;
  stream) response=$(curl -sS --max-time 60 --data-binary @src/Hello/events/function-url.json "$url" | tr -d '\0') ;;
esac
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=
cat emulator.log
echo "response: $response"
case "$kind" in
  basic) expected='^\{"message":"Hello, Ada!"\}$' ;;
  http) expected='"statusCode":200.*Hello, Ada!' ;;
  queue) expected='^\{"batchItemFailures":\[\{"itemIdentifier":"a7e3b1c9-4f2d-4e8a-b6c0-9d1f3e5a7b2c"\}\]\}$' ;;
  stream) expected='"statusCode":200.*3.2.1.liftoff' ;;
esac
printf '%s' "$response" | tr '\n' ' ' | grep -qE "$expected" || { echo "newcomer-path: unexpected response: $response" >&2; exit 1; }
grep -q "^REPORT RequestId: " emulator.log || { echo "newcomer-path: no REPORT line" >&2; exit 1; }

if [ "$arch" = x86_64 ] && [ "$kind" = basic ]; then
  step "what the publish writes beside the bootstrap goes into the zips: a content file and a package's native library"
  mkdir -p native-package
  printf 'int answer(void) { return 42; }\n' > native-package/answer.c
  gcc -shared -fPIC -O2 -o native-package/libanswer.so native-package/answer.c
  # A package as NuGet reads it: a .nuspec and the library under runtimes/<rid>/native/.
  make_native_package() {
    local id=$1 library=$2
    mkdir -p "native-package/$id/runtimes/linux-x64/native"
    cp "$library" "native-package/$id/runtimes/linux-x64/native/"
    printf '<?xml version="1.0"?>\n<package><metadata><id>%s</id><version>1.0.0</version><authors>test</authors><description>test</description></metadata></package>\n' "$id" > "native-package/$id/$id.nuspec"
    (cd "native-package/$id" && rm -f "../$id.1.0.0.nupkg" && zip -qr "../$id.1.0.0.nupkg" .)
  }
  make_native_package Answer.Native native-package/libanswer.so
  sed -i "s#<add key=\"lambda-bootstrap\"#<add key=\"native\" value=\"$work/Hello/native-package\" />&#" ../nuget.config
  echo '{"Greeting": "Hello"}' > src/Hello/appsettings.json
  cp src/Hello/Hello.csproj Hello.csproj.orig
  sed -i 's#</Project>#  <ItemGroup>\n    <PackageReference Include="Answer.Native" Version="1.0.0" />\n    <Content Include="appsettings.json" CopyToPublishDirectory="PreserveNewest" />\n  </ItemGroup>\n</Project>#' src/Hello/Hello.csproj
  locked dotnet publish src/Hello -c Release --nologo -p:BootstrapFunctionZipPath=../../artifacts/content/function.zip -p:BootstrapLayerPath=../../artifacts/content/layer.zip
  for zip in artifacts/content/function.zip artifacts/content/layer.zip; do
    entries=$(unzip -Z1 "$zip" | sort | tr '\n' ' ')
    echo "$zip: $entries"
    [ "$entries" = "appsettings.json bootstrap libanswer.so " ] || { echo "newcomer-path: $zip holds [$entries], expected appsettings.json, bootstrap, libanswer.so" >&2; exit 1; }
  done

  step "a package's native library that needs a newer glibc than AL2023's is refused in one line"
  printf '#include <stdlib.h>\nunsigned int fresh(void) { return arc4random(); }\n' > native-package/fresh.c
  gcc -shared -fPIC -O2 -o native-package/libfresh.so native-package/fresh.c
  make_native_package Fresh.Native native-package/libfresh.so
  sed -i 's#<PackageReference Include="Answer.Native" Version="1.0.0" />#<PackageReference Include="Fresh.Native" Version="1.0.0" />#' src/Hello/Hello.csproj
  expect_failure "libfresh.so: needs symbols newer than AL2023's GLIBC_2.34: arc4random@GLIBC_2.36" -p:BootstrapFunctionZipPath=../../artifacts/content/fresh.zip
  mv Hello.csproj.orig src/Hello/Hello.csproj
fi

step "dotnet new uninstall LambdaBootstrap.Templates"
dotnet new uninstall LambdaBootstrap.Templates
echo
echo "newcomer-path ($arch, $kind): every step passed in $(( SECONDS - started )) s"
