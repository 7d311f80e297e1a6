#!/bin/sh
# run.sh SECONDS FUZZER...: runs each libFuzzer target for SECONDS on a copy
# of its seed corpus (tests/fuzz/corpus/<target without fuzz_>), so the
# committed corpus is not changed. Ends with "N passed, N failed".
secs=$1; shift
pass=0; fail=0
for f in "$@"; do
    name=$(basename "$f"); name=${name#fuzz_}
    work=$(mktemp -d)
    [ -d "tests/fuzz/corpus/$name" ] && cp -r "tests/fuzz/corpus/$name/." "$work/"
    if "$f" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="build/fuzz/$name-" "$work" >"build/fuzz/$name.log" 2>&1; then
        runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "build/fuzz/$name.log" | tail -n 1)
        echo "ok   fuzz/$name: ${runs:-?} runs in $secs s"
        pass=$((pass + 1))
    else
        echo "FAIL fuzz/$name (log: build/fuzz/$name.log)"
        tail -n 30 "build/fuzz/$name.log"
        fail=$((fail + 1))
    fi
    rm -rf "$work"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
