# The two commands of the README: `make demo` and `make test`. Both install what is
# missing (scripts/setup.sh), configure and build first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all setup configure build demo test install test-asan fuzz bench clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) $(if $(wildcard $(BUILD)/CMakeCache.txt),,$(GENERATOR)) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Puts chainlens in $(PREFIX)/bin (cmake --install): PREFIX=$$HOME/.local needs no root.
PREFIX ?= /usr/local
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

# The benchmark table of issue 8 (bench/run.sh): chainlens against the Python peer and `wc -l`;
# writes bench/results-latest.md. Generates bench/data/ on first use (about 2 GB).
bench: build
	@bash bench/run.sh $(BUILD)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build folder.
ASAN_BUILD ?= build-asan
test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) $(if $(wildcard $(ASAN_BUILD)/CMakeCache.txt),,$(GENERATOR)) -DCMAKE_BUILD_TYPE=Debug -DCHAINLENS_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# libFuzzer on the YAML loader, the bulk readers and the snapshot reader (clang, ASan+UBSan),
# each for FUZZ_SECONDS from the seed corpus in fuzz/corpus/; a crash fails the target.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) $(if $(wildcard $(FUZZ_BUILD)/CMakeCache.txt),,$(GENERATOR)) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHAINLENS_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_yaml fuzz_bulk
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD)-ubsan $(if $(wildcard $(FUZZ_BUILD)-ubsan/CMakeCache.txt),,$(GENERATOR)) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHAINLENS_FUZZ=ON -DCHAINLENS_FUZZ_SANITIZERS=undefined >/dev/null
	@cmake --build $(FUZZ_BUILD)-ubsan -j $(JOBS) --target fuzz_snapshot
	@bash scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD)
