# Entry points. `make run` and `make test` are the two set-up commands; see README.md.
# AOT publishes take the lock below one at a time: they need both cores.

TFM      ?= net10.0
ARCH     ?= x86_64
DOTNET   ?= dotnet
ARTIFACTS := artifacts
ifeq ($(filter $(ARCH),x86_64 arm64),)
$(error ARCH must be x86_64 or arm64 (Lambda's names), not '$(ARCH)')
endif
# The x86_64 binaries keep their plain names; arm64 ones sit beside them, never over them.
SUFFIX   := $(if $(filter arm64,$(ARCH)),-arm64,)
HOST_ARCH := $(patsubst aarch64,arm64,$(shell uname -m))
PUBLISH_LOCK ?= $(ARTIFACTS)/.publish.lock
PUBLISH  := flock $(PUBLISH_LOCK) $(DOTNET) publish -c Release --nologo -v quiet -clp:NoSummary \
            -p:BootstrapTargetFramework=$(TFM) -p:BootstrapArch=$(ARCH)

.PHONY: all toolchain bootstrap test-function sample-items sample-chat arm64 layer pack unit test run emulator emulator-build bench bench-tool soak soak-emulator fuzz clean

all: bootstrap

$(ARTIFACTS):
	@mkdir -p $(ARTIFACTS)

## toolchain: say in one line what this machine lacks to build $(ARCH) (a cross build only; a native one needs gcc)
toolchain: | $(ARTIFACTS)
ifneq ($(ARCH),$(HOST_ARCH))
	@flock $(PUBLISH_LOCK) bash build/check-toolchain.sh --arch $(ARCH) --tfm $(TFM) src/Bootstrap.Host
endif

## bootstrap: AOT-publish the host (sample handlers) to artifacts/bootstrap (ARCH=arm64: artifacts/bootstrap-arm64), checked for AL2023
bootstrap: toolchain | $(ARTIFACTS)
	$(PUBLISH) src/Bootstrap.Host -o $(ARTIFACTS)/publish/host-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/bootstrap$(SUFFIX)

## bootstrap-static: the host linked statically (-p:BootstrapStaticExecutable=true) to artifacts/bootstrap-static, checked;
## its own native intermediates, so it and `make bootstrap` do not rebuild each other
.PHONY: bootstrap-static
bootstrap-static: | $(ARTIFACTS)
	$(PUBLISH) src/Bootstrap.Host -o $(ARTIFACTS)/publish/host-static-$(ARCH) -p:BootstrapStaticExecutable=true -p:BootstrapMaxBytes= \
	  -p:NativeIntermediateOutputPath=obj/static-native/ -p:NativeOutputPath=bin/static-native/ \
	  -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/bootstrap-static$(SUFFIX)

## bootstrap-portable: the host in portable mode (-p:BootstrapPortable=true: .NET's managed sockets and Console's streams,
## as on macOS and Windows) to artifacts/bootstrap-portable, checked; the tests run the end-to-end suite on it too
.PHONY: bootstrap-portable
bootstrap-portable: | $(ARTIFACTS)
	$(PUBLISH) src/Bootstrap.Host -o $(ARTIFACTS)/publish/host-portable-$(ARCH) -p:BootstrapPortable=true -p:BootstrapMaxBytes= \
	  -p:NativeIntermediateOutputPath=obj/portable-native/ -p:NativeOutputPath=bin/portable-native/ \
	  -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/bootstrap-portable$(SUFFIX)

## test-function: AOT-publish the test function (built through build/ like any user project)
test-function: toolchain | $(ARTIFACTS)
	$(PUBLISH) tests/Bootstrap.TestFunction -o $(ARTIFACTS)/publish/test-function-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/test-function/bootstrap$(SUFFIX)

## test-extension: AOT-publish the tests' C# extension (the runtime library's Extensions API client) to
## artifacts/test-extension/extensions/csharp-telemetry, as a layer's extensions/ folder holds it
.PHONY: test-extension
test-extension: toolchain | $(ARTIFACTS)
	$(PUBLISH) tests/Bootstrap.TestExtension -o $(ARTIFACTS)/publish/test-extension-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/test-extension/extensions/csharp-telemetry$(SUFFIX)

## otel-function: AOT-publish the OpenTelemetry test function (the SDK and its OTLP exporter) to artifacts/otel-function
.PHONY: otel-function
otel-function: toolchain | $(ARTIFACTS)
	$(PUBLISH) tests/Bootstrap.OpenTelemetryFunction -o $(ARTIFACTS)/publish/otel-function-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/otel-function/bootstrap$(SUFFIX)

## sample-items: AOT-publish the DynamoDB sample app (samples/ItemsApi) to artifacts/samples/items/bootstrap
sample-items: toolchain | $(ARTIFACTS)
	$(PUBLISH) samples/ItemsApi -o $(ARTIFACTS)/publish/sample-items-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/samples/items/bootstrap$(SUFFIX)

## sample-chat: AOT-publish the WebSocket chat sample (samples/Chat) to artifacts/samples/chat/bootstrap
sample-chat: toolchain | $(ARTIFACTS)
	$(PUBLISH) samples/Chat -o $(ARTIFACTS)/publish/sample-chat-$(ARCH) -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/samples/chat/bootstrap$(SUFFIX)

## arm64: the arm64 bootstrap and layer, cross-compiled (the tests run them under qemu-user)
arm64:
	$(MAKE) --no-print-directory ARCH=arm64 bootstrap layer

## layer: package the bootstrap as a Lambda layer, artifacts/layer-$(ARCH).zip, and verify it (ARCH=x86_64 or arm64);
## the test function gets its own, artifacts/test-function/layer-$(ARCH).zip, through the same build/ targets
layer: toolchain | $(ARTIFACTS)
	$(PUBLISH) src/Bootstrap.Host -o $(ARTIFACTS)/publish/layer-$(ARCH)/host -p:BootstrapLayerPath=$(abspath $(ARTIFACTS))/layer-$(ARCH).zip
	$(PUBLISH) tests/Bootstrap.TestFunction -o $(ARTIFACTS)/publish/layer-$(ARCH)/test-function -p:BootstrapLayerPath=$(abspath $(ARTIFACTS))/test-function/layer-$(ARCH).zip
	@bash build/check-layer.sh --arch $(ARCH) $(ARTIFACTS)/test-function/layer-$(ARCH).zip | tail -n 1
	@bash build/check-layer.sh --arch $(ARCH) $(ARTIFACTS)/layer-$(ARCH).zip

## pack: the NuGet packages, to artifacts/packages: the runtime (with its buildTransitive build files), the events
## library, the testing library, the emulator as the .NET tool `lambda-emulator`, and the `dotnet new lambda-aot` template;
## each library and the tool with its symbols (.snupkg); the libraries pass package validation
PACKAGES := $(ARTIFACTS)/packages
pack: | $(ARTIFACTS)
	rm -rf $(PACKAGES)
	$(DOTNET) pack Bootstrap.sln -c Release --nologo -v quiet -clp:NoSummary -o $(PACKAGES)
	@ls -l $(PACKAGES)/*.nupkg $(PACKAGES)/*.snupkg | awk '{ print "pack:", $$NF, $$5, "bytes" }'

## unit: build and run the fast tier, every test marked [Trait(Tier.Name, Tier.Unit)]: no AOT binary, no external tool,
## no browser; under a minute from a warm build. The projects are those that hold such a test.
UNIT_PROJECTS = $(shell grep -rlE --include='*.cs' '^\s*\[Trait\((Tier\.Name|"Tier"), *(Tier\.Unit|"Unit")\)' tests | cut -d/ -f1-2 | sort -u)
unit:
	bash build/run-tests.sh --filter Tier=Unit $(UNIT_PROJECTS)

## npm-deps: the tests' npm packages (the AWS SDK for JavaScript, dynalite), from their committed lock files;
## `npm ci` runs again whenever a lock file is newer than what it installed
NPM_DIRS := tests/LambdaBootstrap.Emulator.Tests/sdk tests/Bootstrap.Samples.Tests/dynalite
.PHONY: npm-deps
npm-deps: $(addsuffix /node_modules/.package-lock.json,$(NPM_DIRS))

%/node_modules/.package-lock.json: %/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm (Node 20 or later) is needed for the tests: install Node.js" >&2; exit 1; }
	npm ci --prefix $* --no-audit --no-fund
	@touch $@

## test: restore and build everything, then run every test (unit, emulator, end-to-end on the AOT binaries)
test: npm-deps bootstrap bootstrap-static bootstrap-portable test-function test-extension otel-function sample-items sample-chat emulator-build layer arm64 pack
	bash build/check-budgets.sh $(ARTIFACTS)/bootstrap $(ARTIFACTS)/emulator/bootstrap-emulator.dll
	bash build/run-tests.sh

## emulator-build: build the local emulator once, to artifacts/emulator
EMULATOR := $(DOTNET) $(ARTIFACTS)/emulator/bootstrap-emulator.dll
emulator-build: | $(ARTIFACTS)
	$(DOTNET) build src/LambdaBootstrap.Emulator -c Release --nologo -v quiet -clp:NoSummary -o $(ARTIFACTS)/emulator

## run: build, then invoke each sample handler with its event from events/ under the emulator
SAMPLES := echo greet context fail
run: bootstrap emulator-build
	@for handler in $(SAMPLES); do \
	  echo; echo "== $$handler  (events/$$handler.json)"; \
	  $(EMULATOR) --bootstrap $(ARTIFACTS)/bootstrap --handler $$handler --event events/$$handler.json || exit 1; \
	done

## emulator: run the emulator in the foreground: make emulator [BOOTSTRAP=path] [HANDLER=name] [ARGS="--timeout 10 ..."]
BOOTSTRAP ?= $(ARTIFACTS)/bootstrap
HANDLER ?= echo
emulator: emulator-build
	$(EMULATOR) --bootstrap $(BOOTSTRAP) --handler $(HANDLER) $(ARGS)

## soak-emulator: the emulator under load, SOAK_SECONDS (default 60) per run, more clients than its queue takes: the echo
## bootstrap, then a scripted one that crashes on 5% of events and hangs past the timeout on 1%, each at
## --max-concurrency 1 and 8. Fails unless every request is answered exactly once (no 5xx; 429 when the queue is full),
## with a REPORT line per invocation and, under steady load, the emulator's peak RSS in the last 10 s within 10% of
## its peak in the 10 s after a 30 s warm-up.
SOAK_SECONDS ?= 60
soak-emulator: bootstrap emulator-build
	$(DOTNET) build tests/Bootstrap.EmulatorSoak -c Release --nologo -v quiet -clp:NoSummary -o $(ARTIFACTS)/emulator-soak
	$(DOTNET) $(ARTIFACTS)/emulator-soak/emulator-soak.dll --emulator $(ARTIFACTS)/emulator/bootstrap-emulator.dll \
	  --bootstrap $(ARTIFACTS)/bootstrap --seconds $(SOAK_SECONDS)

## startup-order: retrace build/startup-order.txt, the managed methods a cold start of echo and greet runs, which ILC
## lays out first (needs valgrind); run it after changing what a cold start runs, and commit the file
.PHONY: startup-order
startup-order: emulator-build
	PUBLISH_LOCK=$(PUBLISH_LOCK) bash build/startup-order.sh $(ARTIFACTS)/emulator/bootstrap-emulator.dll echo greet

## clean: remove build outputs
clean:
	rm -rf $(ARTIFACTS)
	find src tests samples -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

## bench: startup benchmark: every variant against a C floor measured in the same run, to artifacts/bench/
## (report.md, results.json, cold-start.svg, init-phases.svg). More options: make bench BENCH_ARGS="--cold 50 --bootstrap mine=path/to/bootstrap"
bench: bootstrap bench-tool
	$(DOTNET) $(ARTIFACTS)/bench/tool/bootstrap-bench.dll --out $(ARTIFACTS)/bench --tfm $(TFM) $(BENCH_ARGS)

bench-tool: | $(ARTIFACTS)
	$(DOTNET) build src/Bootstrap.Bench -c Release --nologo -v quiet -clp:NoSummary -o $(ARTIFACTS)/bench/tool

## soak: 100,000 warm invocations through the AOT echo and greet, and echo with AWS_LAMBDA_MAX_CONCURRENCY=8, against the
## bench's lean Runtime API; prints peak RSS and open descriptors at 1k, 10k and 100k, and fails if peak RSS grows more
## than 5% from 10k to 100k or the descriptors change (other counts: SOAK_ARGS="--checkpoints 1000,5000"); then the
## emulator under load (soak-emulator above)
soak: bootstrap bench-tool
	$(DOTNET) $(ARTIFACTS)/bench/tool/bootstrap-bench.dll soak --host $(ARTIFACTS)/bootstrap $(SOAK_ARGS)
	$(MAKE) --no-print-directory soak-emulator

## fuzz: FUZZ_SECONDS (default 600) of AFL++ on the runtime's response reader, instrumented with SharpFuzz, from the seed
## corpus in tests/Bootstrap.Fuzz/corpus; fails on a crash or a hang (kept in artifacts/fuzz/new-findings)
FUZZ_SECONDS ?= 600
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/Bootstrap.Fuzz/fuzz.sh
