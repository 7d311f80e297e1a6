# tests/cli/lib.sh: helpers sourced by the command-line test scripts (POSIX
# sh). Gives a private temporary folder $T (removed on exit), counters of
# passed and failed checks, and ways to run kronika and look at what it said.
#
#   check NAME CMD...        passes when CMD succeeds
#   run CMD...               runs CMD; stdout in $T/out, stderr in $T/err, status in $RC
#   expect_exit N CMD...     run, then check that the status is N
#   expect_stdout REGEX      the last run's stdout matches (grep -E)
#   expect_stderr REGEX      the last run's stderr matches (grep -E)
#   skip NAME REASON         prints a SKIP line
#   summary                  prints "N passed, N failed"; status 1 on failure
#
# Every run is also checked for sanitizer reports, which fail the run.

if [ -z "${KRONIKA:-}" ]; then
    echo "KRONIKA is not set (the kronika binary to test)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
case $KRONIKA in
/*) ;;
*) KRONIKA="$PWD/$KRONIKA" ;;
esac
if [ ! -x "$KRONIKA" ]; then
    echo "KRONIKA=$KRONIKA is not an executable file" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
export KRONIKA

# The repository root, from the location of the sourcing script.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# A sanitizer report must not pass for kronika's own exit status 1 or 2.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:exitcode=87"
export ASAN_OPTIONS UBSAN_OPTIONS

# No database from the caller's environment leaks into a test.
unset KRONIKA_DB

T=$(mktemp -d "${TMPDIR:-/tmp}/kronika-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM HUP
cd "$T" || exit 1

npass=0
nfail=0
RC=0

pass() {
    npass=$((npass + 1))
    echo "ok   $1"
}

# fail NAME [DETAIL]
fail() {
    nfail=$((nfail + 1))
    echo "FAIL $1${2:+: $2}"
}

skip() {
    echo "SKIP $1: $2"
}

# check NAME CMD...: passes when CMD exits 0.
check() {
    _name=$1
    shift
    if "$@"; then
        pass "$_name"
    else
        fail "$_name"
    fi
}

# Short text of a command line for messages.
_cmdline() {
    _s=$*
    case $_s in
    "$KRONIKA"*) _s="kronika${_s#"$KRONIKA"}" ;;
    esac
    _s=$(printf '%s' "$_s" | sed "s|$T/||g")
    if [ ${#_s} -gt 90 ]; then
        _s="$(printf '%s' "$_s" | cut -c1-87)..."
    fi
    printf '%s' "$_s"
}

# run CMD...: stdout to $T/out, stderr to $T/err, status to $RC. A
# sanitizer report in stderr is a failure of its own.
run() {
    "$@" >"$T/out" 2>"$T/err"
    RC=$?
    if grep -q -E 'ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: .*Sanitizer' "$T/err"; then
        fail "sanitizer clean: $(_cmdline "$@")" "see below"
        sed -n '1,40p' "$T/err"
    fi
    return 0
}

# run_in FILE CMD...: like run with stdin from FILE.
run_in() {
    _in=$1
    shift
    run "$@" <"$_in"
}

# expect_exit N CMD...
expect_exit() {
    _want=$1
    shift
    run "$@"
    if [ "$RC" -eq "$_want" ]; then
        pass "exit $_want: $(_cmdline "$@")"
    else
        fail "exit $_want: $(_cmdline "$@")" "got $RC; stderr: $(head -c 300 "$T/err")"
    fi
}

# expect_exit_in N FILE CMD...: expect_exit with stdin from FILE.
expect_exit_in() {
    _want=$1
    _in=$2
    shift 2
    run "$@" <"$_in"
    if [ "$RC" -eq "$_want" ]; then
        pass "exit $_want: $(_cmdline "$@") < $(_cmdline "$_in")"
    else
        fail "exit $_want: $(_cmdline "$@") < $(_cmdline "$_in")" "got $RC; stderr: $(head -c 300 "$T/err")"
    fi
}

expect_stdout() {
    if grep -q -E -- "$1" "$T/out"; then
        pass "stdout has /$1/"
    else
        fail "stdout has /$1/" "stdout: $(head -c 300 "$T/out")"
    fi
}

expect_stderr() {
    if grep -q -E -- "$1" "$T/err"; then
        pass "stderr has /$1/"
    else
        fail "stderr has /$1/" "stderr: $(head -c 500 "$T/err")"
    fi
}

# no_stderr: the last run printed nothing on stderr.
no_stderr() {
    if [ -s "$T/err" ]; then
        fail "stderr empty" "$(head -c 300 "$T/err")"
    else
        pass "stderr empty"
    fi
}

# kr ARGS...: kronika itself.
kr() {
    "$KRONIKA" "$@"
}

# jget FIELD: the value of FIELD in the one-line JSON object on stdin, as
# printed by kronika ("key": value): the string without quotes, or the bare
# token (null, a number). Enough for ids, dates, languages and names.
jget() {
    sed -n -e "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" -e t -e "s/.*\"$1\": *\\([^,}\"]*\\).*/\\1/p"
}

# ingested WHAT [FILE]: a number from the ingest summary line in FILE
# (default $T/out, the last run's stdout):
# WHAT is "new", "dup" (already stored), "rejected", "read", "unchanged" or
# "total" (documents in the database).
ingested() {
    _f=${2:-$T/out}
    case $1 in
    new) sed -n 's/.*; \([0-9][0-9]*\) new document.*/\1/p' "$_f" ;;
    dup) sed -n 's/.* \([0-9][0-9]*\) already stored.*/\1/p' "$_f" ;;
    rejected) sed -n 's/.* \([0-9][0-9]*\) rejected.*/\1/p' "$_f" ;;
    read) sed -n 's/^\([0-9][0-9]*\) files* read.*/\1/p' "$_f" ;;
    unchanged) sed -n 's/.* \([0-9][0-9]*\) unchanged.*/\1/p' "$_f" ;;
    total) sed -n 's/.* \([0-9][0-9]*\) documents* in .*/\1/p' "$_f" ;;
    esac | tail -n 1
}

# unmark: removes show's mention marks ([text]{entity TYPE code} -> text)
# from $T/out, for checks on the plain text.
unmark() {
    sed -E 's/\[([^]]*)\]\{[^}]*\}/\1/g' "$T/out" >"$T/out.plain" && mv "$T/out.plain" "$T/out"
}

# eq NAME GOT WANT: a check that two strings are equal, showing both.
eq() {
    if [ "$2" = "$3" ]; then
        pass "$1 = $3"
    else
        fail "$1 = $3" "got '$2'"
    fi
}

# now_ms: wall clock in milliseconds.
now_ms() {
    _t=$(date +%s%N 2>/dev/null)
    case $_t in
    *N | "") echo $(($(date +%s) * 1000)) ;;
    *) echo $((_t / 1000000)) ;;
    esac
}

# have_python: python3 is there for JSON validation.
have_python() {
    command -v python3 >/dev/null 2>&1
}

summary() {
    echo "$npass passed, $nfail failed"
    [ "$nfail" -eq 0 ]
}

# best_event ID FILE: of the `kronika code --format tsv` lines in FILE, the
# event of document ID with the highest confidence, the first on ties (as
# the evaluation picks it).
best_event() {
    awk -F'\t' -v doc="$1" '$2 == doc && (!n++ || $14 + 0 > c) { c = $14 + 0; line = $0 } END { print line }' "$2"
}
