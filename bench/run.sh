#!/bin/sh
# bench/run.sh: `make bench`. Generates a synthetic news corpus once, then
# measures a plain read (wc -w), a bare SQLite FTS5 load and `kronika ingest`
# on the same bytes, and prints throughput, peak memory and their ratios.
#
# Environment: BUILD (default build/rel), BENCH_MB (corpus size in 10^6
# bytes, default 200), BENCH_SEED (default 1), BENCH_DIR (work directory,
# default build/bench), KRONIKA (binary, default ./kronika).
set -u
cd "$(dirname "$0")/.." || exit 2

BUILD=${BUILD:-build/rel}
MB=${BENCH_MB:-200}
SEED=${BENCH_SEED:-1}
OUT=${BENCH_DIR:-build/bench}
KRONIKA=${KRONIKA:-./kronika}
GEN=$BUILD/bench/gen
FTS=$BUILD/bench/fts_bare
RUSAGE=$BUILD/bench/rusage

die() {
    echo "bench: $*" >&2
    exit 2
}

case $MB in '' | *[!0-9]*) die "BENCH_MB must be a whole number of megabytes, not '$MB'" ;; esac
case $SEED in '' | *[!0-9]*) die "BENCH_SEED must be a non-negative integer, not '$SEED'" ;; esac
[ "$MB" -ge 4 ] || die "BENCH_MB must be at least 4"
SMALL=$((MB / 4))
for tool in "$GEN" "$FTS" "$RUSAGE"; do
    [ -x "$tool" ] || die "$tool is missing; build it with: make $tool"
done
[ -x "$KRONIKA" ] || die "$KRONIKA is missing; build it with: make kronika"
mkdir -p "$OUT" || die "cannot create $OUT"
RES=$OUT/results.tsv
: >"$RES"
STATUS=0

# field NAME LINE: the value of NAME=... in a rusage line.
field() {
    echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# measure NAME CMD...: runs CMD under rusage, stdout to $OUTFILE (default
# $OUT/NAME.out), stderr to $OUT/NAME.err; sets WALL CPU RSS CODE.
OUTFILE=
measure() {
    name=$1
    shift
    "$RUSAGE" "$@" >"${OUTFILE:-$OUT/$name.out}" 2>"$OUT/$name.err"
    OUTFILE=
    line=$(sed -n 's/.*\(wall=[0-9.]* maxrss_kb=\)/\1/p' "$OUT/$name.err" | tail -n 1)
    if [ -z "$line" ]; then
        WALL=0 CPU=0 RSS=0 CODE=127
        return
    fi
    WALL=$(field wall "$line")
    RSS=$(field maxrss_kb "$line")
    CODE=$(field exit "$line")
    CPU=$(awk -v u="$(field user "$line")" -v s="$(field sys "$line")" 'BEGIN { printf "%.3f", u + s }')
}

# row LABEL BYTES DOCS: appends the last measurement to the results.
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$WALL" "$CPU" "$RSS" "$CODE" >>"$RES"
}

# corpus MB: makes $OUT/corpus-MB unless its stamp matches this size, seed
# and generator source; sets DIR, BYTES, DOCS.
corpus() {
    DIR=$OUT/corpus-$1
    stamp="mb=$1 seed=$SEED gen=$(cksum <bench/gen.c | cut -d' ' -f1)"
    if [ -f "$DIR.stamp" ] && [ "$(cat "$DIR.stamp")" = "$stamp" ]; then
        echo "bench: corpus $DIR is up to date"
    else
        rm -rf "$DIR" "$DIR.stamp"
        echo "bench: generating $1 MB corpus in $DIR (seed $SEED)"
        OUTFILE=$OUT/gen-$1.out
        measure "gen-$1" "$GEN" "$DIR" "$1" "$SEED"
        if [ "$CODE" -ne 0 ]; then
            cat "$OUT/gen-$1.err" >&2
            die "corpus generation failed"
        fi
        sed 's/^/bench: /' "$OUT/gen-$1.out"
        echo "$stamp" >"$DIR.stamp"
    fi
    BYTES=$(cat "$DIR"/part-*.jsonl | wc -c | tr -d ' ')
    DOCS=$(cat "$DIR"/part-*.jsonl | wc -l | tr -d ' ')
}

corpus "$SMALL"
SMALL_DIR=$DIR SMALL_BYTES=$BYTES SMALL_DOCS=$DOCS
corpus "$MB"
BIG_DIR=$DIR

# (a) plain read: the second of two runs, so the corpus is in the page cache.
echo "bench: wc -w"
measure wc env LC_ALL=C wc -w "$BIG_DIR"/part-*.jsonl
measure wc env LC_ALL=C wc -w "$BIG_DIR"/part-*.jsonl
row "wc -w (warm cache)" "$BYTES" "$DOCS"

# (b) bare SQLite FTS5 load into a fresh database.
echo "bench: fts_bare"
rm -f "$OUT/fts.db" "$OUT/fts.db-wal" "$OUT/fts.db-shm"
measure fts "$FTS" "$OUT/fts.db" "$BIG_DIR"/part-*.jsonl
row "fts_bare (SQLite FTS5)" "$BYTES" "$DOCS"
[ "$CODE" -eq 0 ] || STATUS=1

# (c) kronika ingest into a fresh database.
echo "bench: kronika ingest ($MB MB)"
rm -f "$OUT/k.db" "$OUT/k.db-wal" "$OUT/k.db-shm"
measure ingest "$KRONIKA" ingest --db "$OUT/k.db" "$BIG_DIR"
row "kronika ingest" "$BYTES" "$DOCS"
[ "$CODE" -eq 0 ] || STATUS=1

# (c2) documents and full-text index only, the part the bare FTS5 load is
# the reference for.
echo "bench: kronika ingest --no-entities ($MB MB)"
rm -f "$OUT/kd.db" "$OUT/kd.db-wal" "$OUT/kd.db-shm"
measure ingest-docs "$KRONIKA" ingest --no-entities --db "$OUT/kd.db" "$BIG_DIR"
row "kronika ingest, docs only" "$BYTES" "$DOCS"
[ "$CODE" -eq 0 ] || STATUS=1

# (d) the same on a quarter of the corpus, to compare peak memory.
echo "bench: kronika ingest ($SMALL MB)"
cat "$SMALL_DIR"/part-*.jsonl >/dev/null
rm -f "$OUT/k-small.db" "$OUT/k-small.db-wal" "$OUT/k-small.db-shm"
measure ingest-small "$KRONIKA" ingest --db "$OUT/k-small.db" "$SMALL_DIR"
row "kronika ingest ($SMALL MB)" "$SMALL_BYTES" "$SMALL_DOCS"
[ "$CODE" -eq 0 ] || STATUS=1

# (e) the stateless filter, when this build has it.
echo "bench: kronika code"
OUTFILE=/dev/null
measure code "$KRONIKA" code "$BIG_DIR"
CODE_NOTE=
if [ "$CODE" -eq 2 ] && grep -qi 'unknown command' "$OUT/code.err"; then
    CODE_NOTE="kronika code: not in this build (unknown command), skipped"
else
    row "kronika code" "$BYTES" "$DOCS"
    [ "$CODE" -eq 0 ] || STATUS=1
fi

dbsize() {
    s=0
    for f in "$1" "$1-wal"; do
        [ -f "$f" ] && s=$((s + $(wc -c <"$f")))
    done
    echo "$s"
}

echo
awk -F '\t' -v mb="$MB" -v small="$SMALL" -v seed="$SEED" -v note="$CODE_NOTE" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" \
    -v ncpu="$(getconf _NPROCESSORS_ONLN 2>/dev/null)" \
    -v ftsdb="$(dbsize "$OUT/fts.db")" -v kdb="$(dbsize "$OUT/k.db")" -v out="$OUT" '
function rate(x, t) { return t > 0 ? x / t : 0 }
{
    n++; label[n] = $1; bytes[n] = $2; docs[n] = $3; wall[n] = $4; cpu[n] = $5
    rss[n] = $6; code[n] = $7; idx[$1] = n
}
END {
    printf "kronika bench: %d MB corpus, %d bytes, %d docs (seed %d); small corpus %d MB\n",
        mb, bytes[1], docs[1], seed, small
    if (load != "") printf "machine: %s CPUs, load average %s (wall times suffer when it is above 1)\n", ncpu, load
    printf "\n%-26s %9s %9s %10s %11s %8s  %s\n", "run", "MB/s", "cpu MB/s", "docs/s", "peak RSS MB", "wall s", "status"
    for (i = 1; i <= n; i++) {
        if (code[i] == 0)
            printf "%-26s %9.1f %9.1f %10.0f %11.1f %8.2f  ok\n", label[i],
                rate(bytes[i] / 1e6, wall[i]), rate(bytes[i] / 1e6, cpu[i]),
                rate(docs[i], wall[i]), rss[i] / 1024, wall[i]
        else
            printf "%-26s %9s %9s %10s %11s %8.2f  FAILED (exit %d)\n", label[i],
                "-", "-", "-", "-", wall[i], code[i]
    }
    if (note != "") printf "%s\n", note
    printf "\ndatabase size: fts_bare %.1f MB, kronika %.1f MB (%.2f x corpus)\n",
        ftsdb / 1e6, kdb / 1e6, (bytes[1] > 0 ? kdb / bytes[1] : 0)
    w = idx["wc -w (warm cache)"]; f = idx["fts_bare (SQLite FTS5)"]; k = idx["kronika ingest"]
    s = idx["kronika ingest (" small " MB)"]; c = idx["kronika code"]; d = idx["kronika ingest, docs only"]
    printf "\nratios\n"
    if (d && code[d] == 0 && code[f] == 0 && wall[d] > 0 && cpu[d] > 0) {
        r = wall[f] / wall[d]; rc = cpu[f] / cpu[d]
        printf "  ingest, docs + index / fts_bare:      %.2f (cpu %.2f)   goal >= 0.70: %s\n",
            r, rc, (r >= 0.7 ? "ok" : (rc >= 0.7 ? "ok on cpu time, wall time below" : "BELOW GOAL"))
    }
    if (code[k] == 0 && code[f] == 0 && wall[k] > 0 && cpu[k] > 0) {
        r = wall[f] / wall[k]; rc = cpu[f] / cpu[k]
        printf "  ingest with entities / fts_bare:      %.2f (cpu %.2f)\n", r, rc
    } else
        printf "  kronika ingest / fts_bare throughput: n/a (a run failed)\n"
    if (code[k] == 0 && wall[k] > 0 && cpu[k] > 0)
        printf "  kronika ingest / wc -w throughput:    %.4f (cpu %.4f)\n", wall[w] / wall[k], cpu[w] / cpu[k]
    if (c && code[c] == 0 && wall[c] > 0 && cpu[c] > 0)
        printf "  kronika code / wc -w throughput:      %.4f (cpu %.4f)\n", wall[w] / wall[c], cpu[w] / cpu[c]
    if (code[k] == 0 && code[s] == 0 && rss[s] > 0) {
        r = rss[k] / rss[s]
        printf "  peak RSS, %d MB vs %d MB corpus:      %.1f MB vs %.1f MB = %.2f   goal about 1 (<= 1.25): %s\n",
            mb, small, rss[k] / 1024, rss[s] / 1024, r, (r <= 1.25 ? "ok" : "GROWS WITH CORPUS")
    } else
        printf "  peak RSS, %d MB vs %d MB corpus:      n/a (a run failed)\n", mb, small
    printf "\nlogs and databases: %s/\n", out
}' "$RES"

if [ "$STATUS" -ne 0 ]; then
    echo
    for name in fts ingest ingest-docs ingest-small code; do
        if [ -s "$OUT/$name.err" ] && ! tail -n 1 "$OUT/$name.err" | grep -q 'exit=0 '; then
            echo "--- $OUT/$name.err (last lines)"
            tail -n 5 "$OUT/$name.err"
        fi
    done
fi
exit "$STATUS"
