#!/bin/sh
# tests/cli/seeds.sh: ingests the seed reports kept next to the repository
# (../shared/seeds) and checks the header fields, languages and searches
# the product contract is built on. Skipped when the folder is absent.
. "$(dirname "$0")/lib.sh"

SEEDS=$(cd "$ROOT/.." && pwd)/shared/seeds
if [ ! -d "$SEEDS" ]; then
    echo "SKIP seeds: ../shared/seeds not found"
    echo "0 passed, 0 failed"
    exit 0
fi

# One file per seed number; the names carry a hash after the number.
seed_file() {
    for _f in "$SEEDS/$1"_*.txt; do
        [ -f "$_f" ] && basename "$_f" && return 0
    done
    return 1
}

nseeds=0
for f in "$SEEDS"/*.txt; do
    [ -f "$f" ] && nseeds=$((nseeds + 1))
done

expect_exit 0 kr ingest --db seeds.db "$SEEDS"
no_stderr
eq "new documents" "$(ingested new)" "$nseeds"

run kr docs --db seeds.db --format jsonl
cp "$T/out" docs.jsonl

# expect SEED FIELD VALUE
expect() {
    _name=$(seed_file "$1") || {
        fail "seed $1 present"
        return
    }
    _line=$(grep -F "/$_name\"" docs.jsonl)
    if [ -z "$_line" ]; then
        fail "seed $1 stored"
        return
    fi
    eq "seed $1: $2" "$(echo "$_line" | jget "$2")" "$3"
}

expect 000 lang en
expect 000 date 2023-09-20
expect 000 dateline Tehran
expect 000 agency TASS

expect 002 lang en
expect 002 date 2021-08-11
expect 002 dateline Yerevan
expect 002 agency Armenpress

expect 003 lang ru
expect 003 date 2023-09-23
expect 003 dateline null

expect 004 date null

# search лавров lists 003 ("Сергеем Лавровым").
f003=$(seed_file 003)
id003=$(grep -F "/$f003\"" docs.jsonl | jget id)
expect_exit 0 kr search --db seeds.db --format jsonl лавров
check "search лавров returns seed 003" grep -q -F "\"id\": \"$id003\"" "$T/out"

# search meetings returns documents, each of which has "meeting".
expect_exit 0 kr search --db seeds.db --format jsonl meetings
hits=$(wc -l <"$T/out" | tr -d ' ')
check "search meetings returns at least one document" test "$hits" -ge 1
cp "$T/out" meetings.jsonl
with=0
for id in $(jget id <meetings.jsonl); do
    run kr show --db seeds.db "$id"
    grep -q -i 'meeting' "$T/out" && with=$((with + 1))
done
check "search meetings: a returned document contains 'meeting'" test "$with" -ge 1
eq "search meetings: every returned document contains 'meeting'" "$with" "$hits"

summary
