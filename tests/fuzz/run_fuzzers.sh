#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time: first over its kept regression inputs
# (crashers found before, must stay fixed), then fuzzing from its seed corpus. Any crash,
# hang (-timeout), leak, memory blow-up (-rss_limit_mb) or sanitizer report fails.
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET]   (default 20)
# New inputs libFuzzer finds go to BUILD_DIR/fuzz-work (not the repository); crashers to
# BUILD_DIR/fuzz-artifacts: copy one to tests/fuzz/regressions/TARGET/ when fixing its bug.
set -uo pipefail
# The one leak inside libxapian that the suite also suppresses (tests/lsan.supp says what it is):
# fuzz_query reaches it too, on malformed query strings.
here=$(cd "$(dirname "$0")" && pwd)
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp:print_suppressions=0}
build=$1
seconds=${2:-20}
failed=()
summary=()
for target in jsonl text sgml html warc compressed query snippet nitf newsml rss atom trec; do
    bin="$build/bin/fuzz_$target"
    work="$build/fuzz-work/$target"
    artifacts="$build/fuzz-artifacts/$target/"
    mkdir -p "$work" "$artifacts"
    flags=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -artifact_prefix="$artifacts"
           -print_final_stats=1)
    regressions=("$here/regressions/$target"/*)
    if [ -e "${regressions[0]}" ]; then
        if ! "$bin" "${flags[@]}" "${regressions[@]}" >"$work.regressions.log" 2>&1; then
            echo "FAIL: fuzz_$target: a kept regression input fails again (log: $work.regressions.log)"
            tail -40 "$work.regressions.log"
            failed+=("$target")
            continue
        fi
    fi
    if "$bin" "${flags[@]}" -max_total_time="$seconds" "$work" "$here/corpus/$target" \
        >"$work.log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
        summary+=("fuzz_$target: ${runs:-?} inputs in ${seconds} s, no crash, hang, leak or sanitizer report")
        echo "ok: ${summary[-1]}"
    else
        echo "FAIL: fuzz_$target (log: $work.log; crasher in $artifacts)"
        tail -60 "$work.log"
        failed+=("$target")
    fi
done
echo "${#summary[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
