#!/usr/bin/env bash
# Fuzzes the submission reader and row checker with libFuzzer (Sources/AgendaFuzz).
#
#   scripts/fuzz.sh [SECONDS]                        # default 60 s, submissions mode
#   PHAYAO_FUZZ_MODE=reference scripts/fuzz.sh 60    # the reference loader instead
#   PHAYAO_FUZZ_MODE=manifest scripts/fuzz.sh 60     # a closing's manifest.csv
#
# Builds the harness with -sanitize=fuzzer,address under .build-fuzz/ (apart from the normal .build/), seeds a
# work corpus under .build-fuzz/ from Tests/Fixtures/fuzz-corpus/ and runs for SECONDS. Crashing inputs are
# written to the artifacts folder it prints; exits non-zero when libFuzzer found a crash, a leak, a timeout or
# a broken invariant. Reproduce one with a normal build: swift build --product AgendaFuzz &&
# .build/debug/AgendaFuzz ARTIFACT (keep the same PHAYAO_FUZZ_MODE).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mode="${PHAYAO_FUZZ_MODE:-submissions}"
scratch=.build-fuzz

swift build --scratch-path "$scratch" -c release --product AgendaFuzz \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g >&2
binary="$(swift build --scratch-path "$scratch" -c release --product AgendaFuzz --show-bin-path)/AgendaFuzz"

corpus="$scratch/corpus-$mode"
artifacts="$scratch/artifacts-$mode/"
mkdir -p "$corpus" "$artifacts"
for seed in Tests/Fixtures/fuzz-corpus/*; do
    case "$seed" in *.py) continue ;; esac
    cp -n "$seed" "$corpus/" 2>/dev/null || true
done
echo "fuzzing $mode for ${seconds}s; corpus $corpus; crashing inputs go to $artifacts" >&2

export PHAYAO_FUZZ_MODE="$mode"
status=0
"$binary" "$corpus" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -use_value_profile=1 -dict=Tests/Fixtures/fuzz-corpus.dict \
    -artifact_prefix="$artifacts" -print_final_stats=1 &
pid=$!
wait "$pid" || status=$?
if [ "$status" -ne 0 ]; then
    echo "libFuzzer stopped with status $status; inputs in $artifacts:" >&2
    ls -l "$artifacts" >&2
fi
exit "$status"
