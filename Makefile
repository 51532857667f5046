# Entry points. `make run` and `make test` are the two set-up commands; see README.md.
# AOT publishes take the lock below one at a time: they need both cores.

TFM      ?= net9.0
ARCH     ?= x86_64
DOTNET   ?= dotnet
ARTIFACTS := artifacts
PUBLISH  := flock $(ARTIFACTS)/.publish.lock $(DOTNET) publish -c Release --nologo -v quiet -clp:NoSummary \
            -p:BootstrapTargetFramework=$(TFM) -p:BootstrapArch=$(ARCH)

.PHONY: all bootstrap test-function test run emulator emulator-build clean

all: bootstrap

$(ARTIFACTS):
	@mkdir -p $(ARTIFACTS)

## bootstrap: AOT-publish the host (sample handlers) to artifacts/bootstrap, checked for AL2023
bootstrap: | $(ARTIFACTS)
	$(PUBLISH) src/Bootstrap.Host -o $(ARTIFACTS)/publish/host -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/bootstrap

## test-function: AOT-publish the test function (built through build/ like any user project)
test-function: | $(ARTIFACTS)
	$(PUBLISH) tests/Bootstrap.TestFunction -o $(ARTIFACTS)/publish/test-function -p:BootstrapOutputPath=$(abspath $(ARTIFACTS))/test-function/bootstrap

## test: build everything, then run every test (unit, emulator, end-to-end on the AOT binaries)
test: bootstrap test-function emulator-build
	bash build/check-budgets.sh $(ARTIFACTS)/bootstrap $(ARTIFACTS)/emulator/bootstrap-emulator.dll
	bash build/run-tests.sh

## emulator-build: build the local emulator once, to artifacts/emulator
EMULATOR := $(DOTNET) $(ARTIFACTS)/emulator/bootstrap-emulator.dll
emulator-build: | $(ARTIFACTS)
	$(DOTNET) build src/Bootstrap.Emulator -c Release --nologo -v quiet -clp:NoSummary -o $(ARTIFACTS)/emulator

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

## clean: remove build outputs
clean:
	rm -rf $(ARTIFACTS)
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
