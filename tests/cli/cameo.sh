#!/bin/sh
# tests/cli/cameo.sh: checks the CAMEO event table lexicon/events/cameo.txt:
# its own consistency, then its codes, Goldstein scores and PLOVER types
# against the public tables kept beside the repository (../shared/peers),
# skipped with a message when they are absent.
. "$(dirname "$0")/lib.sh"

TABLE=$ROOT/lexicon/events/cameo.txt
PEERS=${PEERS:-$(cd "$ROOT/.." && pwd)/shared/peers}
GOLDSTEIN=$PEERS/UNDP-BCPR-Project-GDELT-lookups/CAMEO.goldsteinscale.txt
CODEBOOK=$PEERS/CAMEO-Event-Data-Codebook/cameo.csv
TOPLOVER=$PEERS/PLOVER/CAMEO2PLOVER-2021.txt

# problems NAME AWK-PROGRAM [FILE...]: runs awk over the table (first) and
# the given files; every line it prints is one problem. Passes when there is
# none, else fails and lists them all.
problems() {
    _name=$1
    _prog=$2
    shift 2
    if ! awk "$_prog" "$T/table" "$@" >"$T/problems"; then
        fail "$_name" "awk failed"
        return
    fi
    if [ -s "$T/problems" ]; then
        fail "$_name" "$(wc -l <"$T/problems" | tr -d ' ') problem(s)"
        sed 's/^/     /' "$T/problems"
    else
        pass "$_name"
    fi
}

if [ ! -r "$TABLE" ]; then
    fail "table readable" "$TABLE"
    summary
    exit 1
fi

# The table without comments, each line prefixed with its line number in
# the file so that problems point at it: "LINE CODE GOLDSTEIN PLOVER LABEL".
awk '!/^#/ { sub(/\r$/, ""); print FNR, $0 }' "$TABLE" >"$T/table"
ncodes=$(wc -l <"$T/table" | tr -d ' ')

# --- the table on its own ------------------------------------------------

problems "every line has code, goldstein, plover and a label" '
NF < 5 { print "cameo.txt:" $1 ": " NF - 1 " field(s), want 4 or more" }'

problems "codes are 2 to 4 digits" '
$2 !~ /^[0-9][0-9][0-9]?[0-9]?$/ { print "cameo.txt:" $1 ": bad code \"" $2 "\"" }'

problems "no code is listed twice" '
$2 in seen { print "cameo.txt:" $1 ": " $2 " already on line " seen[$2] }
{ seen[$2] = $1 }'

problems "roots are 01 to 20" '
{ r = substr($2, 1, 2) + 0 }
r < 1 || r > 20 { print "cameo.txt:" $1 ": " $2 " is under no root 01..20" }'

problems "every 3-digit code has its root" '
{ have[$2] = 1 }
length($2) == 3 && !(substr($2, 1, 2) in have) {
    print "cameo.txt:" $1 ": " $2 " before or without its root " substr($2, 1, 2)
}'

problems "every 4-digit code has its 3-digit parent" '
{ have[$2] = 1 }
length($2) == 4 && !(substr($2, 1, 3) in have) {
    print "cameo.txt:" $1 ": " $2 " before or without its parent " substr($2, 1, 3)
}'

problems "codes in order" '
NR > 1 && ("" $2) <= ("" last) { print "cameo.txt:" $1 ": " $2 " after " last }
{ last = $2 }'

problems "goldstein: one decimal, from -10.0 to 10.0" '
$3 !~ /^-?[0-9][0-9]?\.[0-9]$/ || $3 + 0 < -10 || $3 + 0 > 10 {
    print "cameo.txt:" $1 ": " $2 ": bad goldstein \"" $3 "\""
}'

problems "plover: - or TYPE[:mode] with a known type" '
BEGIN {
    split("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST " \
          "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT", t, " ")
    for (i in t)
        known[t[i]] = 1
}
$4 == "-" { next }
{
    type = $4; mode = ""
    if ((i = index(type, ":")) > 0) {
        mode = substr(type, i + 1); type = substr(type, 1, i - 1)
        if (mode !~ /^[a-z][a-z_-]*$/)
            print "cameo.txt:" $1 ": " $2 ": bad plover mode \"" mode "\""
    }
    if (!(type in known))
        print "cameo.txt:" $1 ": " $2 ": unknown plover type \"" type "\""
}'

problems "all 20 roots present" '
{ have[$2] = 1 }
END {
    for (r = 1; r <= 20; r++) {
        c = sprintf("%02d", r)
        if (!(c in have))
            print "root " c " missing"
    }
}'

if [ "$ncodes" -ge 280 ]; then
    pass "at least 280 codes ($ncodes)"
else
    fail "at least 280 codes" "$ncodes"
fi

# --- against the public tables -------------------------------------------

if [ ! -d "$PEERS" ]; then
    skip "cameo peers" "$PEERS not found; codes, Goldstein scores and PLOVER types not compared"
    summary
    exit
fi

# The CAMEO 1.1b3 codebook, one "code,name" a line.
if [ -r "$CODEBOOK" ]; then
    awk -F, '{ sub(/\r$/, "") } $1 ~ /^[0-9]+$/ { print $1 }' "$CODEBOOK" >"$T/codebook"
    problems "same codes as the CAMEO codebook (cameo.csv)" '
    FILENAME == ARGV[1] { ours[$2] = $1; next }
    { theirs[$1] = 1; n++ }
    !($1 in ours) { print "missing code " $1 }
    END {
        if (n == 0)
            print "no codes read from cameo.csv"
        for (c in ours)
            if (!(c in theirs))
                print "cameo.txt:" ours[c] ": " c " is not in the codebook"
    }' "$T/codebook"
else
    skip "codebook codes" "$CODEBOOK not found"
fi

# GDELT's Goldstein table: a header line, then "code<TAB>score". The few
# codes it lacks must carry the score of their nearest listed ancestor, as
# the table's header comment says.
if [ -r "$GOLDSTEIN" ]; then
    problems "Goldstein scores as in GDELT (CAMEO.goldsteinscale.txt)" '
    FILENAME == ARGV[1] { line[NR] = $1; code[NR] = $2; score[NR] = $3; rows = NR; next }
    { sub(/\r$/, "") }
    $1 ~ /^[0-9]+$/ { gdelt[$1] = $2; n++ }
    END {
        if (n == 0)
            print "no scores read from CAMEO.goldsteinscale.txt"
        for (i = 1; i <= rows; i++) {
            c = code[i]; from = c
            while (!(from in gdelt) && length(from) > 2)
                from = substr(from, 1, length(from) - 1)
            if (!(from in gdelt))
                print "cameo.txt:" line[i] ": " c ": no score for it or a parent"
            else if (score[i] + 0 != gdelt[from] + 0)
                print "cameo.txt:" line[i] ": " c ": goldstein " score[i] ", GDELT has " gdelt[from] (from == c ? "" : " (for parent " from ")")
        }
    }' "$GOLDSTEIN"
else
    skip "goldstein scores" "$GOLDSTEIN not found"
fi

# The CAMEO-to-PLOVER table: "code: TYPE, mode, context # comment". A code
# listed twice (the root 08, once per PLOVER type it splits into) keeps its
# first line. Codes it lacks take the type of their nearest listed ancestor
# and no mode; with none listed (roots 01 and 02) the type is "-".
if [ -r "$TOPLOVER" ]; then
    awk '
    { sub(/\r$/, "") }
    /^[0-9]+:/ {
        c = $0; sub(/:.*/, "", c)
        if (c in seen)
            next
        seen[c] = 1
        rest = $0; sub(/^[^:]*:/, "", rest); sub(/#.*/, "", rest)
        split(rest, f, ",")
        t = f[1]; m = f[2]
        gsub(/^[ \t]+|[ \t]+$/, "", t); gsub(/^[ \t]+|[ \t]+$/, "", m)
        print c, t, (m == "" ? "-" : m)
    }' "$TOPLOVER" >"$T/plover"
    # Shared start of the two checks below: reads the table's type and mode
    # of each code, then the PLOVER rows; want(CODE) sets wtype and wmode to
    # what the PLOVER table gives CODE.
    prelude='
    FILENAME == ARGV[1] {
        line[NR] = $1; code[NR] = $2; rows = NR
        t = $4; m = "-"
        if ((i = index(t, ":")) > 0) { m = substr(t, i + 1); t = substr(t, 1, i - 1) }
        type[NR] = t; mode[NR] = m
        next
    }
    { ptype[$1] = $2; pmode[$1] = $3; n++ }
    function want(c,    from) {
        from = c
        while (!(from in ptype) && length(from) > 2)
            from = substr(from, 1, length(from) - 1)
        if (!(from in ptype)) { wtype = "-"; wmode = "-"; return }
        wtype = ptype[from]
        wmode = (from == c ? pmode[from] : "-")
    }'
    problems "PLOVER types as in CAMEO2PLOVER-2021.txt" "$prelude"'
    END {
        if (n == 0)
            print "no rows read from CAMEO2PLOVER-2021.txt"
        for (i = 1; i <= rows; i++) {
            want(code[i])
            if (type[i] != wtype)
                print "cameo.txt:" line[i] ": " code[i] ": type " type[i] ", PLOVER table has " wtype
        }
    }' "$T/plover"
    problems "PLOVER modes as in CAMEO2PLOVER-2021.txt" "$prelude"'
    END {
        for (i = 1; i <= rows; i++) {
            want(code[i])
            if (mode[i] != wmode)
                print "cameo.txt:" line[i] ": " code[i] ": mode " mode[i] ", PLOVER table has " wmode
        }
    }' "$T/plover"
    # Codes the PLOVER table maps that CAMEO 1.1b3 does not have (1213 and
    # 1214 in the 2021 table) are worth a note, not a failure.
    awk 'FILENAME == ARGV[1] { have[$2] = 1; next }
         !($1 in have) { print "note: CAMEO2PLOVER-2021.txt maps " $1 ", which cameo.txt does not list" }' \
        "$T/table" "$T/plover"
else
    skip "plover types" "$TOPLOVER not found"
fi

summary
