#!/bin/sh
# tests/cli/basic.sh: the command line itself: help, usage errors and their
# exit status, database selection, output formats, show, search over
# inflected forms, and re-ingest being a no-op.
. "$(dirname "$0")/lib.sh"

# --- inputs ---------------------------------------------------------------

mkdir in
cat >in/en_talks.txt <<'EOF'
GENEVA, March 3. /TASS/. The foreign ministers of the two countries held a long meeting in Geneva on Friday and discussed regional security, transport links and the return of prisoners.

The ministers said the talks were useful and that their deputies would continue the work in the coming weeks. Both sides signed three agreements on trade and border crossings.
EOF
cat >in/ru_lavrov.txt <<'EOF'
Министр иностранных дел Азербайджана Джейхун Байрамов встретился в Нью-Йорке с российским коллегой Сергеем Лавровым.

Стороны обсудили вопросы двустороннего сотрудничества и ситуацию в регионе. По словам министров, переговоров такого уровня в этом году было немало, и они будут продолжены.
EOF
cat >in/feed.jsonl <<'EOF'
{"id": "feed-1", "text": "Protesters gathered outside the parliament building on Monday demanding the resignation of the government. Police said the rally was peaceful.", "title": "Rally outside parliament", "date": "2023-06-12", "lang": "en", "source": "Example Wire"}
{"text": "Президент подписал указ о помиловании нескольких осуждённых, сообщила пресс-служба. Указ вступает в силу со дня его подписания."}
EOF

# --- help and usage errors --------------------------------------------------

expect_exit 0 kr help
expect_stdout '^usage: kronika COMMAND'
for c in ingest docs show search; do
    check "help lists $c" grep -q -E "^  $c " "$T/out"
done
no_stderr

expect_exit 0 kr help ingest
expect_stdout '^usage: kronika ingest .*PATH'
expect_stdout 'JSON Lines'

expect_exit 0 kr --help
expect_stdout '^usage: kronika COMMAND'

expect_exit 0 kr ingest --help
expect_stdout '^usage: kronika ingest'

expect_exit 2 kr help frobnicate
expect_stderr "^kronika: .*unknown command 'frobnicate'"

# No command at all: usage on stdout, exit 2.
expect_exit 2 kr
expect_stdout 'usage: kronika'

expect_exit 2 kr frobnicate
expect_stderr "^kronika: unknown command 'frobnicate'"
check "unknown command: stdout empty" test ! -s "$T/out"

expect_exit 2 kr docs --frobnicate
expect_stderr "^kronika: .*unknown option '--frobnicate'"

expect_exit 2 kr ingest --db x.db --frobnicate in
expect_stderr "unknown option '--frobnicate'"
check "unknown option: no database created" test ! -e x.db

expect_exit 2 kr ingest
expect_stderr '^kronika: ingest: no input'

expect_exit 2 kr docs --db
expect_stderr 'missing value for --db'

# --- a missing database -----------------------------------------------------

expect_exit 2 kr docs --db missing.db
expect_stderr '^kronika: missing\.db: no database'
check "docs on a missing database creates none" test ! -e missing.db

expect_exit 2 kr search --db missing.db anything
expect_stderr 'missing\.db: no database'

expect_exit 2 kr show --db missing.db 0123abcd
expect_stderr 'missing\.db: no database'

# --- ingest, --db and $KRONIKA_DB ---------------------------------------------

expect_exit 0 kr ingest --db a.db in/en_talks.txt in/ru_lavrov.txt
expect_stdout '2 new documents'
eq "new documents" "$(ingested new)" 2
eq "documents in a.db" "$(ingested total)" 2
check "--db creates the named file" test -f a.db
check "--db: no ./kronika.db" test ! -e kronika.db

run kr docs --db a.db --format csv
eq "docs --db a.db: lines" "$(wc -l <"$T/out" | tr -d ' ')" 3

run env KRONIKA_DB=a.db "$KRONIKA" docs --format csv
eq "KRONIKA_DB=a.db: status" "$RC" 0
eq "KRONIKA_DB=a.db: lines" "$(wc -l <"$T/out" | tr -d ' ')" 3

# --db wins over $KRONIKA_DB.
run env KRONIKA_DB=missing.db "$KRONIKA" docs --db a.db --format csv
eq "--db over KRONIKA_DB: status" "$RC" 0
eq "--db over KRONIKA_DB: lines" "$(wc -l <"$T/out" | tr -d ' ')" 3

# The default database is ./kronika.db; $KRONIKA_DB names another for ingest too.
expect_exit 0 kr ingest in/en_talks.txt
check "default database is ./kronika.db" test -f kronika.db
run env KRONIKA_DB=b.db "$KRONIKA" ingest in/ru_lavrov.txt
eq "ingest with KRONIKA_DB: status" "$RC" 0
check "KRONIKA_DB names the database ingest writes" test -f b.db
run kr docs --format csv
eq "./kronika.db holds one document: lines" "$(wc -l <"$T/out" | tr -d ' ')" 2
run kr docs --db=b.db --format=csv
eq "--db=PATH --format=csv: lines" "$(wc -l <"$T/out" | tr -d ' ')" 2
check "--db=b.db lists the Russian document" grep -q ru_lavrov "$T/out"

# --- formats ------------------------------------------------------------------

run kr docs --db a.db --format csv
eq "csv header" "$(head -n 1 "$T/out")" "id,path,url,title,lang,date,dateline,agency,chars"
check "csv: en row has lang en" grep -q -E '^[0-9a-f]{16,},[^,]*en_talks\.txt,.*,en,' "$T/out"

expect_exit 0 kr docs --db a.db --format table
check "table: header line" grep -q -E '^id +date +lang' "$T/out"
eq "table: lines" "$(wc -l <"$T/out" | tr -d ' ')" 3
check "table: en row shows Tass and Geneva" grep -q -E 'Geneva +TASS' "$T/out"

expect_exit 0 kr docs --db a.db --format jsonl
eq "jsonl: lines" "$(wc -l <"$T/out" | tr -d ' ')" 2
check "jsonl: every line is an object" sh -c "grep -v -c -E '^\\{.*\\}\$' '$T/out' | grep -qx 0"
if have_python; then
    cat >"$T/check_docs.py" <<'EOF'
import json, re, sys
want = ["id", "path", "url", "title", "lang", "date", "dateline", "agency", "chars"]
bad = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        d = json.loads(line)
    except ValueError as e:
        print("line %d: not JSON: %s" % (n, e)); bad += 1; continue
    if not isinstance(d, dict):
        print("line %d: not an object" % n); bad += 1; continue
    if sorted(d) != sorted(want):
        print("line %d: fields %s" % (n, sorted(d))); bad += 1; continue
    if not (isinstance(d["id"], str) and re.fullmatch(r"[0-9a-f]{16,}", d["id"])):
        print("line %d: id %r" % (n, d["id"])); bad += 1
    if not (d["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"])):
        print("line %d: date %r" % (n, d["date"])); bad += 1
    if not (isinstance(d["chars"], int) and d["chars"] > 0):
        print("line %d: chars %r" % (n, d["chars"])); bad += 1
    if not (isinstance(d["lang"], str) and re.fullmatch(r"[a-z]{2,3}", d["lang"])):
        print("line %d: lang %r" % (n, d["lang"])); bad += 1
    for k in ("path", "title", "dateline", "agency"):
        if d[k] is not None and not isinstance(d[k], str):
            print("line %d: %s %r" % (n, k, d[k])); bad += 1
sys.exit(1 if bad else 0)
EOF
    check "jsonl: Document records with exactly the SPEC fields" python3 "$T/check_docs.py" "$T/out"
else
    skip "jsonl field check" "python3 not found"
fi
en=$(grep en_talks "$T/out")
eq "en doc: lang" "$(echo "$en" | jget lang)" en
eq "en doc: dateline" "$(echo "$en" | jget dateline)" Geneva
eq "en doc: agency" "$(echo "$en" | jget agency)" TASS
ru=$(grep ru_lavrov "$T/out")
eq "ru doc: lang" "$(echo "$ru" | jget lang)" ru
ru_id=$(echo "$ru" | jget id)
en_id=$(echo "$en" | jget id)
check "ids are 16+ hex digits" sh -c "echo '$ru_id $en_id' | grep -q -x -E '[0-9a-f]{16,} [0-9a-f]{16,}'"

# Not a terminal: JSON Lines by default.
run kr docs --db a.db
check "default format off a terminal is jsonl" sh -c "head -c 1 '$T/out' | grep -q '{'"

expect_exit 2 kr docs --db a.db --format xml
expect_stderr "unknown format 'xml'"
expect_exit 2 kr docs --db a.db --format
expect_stderr 'missing value for --format'
expect_exit 2 kr ingest --db a.db --format csv in/en_talks.txt
expect_exit 2 kr docs --db a.db --limit many
expect_exit 2 kr docs --db a.db extra
run kr docs --db a.db --limit 1 --format csv
eq "--limit 1: lines" "$(wc -l <"$T/out" | tr -d ' ')" 2

# --- show ---------------------------------------------------------------------

prefix=$(printf '%s' "$ru_id" | cut -c1-8)
expect_exit 0 kr show --db a.db "$prefix"
expect_stdout "^id: +$ru_id\$"
expect_stdout 'Сергеем Лавровым'
expect_stdout '^lang: +ru$'

expect_exit 0 kr show --db a.db "$en_id"
expect_stdout '^dateline: +Geneva$'
expect_stdout 'held a long meeting'

expect_exit 0 kr show --db a.db --format jsonl "$prefix"
check "show --format jsonl: one line" test "$(wc -l <"$T/out" | tr -d ' ')" -eq 1
check "show --format jsonl: has the text" grep -q 'Лавровым' "$T/out"
if have_python; then
    check "show --format jsonl parses, id matches" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
sys.exit(0 if d["id"] == sys.argv[2] and "Лавровым" in d["text"] else 1)' "$T/out" "$ru_id"
else
    skip "show jsonl parse" "python3 not found"
fi

# An id that is not there: a prefix no stored id has.
absent=ffffffff
case "$ru_id $en_id" in *"$absent"*) absent=00000000 ;; esac
expect_exit 2 kr show --db a.db "$absent"
expect_stderr "no document $absent"
check "show unknown: stdout empty" test ! -s "$T/out"
expect_exit 2 kr show --db a.db
expect_exit 2 kr show --db a.db "$prefix" "$prefix"
expect_exit 2 kr show --db a.db 'not-an-id'

# --- search -------------------------------------------------------------------

search_finds() { # QUERY FILE-PATTERN: search in a.db lists a document whose path matches
    run kr search --db a.db --format csv "$1"
    [ "$RC" -eq 0 ] && grep -q -- "$2" "$T/out"
}
check "search лавров finds 'Лавровым'" search_finds лавров ru_lavrov
check "search Лавров finds 'Лавровым'" search_finds Лавров ru_lavrov
check "search переговоры finds 'переговоров'" search_finds переговоры ru_lavrov
check "search коллега finds 'коллегой'" search_finds коллега ru_lavrov
check "search meetings finds 'meeting'" search_finds meetings en_talks
check "search agreement finds 'agreements'" search_finds agreement en_talks
check "search MINISTER finds 'ministers'" search_finds MINISTER en_talks
run kr search --db a.db --format csv лавров
check "search лавров: not the English document" sh -c "! grep -q en_talks '$T/out'"
eq "search csv: header" "$(head -n 1 "$T/out" | cut -d, -f1-9)" "id,path,url,title,lang,date,dateline,agency,chars"
run kr search --db a.db --format csv zanzibar
eq "search with no match: status" "$RC" 0
eq "search with no match: header only" "$(wc -l <"$T/out" | tr -d ' ')" 1
run kr search --db a.db --format jsonl meetings lavrov
eq "search: every word must match" "$(wc -l <"$T/out" | tr -d ' ')" 0
expect_exit 2 kr search --db a.db

# --- re-ingest is a no-op -------------------------------------------------------

expect_exit 0 kr ingest --db a.db in/en_talks.txt in/ru_lavrov.txt
eq "re-ingest: new" "$(ingested new)" 0
eq "re-ingest: total" "$(ingested total)" 2

# A file whose mtime changed but not its content is read again: still nothing new.
touch -t 202001010000 in/en_talks.txt
expect_exit 0 kr ingest --db a.db in/en_talks.txt
eq "touched file: new" "$(ingested new)" 0
eq "touched file: total" "$(ingested total)" 2

# The same text under another name is already stored.
cp in/en_talks.txt in/en_talks_copy.txt
expect_exit 0 kr ingest --db a.db in/en_talks_copy.txt
eq "copy: new" "$(ingested new)" 0
eq "copy: already stored" "$(ingested dup)" 1
eq "copy: total" "$(ingested total)" 2

# A UTF-8 BOM is dropped, so the same text with one is the same document.
printf '\357\273\277' >in/bom.txt
cat in/ru_lavrov.txt >>in/bom.txt
expect_exit 0 kr ingest --db a.db in/bom.txt
eq "same text with a UTF-8 BOM: already stored" "$(ingested dup)" 1

# --- JSON Lines on stdin ---------------------------------------------------------

expect_exit_in 0 in/feed.jsonl kr ingest --db a.db -
eq "stdin: new" "$(ingested new)" 2
eq "stdin: total" "$(ingested total)" 4
run kr docs --db a.db --format jsonl
rally=$(grep 'Rally outside parliament' "$T/out")
check "stdin: title kept" test -n "$rally"
eq "stdin: date" "$(echo "$rally" | jget date)" 2023-06-12
eq "stdin: lang" "$(echo "$rally" | jget lang)" en
ukaz=$(grep -v 'Rally outside' "$T/out" | tail -n 1)
eq "stdin: record without lang detected as ru" "$(echo "$ukaz" | jget lang)" ru
run kr search --db a.db --format csv помилование
check "stdin: record is searchable" grep -q -E '^[0-9a-f]{16,},' "$T/out"
expect_exit_in 0 in/feed.jsonl kr ingest --db a.db -
eq "stdin again: new" "$(ingested new)" 0
eq "stdin again: already stored" "$(ingested dup)" 2

# The same records from a .jsonl file are the same documents.
expect_exit 0 kr ingest --db a.db in/feed.jsonl
eq "jsonl file after stdin: new" "$(ingested new)" 0

# A file and stdin together.
printf '{"text": "The summit ended with a joint statement on energy cooperation and new pipeline projects."}\n' >"$T/one.jsonl"
expect_exit_in 0 "$T/one.jsonl" kr ingest --db a.db - in/ru_lavrov.txt
eq "stdin and a file: new" "$(ingested new)" 1

summary
