#!/usr/bin/env bash
# scripts/fuzz.sh BUILD SECONDS: runs each libFuzzer target for SECONDS from its seed corpus
# (fuzz/corpus/<name>/), keeping what it learns in BUILD/fuzz-corpus/<name>/. Prints the
# executions and coverage of each; a crash, leak or timeout fails and leaves the input in
# BUILD/fuzz-artifacts/ (turn it into a regression test named for what it was).
set -euo pipefail
build="${1:-build-fuzz}"
seconds="${2:-60}"
status=0
printf '%-15s %12s %10s %8s %s\n' target executions exec/s cov result
for name in yaml bulk snapshot; do
  bin="$build/fuzz/fuzz_$name"
  [[ "$name" == snapshot ]] && bin="$build-ubsan/fuzz/fuzz_$name"  # see CHAINLENS_FUZZ_SANITIZERS
  work="$build/fuzz-corpus/$name"
  art="$build/fuzz-artifacts/$name/"
  mkdir -p "$work" "$art"
  log="$build/fuzz-$name.log"
  # allocator_may_return_null: a hostile size asks for too much memory; chainlens must
  # refuse it (std::bad_alloc is caught and reported), not be killed for trying.
  if ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -malloc_limit_mb=3072 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$art" "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $art)"
    status=1
  fi
  execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -m1 -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  printf '%-15s %12s %10s %8s %s\n' "fuzz_$name" "$execs" "$rate" "$cov" "$result"
done
exit $status
