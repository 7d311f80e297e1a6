#!/bin/sh
# tests/cli/events.sh: event coding through the command line: `code` as a
# stateless filter (files and JSON Lines on stdin, jsonl and tsv), events
# stored on ingest and listed with `events` and its filters and formats;
# and on the seed reports (skipped when ../shared/seeds is absent) the
# events an analyst would list, with dyad, code family, date and mode.
. "$(dirname "$0")/lib.sh"

# has_event FILE REGEX: a tsv line of FILE matches REGEX (grep -E).
# tsv columns: id doc date source source_code cameo target target_code
# goldstein quad mode negated place confidence evidence
has_event() {
    check "$1: $2" grep -q -E "$2" "$1"
}
TAB=$(printf '\t')

mkdir in
cat >in/a.txt <<'TXT'
date 2023-09-20 TEHRAN, September 20. /TASS/. Russian Defense Minister Sergey Shoigu held talks with his Iranian counterpart Mohammad-Reza Ashtiani on Wednesday. Shoigu criticized NATO. Iran did not meet with the United States. Ilham Aliyev will visit Russia.

Yesterday Baku demanded that Armenian troops withdraw. Armenia refused to participate in the meeting, the IRNA news agency reports.
TXT
expect_exit 0 kr code --format tsv in/a.txt
cp "$T/out" a.tsv
has_event a.tsv "^[0-9a-f]{16}${TAB}[0-9a-f]{32}${TAB}2023-09-20${TAB}sergey-shoigu${TAB}RUSMIL${TAB}040${TAB}mohammad-reza-ashtiani${TAB}IRNMIL${TAB}1\.0${TAB}1${TAB}actual${TAB}0${TAB}Tehran"
has_event a.tsv "${TAB}sergey-shoigu${TAB}RUSMIL${TAB}111${TAB}nato${TAB}"
has_event a.tsv "${TAB}IRN${TAB}IRN${TAB}040${TAB}USA${TAB}.*${TAB}1${TAB}"
has_event a.tsv "${TAB}ilham-aliyev${TAB}AZEGOV${TAB}042${TAB}RUS${TAB}.*${TAB}intent${TAB}0${TAB}"
# "Yesterday" in a report of September 20; the dyad Baku -> Armenian troops
has_event a.tsv "${TAB}2023-09-19${TAB}AZE${TAB}AZEGOV${TAB}10[0-9]*${TAB}ARM${TAB}ARMMIL${TAB}"
has_event a.tsv "${TAB}ARM${TAB}[A-Z]*${TAB}12[0-9]*${TAB}"
check "a refusal is not a negated meeting" sh -c "! grep -q -E '${TAB}ARM${TAB}[A-Z]*${TAB}04[0-9]*${TAB}' a.tsv"
check "no news agency is an actor" sh -c "! grep -q -i -E '${TAB}(irna|tass)${TAB}' a.tsv"

# The evidence is escaped for JSON wherever the quote, backslash or tab falls
printf '%s\n' '{"id":"q","text":"Russian President Vladimir Putin criticized NATO, saying \"the alliance\\\\ is a threat\"\tand more."}' >esc.jsonl
run kr code <esc.jsonl
check "evidence escaped" grep -q -F 'NATO, saying \"the alliance\\\\ is a threat\"\tand more."' "$T/out"

# JSON Lines on stdin: the input's id comes back as the event's doc
printf '{"id": "r-1", "date": "2024-05-02", "text": "Russia and Iran held talks on Tuesday."}\n{"id": "r-2", "text": "Нанесли удар"}\n' >in.jsonl
run kr code <in.jsonl
expect_stdout '"doc": "r-1"'
expect_stdout '"cameo": "040"'
expect_stdout '"date": "2024-04-30"'
expect_stdout '"source": \{"entity": "RUS".*"target": \{"entity": "IRN"'
check "every line is a JSON object with the fields of an event" sh -c "grep -c -E '^\\{\"id\": \"[0-9a-f]{16}\", \"doc\": .*\"cameo\": .*\"goldstein\": .*\"quad\": .*\"mode\": .*\"negated\": .*\"evidence\": .*\"confidence\"' '$T/out' | grep -q -x \"\$(wc -l <'$T/out' | tr -d ' ')\""
# a title with a small word in it is one actor; a noun under a preposition
# with no subject is no event
printf '{"id": "t1", "date": "2021-08-11", "text": "Armenian Minister of Defense Arshak Karapetyan met with his Russian counterpart Sergey Shoigu. During the meeting Karapetyan and Shoigu discussed security."}\n' >t.jsonl
run kr code --format tsv t.jsonl
check "'Armenian Minister of Defense Arshak Karapetyan' is one source" grep -q -E "${TAB}arshak-karapetyan${TAB}ARMMIL${TAB}04[0-9]*${TAB}sergey-shoigu${TAB}" "$T/out"
check "every event has a source" sh -c "! cut -f4 '$T/out' | grep -q -x ''"
# a passive with no doer named: its subject is the target
printf '{"id": "v1", "date": "2021-08-11", "text": "Armenia was attacked on Monday. Israel was ready to negotiate with Hamas."}\n' >v.jsonl
run kr code --format tsv v.jsonl
check "'Armenia was attacked': Armenia is the target" grep -q -E "${TAB}${TAB}${TAB}19[0-9]*${TAB}ARM${TAB}" "$T/out"
check "'Israel was ready to': no passive" grep -q -E "${TAB}ISR${TAB}[A-Z]*${TAB}03[0-9]*${TAB}" "$T/out"
# an opening participle phrase: its doer is the subject after the comma
printf '{"id": "p1", "date": "2021-08-11", "text": "Congratulating Arshak Karapetyan on his appointment, Sergey Shoigu praised the work of the ministries."}\n' >p.jsonl
run kr code --format tsv p.jsonl
check "the participle's doer is the main subject" grep -q -E "${TAB}sergey-shoigu${TAB}RUSMIL${TAB}05[0-9]*${TAB}arshak-karapetyan${TAB}" "$T/out"
check "the participle's object is not a subject" sh -c "! cut -f4 '$T/out' | grep -q arshak"
# a criticism covers the acts it names, also those joined by "and"; a verb
# after "and" is a new act
printf '{"id": "f1", "date": "2021-08-11", "text": "Arshak Karapetyan stressed the inadmissibility of the repeated Azerbaijani provocations and ceasefire violations on the border. Armenia condemned the attack and demanded an investigation."}\n' >f.jsonl
run kr code --format tsv f.jsonl
check "'the inadmissibility of ... violations' is a criticism of Azerbaijan" grep -q -E "${TAB}arshak-karapetyan${TAB}ARM[A-Z]*${TAB}111${TAB}AZE${TAB}" "$T/out"
check "the violations it names are not the critic's" sh -c "! grep -q -E '${TAB}ARM[A-Z]*${TAB}196${TAB}' '$T/out'"
check "'condemned the attack and demanded': the demand is an act of its own" grep -q -E "${TAB}ARM${TAB}ARM${TAB}10[0-9]*${TAB}" "$T/out"
check "'stressed the inadmissibility of ...': the speaker's own act" grep -q -E "${TAB}arshak-karapetyan${TAB}ARM[A-Z]*${TAB}111${TAB}AZE${TAB}.*${TAB}actual${TAB}" "$T/out"
# a speech verb before a noun phrase with a verb of its own reports that
# act; "will take steps" is no threat
printf '{"id": "s1", "date": "2023-09-20", "text": "Yerevan said the Azerbaijani shelling of border villages continued. Russia expects that Azerbaijan will take active steps to agree on the venue of the next meeting."}\n' >s.jsonl
run kr code --format tsv s.jsonl
check "'said the ... shelling ... continued': the shelling is reported" grep -q -E "${TAB}AZE${TAB}19[0-9]*${TAB}.*${TAB}reported${TAB}" "$T/out"
check "'will take active steps to agree' is no threat" sh -c "! grep -q -E '${TAB}13[0-9]*${TAB}' '$T/out'"
# "we" in a quotation is its speaker, named after it; the actor after the
# quotation is no target; a state that a pronoun stands for does not act
# on its own government
printf '{"id": "w1", "date": "2023-09-20", "text": "Iran sent aid to Syria. \u201cFor our part, we confirm our readiness to provide assistance,\u201d the Russian Foreign Ministry spokesperson said. \"In this context, we welcome the progress achieved,\" Maria Zakharova concluded. Russia sent aid to Syria. We welcome the decision of Sergey Lavrov."}\n' >w.jsonl
run kr code --format tsv w.jsonl
check "'we' in a quotation is the speaker named after it" grep -q -E "${TAB}RUSGOV${TAB}03[0-9]*${TAB}" "$T/out"
check "'we welcome ...,\" Maria Zakharova concluded': Zakharova welcomes" grep -q -E "${TAB}maria-zakharova${TAB}RUSGOV${TAB}051${TAB}${TAB}" "$T/out"
check "'we' in a quotation is not the last sentence's subject" sh -c "! grep -q -E '${TAB}IRN${TAB}IRN${TAB}0[35][0-9]*${TAB}' '$T/out'"
check "the speaker after a quotation is no target" sh -c "! cut -f7 '$T/out' | grep -q -x maria-zakharova"
check "'Russia ... We welcome the decision of Sergey Lavrov': no state acts on its own government" sh -c "! grep -q -E '${TAB}RUS${TAB}[0-9]*${TAB}[^${TAB}]*${TAB}RUSGOV${TAB}' '$T/out'"
# a relative clause after an actor: the actor is its subject, not a name
# inside it
printf '{"id": "r1", "date": "2023-09-20", "text": "Russia, which is the closest neighbor of Georgia and Armenia, has a vested interest in normalizing relations."}\n' >r.jsonl
run kr code --format tsv r.jsonl
check "'Russia, which is ... of Georgia, has ...': Russia is the source" grep -q -E "${TAB}RUS${TAB}RUS${TAB}05[0-9]*${TAB}" "$T/out"
check "'Russia, which is ... of Georgia': Georgia is no source" sh -c "! cut -f5 '$T/out' | grep -q -E '^(GEO|ARM)'"
# bad input goes to stderr, the rest is coded
printf '{"text": "Russia criticized NATO."}\n{broken\n' >bad.jsonl
expect_exit 1 kr code bad.jsonl
expect_stdout '"cameo": "111"'
expect_stderr 'bad\.jsonl:2: '
expect_exit 2 kr code --format gdelt in/a.txt

# --- stored events ------------------------------------------------------------
expect_exit 0 kr ingest --db e.db in
run kr events --db e.db --format jsonl
n_all=$(wc -l <"$T/out")
check "events are stored on ingest" test "$n_all" -ge 6
run kr events --db e.db --format jsonl --code 04
check "--code 04 keeps consultations only" sh -c "! grep -v -q '\"root\": \"04\"' '$T/out' && test -s '$T/out'"
run kr events --db e.db --format jsonl --actor sergey-shoigu
check "--actor by entity id" sh -c "test \$(wc -l <'$T/out') -ge 2 && ! grep -v -q 'sergey-shoigu' '$T/out'"
run kr events --db e.db --format jsonl --dyad AZE,ARM
check "--dyad by country code" sh -c "test -s '$T/out' && ! grep -v -q '\"source\": {\"entity\": \"AZE\"' '$T/out'"
run kr events --db e.db --format jsonl --source 'Sergey Shoigu' --target IRNMIL
check "--source by name, --target by actor code" sh -c "test \$(wc -l <'$T/out') -eq 1"
run kr events --db e.db --format jsonl --since 2023-09-20 --until 2023-09-20
check "--since/--until bound the event date" sh -c "test -s '$T/out' && ! grep -q '2023-09-19' '$T/out'"
expect_exit 2 kr events --db e.db --since yesterday
expect_exit 2 kr events --db e.db --dyad AZE
run kr events --db e.db --format gdelt
check "gdelt rows have 58 columns" sh -c "awk -F'\t' 'NF != 58 { bad = 1 } END { exit bad || NR == 0 }' '$T/out'"
check "gdelt: day, event code, quad class, Goldstein" grep -q -E "^[0-9a-f]{16}${TAB}20230920${TAB}202309${TAB}2023${TAB}.*${TAB}040${TAB}040${TAB}04${TAB}1${TAB}1\.0${TAB}" "$T/out"
run kr events --db e.db --format icews
check "icews has its header and 20 columns" sh -c "head -1 '$T/out' | grep -q '^Event ID${TAB}Event Date${TAB}Source Name' && awk -F'\t' 'NF != 20 { bad = 1 } END { exit bad }' '$T/out'"
run kr events --db e.db --format csv
check "csv has a header and a row per event" test "$(($(wc -l <"$T/out") - 1))" -eq "$n_all"
# re-ingesting the same content stores no second copy of its events
expect_exit 0 kr ingest --db e.db in/a.txt
run kr events --db e.db --format jsonl
eq "no duplicate events after a re-ingest" "$(wc -l <"$T/out" | tr -d ' ')" "$(echo "$n_all" | tr -d ' ')"

# --- the seed reports ---------------------------------------------------------
SEEDS=$(cd "$ROOT/.." && pwd)/shared/seeds
if [ ! -d "$SEEDS" ]; then
    echo "SKIP seeds: ../shared/seeds not found"
    summary
    exit $?
fi
for f in "$SEEDS"/*.txt; do
    n=$(basename "$f" | cut -c1-3)
    kr code --format tsv "$f" >"s$n.tsv" 2>/dev/null
done
# 000: the talks in Tehran, the operation of September 19, the demand, the
# accusation of aggression, the protest, the agreement of September 20
has_event s000.tsv "${TAB}2023-09-20${TAB}sergey-shoigu${TAB}RUSMIL${TAB}04[0-9]*${TAB}mohammad-reza-ashtiani${TAB}IRNMIL${TAB}.*${TAB}Tehran${TAB}"
has_event s000.tsv "${TAB}2023-09-19${TAB}AZE${TAB}AZE[A-Z]*${TAB}19[0-9]*${TAB}"
has_event s000.tsv "${TAB}2023-09-19${TAB}AZE${TAB}AZE[A-Z]*${TAB}10[0-9]*${TAB}ARM${TAB}ARMMIL${TAB}[^${TAB}]*${TAB}[^${TAB}]*${TAB}actual${TAB}"
has_event s000.tsv "${TAB}ARM${TAB}ARMGOV${TAB}11[0-9]*${TAB}"
has_event s000.tsv "${TAB}2023-09-19${TAB}[^${TAB}]*${TAB}[^${TAB}]*${TAB}14[0-9]*${TAB}"
has_event s000.tsv "${TAB}2023-09-20${TAB}[^${TAB}]*${TAB}[^${TAB}]*${TAB}(057|08[0-9]*)${TAB}"
# 001: Lavrov's intent to attend, Georgia's refusal
has_event s001.tsv "${TAB}sergey-lavrov${TAB}RUSGOV${TAB}04[0-9]*${TAB}.*${TAB}intent${TAB}"
has_event s001.tsv "${TAB}GEO${TAB}GEO[A-Z]*${TAB}12[0-9]*${TAB}"
# 002: the criticism of the ceasefire violations, not a violation by the critic
has_event s002.tsv "${TAB}arshak-karapetyan${TAB}ARMMIL${TAB}11[0-9]*${TAB}AZE${TAB}.*${TAB}actual${TAB}"
check "002: Karapetyan is no ceasefire violator" sh -c "! grep -q -E '${TAB}ARM[A-Z]*${TAB}196${TAB}' s002.tsv"
# "it won't tolerate occupation of its border regions": Armenia rejects an
# occupation by others; it does not (not) occupy anything
has_event s002.tsv "${TAB}ARM${TAB}ARM${TAB}12[0-9]*${TAB}"
check "002: Armenia is no (negated) occupier" sh -c "! grep -q -E '${TAB}ARM[A-Z]*${TAB}192${TAB}' s002.tsv"
# "thanked for the peacekeeping mission ..., thanks to the Russian
# peacekeepers": one act, to RUSMIL, not a second one to a stateless MIL
has_event s002.tsv "${TAB}ARMMIL${TAB}05[0-9]*${TAB}[^${TAB}]*${TAB}RUSMIL${TAB}"
check "002: no praise of a stateless MIL" sh -c "! grep -q -E '${TAB}05[0-9]*${TAB}[^${TAB}]*${TAB}MIL${TAB}' s002.tsv"
# 004: the quoted "we" is Russia's spokesperson, not the partners of the
# sentence before; no state acts on its own government
check "004: the quoted 'we' is the Russian spokesperson" sh -c "! grep -q -E '${TAB}(AZE|ARMGOV)${TAB}03[0-9]*${TAB}' s004.tsv && grep -q -E '${TAB}RUSGOV${TAB}03[0-9]*${TAB}' s004.tsv"
check "004: no event from Russia to its own government" sh -c "! grep -q -E '${TAB}RUS${TAB}[0-9]*${TAB}[^${TAB}]*${TAB}RUSGOV${TAB}' s004.tsv"
check "004: 'will take active steps' is no threat" sh -c "! grep -q -E '${TAB}13[0-9]*${TAB}' s004.tsv"
# 001: "Moscow, which is ... the closest neighbor of ... Georgia ...": Moscow's interest
check "001: the relative clause after Moscow gives Georgia no 05x" sh -c "! grep -q -E '${TAB}GEO[A-Z]*${TAB}05[0-9]*${TAB}' s001.tsv"
# 003: the Bayramov-Lavrov meeting of September 22, the condolences
has_event s003.tsv "${TAB}2023-09-22${TAB}jeyhun-bayramov${TAB}AZEGOV${TAB}04[0-9]*${TAB}sergey-lavrov${TAB}RUSGOV${TAB}"
has_event s003.tsv "${TAB}jeyhun-bayramov${TAB}AZEGOV${TAB}018${TAB}"
check "003: an operation named after 'в ходе' in the condolences is not the minister's" sh -c "! awk -F'\t' '\$6 ~ /^19/ && \$4 == \"jeyhun-bayramov\" && \$15 ~ /соболезнования/' s003.tsv | grep -q ."
# 003: "военному присутствию, ... поддерживаемому Арменией": no military
# actor, Armenia is no target of support; the operation is aimed at the
# Armenian formations, not at Azerbaijan's own region, and reaches no
# Armenians past a comma and another noun
check "003: 'военному присутствию' is no actor" sh -c "! cut -f5,8 s003.tsv | grep -q -x -E '(MIL${TAB}.*|.*${TAB}MIL)'"
check "003: Armenia is not supported in 'поддерживаемому Арменией'" sh -c "! grep -q -E '${TAB}05[0-9]*${TAB}[^${TAB}]*${TAB}ARM${TAB}' s003.tsv"
check "003: the operation is not aimed at Azerbaijan's own region" sh -c "! grep -q -E '${TAB}AZE[A-Z]*${TAB}19[0-9]*${TAB}[^${TAB}]*${TAB}AZE${TAB}' s003.tsv"
check "003: 'мероприятия повысят интенсивность работы, ...' is no attack on Armenians" sh -c "! grep -q -E '${TAB}${TAB}19[0-9]*${TAB}[^${TAB}]*${TAB}ARM' s003.tsv"
check "no news agency is an actor in the seeds" sh -c "! cat s*.tsv | cut -f4,7 | grep -q -i -E '(tass|tasnim|armenpress|irna|apa|trend)'"
summary
