#!/bin/sh
# tests/run.sh: runs every test suite (unit binaries, spec examples, CLI
# scripts) against the build in $BUILD and ends with "N passed, N failed".
BUILD=${BUILD:-build/rel}
export BUILD
export KRONIKA="$PWD/$BUILD/kronika"
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run NAME CMD...: runs one suite, whose last line is "N passed, N failed".
run() {
    name=$1; shift
    "$@" >"$log" 2>&1
    status=$?
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$last" ]; then
        echo "FAIL $name: no summary line (exit $status)"
        tail -n 20 "$log"
        total_fail=$((total_fail + 1))
        return
    fi
    p=${last%% passed*}
    f=${last#*, }; f=${f%% failed*}
    if [ "$f" -ne 0 ] || [ "$status" -ne 0 ]; then
        echo "FAIL $name: $last (exit $status)"
        grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 40
        [ "$f" -eq 0 ] && f=1
    else
        echo "ok   $name: $p passed"
        grep -E '^SKIP' "$log"
    fi
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}

for t in "$BUILD"/tests/t_*; do
    [ -x "$t" ] || continue
    run "unit/$(basename "$t")" "$t"
done
for s in tests/spec/*.txt tests/regress/*.txt; do
    [ -f "$s" ] || continue
    run "spec/$(basename "$s")" "$BUILD/tests/spec_run" "$s"
done
for c in tests/cli/*.sh; do
    [ -f "$c" ] || continue
    [ "$(basename "$c")" = lib.sh ] && continue # sourced by the others
    run "cli/$(basename "$c")" sh "$c"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
