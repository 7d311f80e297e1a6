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
# codes in no codebook kept, a final '_' is that word only, "$ *" over the
# verb's own code, Treebank's "DID N'T" as one word; a target before the
# verb (the subject acted on), a null code blocking, no event without a
# target, a paired code both ways, gaps that cross an actor
mkdir dict2
printf 'GONDOR  [GON]\nARNOR  [ARN]\nROHAN  [ROH]\n' >dict2/test.actors
cat >dict2/test.verbs <<'TXT'
SNUB  [977]
{SNUBS SNUBBED}
- * TREATY_  [979]
HAIL  [050]
{HAILS HAILED}
- $ *  [051]
RECEIVE  [070]
{RECEIVES RECEIVED}
- + * AID FROM $  [071]
- * VISITORS_  [---]
CONFER  [040:040]
{CONFERS CONFERRED}
TXT
cat >dict2/test.verbpatterns.txt <<'TXT'
&NEVER
+DID N'T
+WO N'T

--- RAID [190] ---
RAID {RAIDS RAIDED}
- &NEVER * [920]
TXT
expect_exit 0 kr lexicon import --out imp3 dict2
expect_stdout '3 codes added'
expect_stderr 'dict2/test.verbs:1: code 977 is not in the codebook: added'
: >h.jsonl
for t in "Arnor snubbed the treaty with Gondor." "Arnor snubbed the treaties of Gondor." "Arnor hailed Gondor." \
         "Arnor didn't raid Gondor." "Gondor received aid from Arnor." "Arnor received visitors from Gondor." \
         "Arnor snubbed the plan." "Arnor conferred with Gondor." \
         "Arnor snubbed in a letter to Rohan the treaty with Gondor."; do
    printf '{"id": "h%d", "date": "2001-05-02", "text": "%s"}\n' $(($(wc -l <h.jsonl) + 1)) "$t" >>h.jsonl
done
run kr code --lexicon imp3 --format tsv h.jsonl
check "a code in no codebook is coded" grep -q -E "${TAB}h1${TAB}.*${TAB}979${TAB}" "$T/out"
check "a whole word does not match its plural" grep -q -E "${TAB}h2${TAB}.*${TAB}977${TAB}" "$T/out"
check "a \$ * pattern codes over its verb" grep -q -E "${TAB}h3${TAB}.*${TAB}051${TAB}" "$T/out"
check "Treebank's N'T joins its word" grep -q -E "${TAB}h4${TAB}.*${TAB}920${TAB}" "$T/out"
check "a target before the verb is its subject" grep -q -E "${TAB}h5${TAB}[^${TAB}]*${TAB}ARN${TAB}ARN${TAB}071${TAB}GON${TAB}GON${TAB}" "$T/out"
check "a null code blocks the verb's own" sh -c "! grep -q -E '${TAB}h6${TAB}' '$T/out'"
check "no event without a target" sh -c "! grep -q -E '${TAB}h7${TAB}' '$T/out'"
check "a paired code is coded both ways" grep -q -E "${TAB}h8${TAB}[^${TAB}]*${TAB}GON${TAB}GON${TAB}040${TAB}ARN${TAB}" "$T/out"
check "a paired code is coded both ways" grep -q -E "${TAB}h8${TAB}[^${TAB}]*${TAB}ARN${TAB}ARN${TAB}040${TAB}GON${TAB}" "$T/out"
check "a gap crosses an actor" grep -q -E "${TAB}h9${TAB}[^${TAB}]*${TAB}ARN${TAB}ARN${TAB}979${TAB}GON${TAB}" "$T/out"
# an events/ folder without its codebook is refused, not coded with nothing
mkdir -p nocb/events && cp imp/actors.txt nocb/ && printf '040 meet +\n' >nocb/events/en.txt
expect_exit 2 kr code --lexicon nocb g.jsonl
expect_stderr 'no codebook'
expect_exit 2 kr lexicon import dict
expect_exit 2 kr lexicon import --out imp2 no-such-dict
summary
