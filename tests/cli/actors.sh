#!/bin/sh
# tests/cli/actors.sh: actor codes of role phrases through `code`, with a
# small dictionary of made-up states imported in TABARI syntax: a state
# and a role word opening a sentence, a bare-coded name or an unknown
# person after a role phrase, a group word and the state it comes from.
. "$(dirname "$0")/lib.sh"
TAB=$(printf '\t')

mkdir dict
cat >dict/test.actors <<'TXT'
VALMAR  [VAL]
TIRNOR  [TIR]
KORLAN  [VAL]
TXT
cat >dict/test.agents <<'TXT'
CLERIC  [~REL]
PRESIDENT  [~GOV]
PRIME_MINISTER  [~GOV]
SOLDIER  [~MIL]
TXT
cat >dict/test.verbs <<'TXT'
CRITICIZE  [111]
{CRITICIZES CRITICIZED}
TXT
expect_exit 0 kr lexicon import --out imp dict
cat >in.jsonl <<'TXT'
{"id": "a1", "text": "Valmar cleric criticized Tirnor."}
{"id": "a2", "text": "Valmar Prime Minister Korlan criticized Tirnor."}
{"id": "a3", "text": "Tirnor President Belgor Anst criticized Valmar."}
{"id": "a4", "text": "Soldiers from Tirnor criticized Valmar."}
TXT
run kr code --lexicon imp --format tsv in.jsonl
check "a state and a role word opening a sentence are one actor" \
    grep -q -E "${TAB}a1${TAB}.*${TAB}VALREL${TAB}111${TAB}TIR${TAB}TIR${TAB}" "$T/out"
check "a bare-coded name after a role phrase takes its sector" \
    grep -q -E "${TAB}a2${TAB}.*${TAB}VALGOV${TAB}111${TAB}TIR${TAB}TIR${TAB}" "$T/out"
check "an unknown person after a role phrase takes its code" \
    grep -q -E "${TAB}a3${TAB}.*${TAB}TIRGOV${TAB}111${TAB}VAL${TAB}VAL${TAB}" "$T/out"
check "a group word takes the state it comes from" \
    grep -q -E "${TAB}a4${TAB}.*${TAB}TIRMIL${TAB}111${TAB}VAL${TAB}VAL${TAB}" "$T/out"
summary
