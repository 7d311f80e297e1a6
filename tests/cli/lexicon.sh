#!/bin/sh
# tests/cli/lexicon.sh: the lexicon commands: the built-in lexicon passes its
# own check, a broken lexicon is reported line by line, stats count entries.
. "$(dirname "$0")/lib.sh"
TAB=$(printf '\t')

expect_exit 0 kr lexicon check
check "built-in lexicon: no errors" grep -q ' 0 errors' "$T/out"
run kr lexicon stats --format csv
n=$(sed -n 's/^entries,\([0-9]*\)$/\1/p' "$T/out")
check "built-in lexicon: 2000+ entries ($n)" test "${n:-0}" -ge 2000
names=$(sed -n 's/^names,\([0-9]*\)$/\1/p' "$T/out")
check "built-in lexicon: 3000+ names ($names)" test "${names:-0}" -ge 3000

mkdir lx
cat >lx/a.txt <<'TXT'
[RUS]
type: GPE
name: Russia
code: RUS
en: Russia
[foreign-minister]
type: AGENT
sector: GOV
en: foreign minister
[sergey-lavrov]
type: PER
name: Sergey Lavrov
country: RUS
role: RUS foreign-minister 2004-03-09..
role: RUS foreign-minister 2010..2012
[RUS]
type: GPE
name: Russia again
[bad-code]
type: ORG
name: Bad
code: rusgov
colour: red
[no-agent]
type: PER
name: Someone
role: RUS astronaut 2020..
[moscow]
type: LOC
name: Moscow
metonym: RUS; nowhere
[bad-date]
type: PER
name: Someone Else
role: RUS foreign-minister 2020-13..
[no-type]
name: Nobody
role: RUS foreign-minister 2001..
TXT
expect_exit 1 kr lexicon check --lexicon lx
expect_stderr 'lx/a.txt:[0-9]+: duplicate id .RUS.'
expect_stderr "lx/a.txt:22: bad actor code 'rusgov'"
expect_stderr "lx/a.txt:23: unknown key 'colour'"
expect_stderr "role agent 'astronaut' is not an agent"
expect_stderr 'lx/a.txt:35: bad role dates'
expect_stderr "metonym 'RUS; nowhere' names an unknown id"
expect_stderr "warning: overlapping roles of 'sergey-lavrov' as foreign-minister"
expect_stderr "entry 'no-type' has no type"
# A faulty lexicon still serves an ingest: the faulty entries are left out
printf 'The Russian foreign minister Sergey Lavrov met Someone in Moscow.\n' >doc.txt
expect_exit 0 kr ingest --lexicon lx --db lx.db doc.txt
expect_stderr 'warning: [0-9]+ faulty lexicon lines left out'
run kr entities --db lx.db --format csv
expect_stdout '^sergey-lavrov,PER,'
expect_exit 2 kr lexicon check --lexicon no-such-folder
expect_exit 2 kr lexicon frobnicate

# Dictionaries of other coders (TABARI syntax), imported and coded with
mkdir dict
cat >dict/test.actors <<'TXT'
GONDOR  [GON]
+MINAS_TIRITH
ARNOR  [ARN]
ARAGORN_  [GONGOV 990101-201231]
TXT
cat >dict/test.verbs <<'TXT'
MEET  [040]
{MEETS MET MEETING}
- * WITH +  [040]
CONDEMN  [111]
{CONDEMNS CONDEMNED}
BLAH [???
TXT
expect_exit 0 kr lexicon import --out imp dict
expect_stdout '2 files: 3 actors'
expect_stderr 'dict/test.verbs:6: '
run kr lexicon check --lexicon imp
expect_stdout ' 0 errors'
printf '{"id": "g1", "date": "2001-05-02", "text": "Minas Tirith condemned Arnor. Aragorn met with Arnor."}\n' >g.jsonl
run kr code --lexicon imp --format tsv g.jsonl
check "an imported actor and verb code an event" grep -q -E "${TAB}GON${TAB}GON${TAB}111${TAB}ARN${TAB}ARN${TAB}" "$T/out"
check "an imported person keeps his dated code" grep -q -E "${TAB}aragorn${TAB}GONGOV${TAB}040${TAB}ARN${TAB}ARN${TAB}" "$T/out"
# an events/ folder without its codebook is refused, not coded with nothing
mkdir -p nocb/events && cp imp/actors.txt nocb/ && printf '040 meet +\n' >nocb/events/en.txt
expect_exit 2 kr code --lexicon nocb g.jsonl
expect_stderr 'no codebook'
expect_exit 2 kr lexicon import dict
expect_exit 2 kr lexicon import --out imp2 no-such-dict
summary
