#!/bin/sh
# tests/cli/patterns.sh: the event patterns of lexicon/events/en.txt and
# ru.txt on sentences written for this test, at least one per CAMEO root in
# each language. Each sentence goes through `kronika code --format tsv`; the
# event kronika is surest of must have the expected code, source and target.
# Then the sentence analysis the patterns rely on: negation, intent,
# reported events, refusals, passives, coordinated actors, Russian cases.
. "$(dirname "$0")/lib.sh"

LEX=$ROOT/lexicon/events

# --- the pattern files ------------------------------------------------------

# Distinct codes with a pattern line, and their roots.
for lang in en ru; do
    awk '/^[0-9][0-9][0-9]?[0-9]?[ \t]/ { print $1 }' "$LEX/$lang.txt" | sort -u >"$T/codes.$lang"
    n=$(wc -l <"$T/codes.$lang" | tr -d ' ')
    roots=$(cut -c1-2 "$T/codes.$lang" | sort -u | wc -l | tr -d ' ')
    if [ "$n" -ge 150 ]; then
        pass "$lang patterns cover 150 codes or more ($n)"
    else
        fail "$lang patterns cover 150 codes or more" "$n"
    fi
    eq "$lang roots with patterns" "$roots" 20
done

# --- one event per sentence -------------------------------------------------
# ID, code (a prefix: "19" is any code of root 19), source and target actor
# codes (prefixes; "-" for no actor), then the sentence.
cat >"$T/cases" <<'EOF'
en01	012	FRA	-	France expressed concern over the situation in Niger.
en02	025	DEU	IRN	Germany urged Iran to release the detained journalists.
en03	033	JPN	TUR	Japan pledged to provide humanitarian aid to Turkey.
en04	040	RUS	TUR	Russian President Vladimir Putin met with Turkish President Recep Tayyip Erdogan in Sochi.
en05	051	USA	IND	The United States praised India for its efforts.
en06	062	CHN	-	China and Pakistan held joint military exercises.
en07	073	SAU	SDN	Saudi Arabia sent humanitarian aid to Sudan.
en08	0841	PSE	ISR	Hamas released ten Israeli hostages.
en09	09	UKR	-	Ukraine launched an investigation into the attack.
en10	1056	POL	BLR	Poland demanded that Belarus withdraw its troops from the border.
en11	1123	RUS	UKR	Russia accused Ukraine of shelling the nuclear plant.
en12	12	ISR	-	Israel rejected the ceasefire proposal.
en13	1312	CHN	LTU	China threatened to impose sanctions on Lithuania.
en14	141	GEO	-	Thousands of Georgians protested in Tbilisi.
en15	150	RUS	UKR	Russia deployed troops to the border with Ukraine.
en16	163	IGOEUR	BLR	The European Union imposed sanctions on Belarus.
en17	173	TUR	-	Turkish police arrested dozens of Kurdish politicians.
en18	181	NGA	CHN	Nigerian gunmen kidnapped Chinese workers.
en19	195	ISR	PSE	Israel launched airstrikes against Hamas in Gaza.
en20	2041	SYR	-	Syria used chemical weapons against its own people.
ru01	012	RUS	-	Россия выразила обеспокоенность ситуацией в Нигере.
ru02	025	FRA	IRN	Франция призвала Иран освободить журналистов.
ru03	033	JPN	TUR	Япония пообещала выделить Турции гуманитарную помощь.
ru04	040	RUS	IRN	Лавров встретился с министром иностранных дел Ирана.
ru05	051	RUS	KAZ	Путин поздравил Токаева с победой на выборах.
ru06	062	CHN	-	Китай и Пакистан провели совместные учения.
ru07	073	RUS	SYR	Россия направила гуманитарную помощь в Сирию.
ru08	0841	PSE	ISR	ХАМАС освободил израильских заложников.
ru09	09	RUS	-	Следственный комитет России начал расследование нападения.
ru10	1056	POL	BLR	Польша потребовала от Белоруссии вывести войска от границы.
ru11	1123	RUS	UKR	Россия обвинила Украину в обстреле Запорожской АЭС.
ru12	12	IRN	USA	Иран отверг предложение США.
ru13	1312	CHN	LTU	Китай пригрозил ввести санкции против Литвы.
ru14	141	GEO	-	Тысячи грузин вышли на митинг в Тбилиси.
ru15	150	RUS	UKR	Россия перебросила войска к границе с Украиной.
ru16	163	IGOEUR	BLR	Евросоюз ввел санкции против Белоруссии.
ru17	173	TUR	-	Полиция Турции задержала курдских политиков.
ru18	19	ISR	LBN	Израиль нанес удар по позициям Хезболлы в Ливане.
ru19	194	AZE	ARM	Азербайджан обстрелял армянские позиции.
ru20	2041	SYR	-	Сирия применила химическое оружие.
EOF

# --- the analysis ---------------------------------------------------------------
cat >"$T/analysis" <<'EOF'
neg-en	Armenia did not meet Azerbaijan.
neg-ru	Армения не встретилась с Азербайджаном.
intent-en	Putin will visit China next week.
intent-ru	Путин посетит Китай.
reported-en	Russia reportedly attacked Ukraine.
reported-ru	Россия якобы атаковала Украину.
refuse-en	Pakistan refused to attend the summit with India.
refuse-ru	Азербайджан отказался от участия в переговорах с Арменией.
passive-en	Israel was attacked by Iran.
coord-en	Russia and Iran signed a trade agreement.
coord-ru	Россия и Иран подписали торговое соглашение.
sym-en	Armenia and Azerbaijan held talks in Brussels.
case-ru	Министр иностранных дел России встретился с главой МИД Турции.
EOF

awk -F'\t' '{ printf "{\"id\": \"%s\", \"text\": \"%s\", \"date\": \"2024-01-10\"}\n", $1, $NF }' \
    "$T/cases" "$T/analysis" >"$T/in.jsonl"
run_in "$T/in.jsonl" kr code --format tsv
if [ "$RC" -eq 0 ] && [ -s "$T/out" ]; then
    pass "kronika code --format tsv"
else
    fail "kronika code --format tsv" "exit $RC; stderr: $(head -c 300 "$T/err")"
fi
cp "$T/out" "$T/events"


# prefix_ok GOT WANT: WANT is a prefix of GOT; "-" wants GOT empty.
prefix_ok() {
    if [ "$2" = "-" ]; then
        [ -z "$1" ]
    else
        case $1 in
        "$2"*) return 0 ;;
        *) return 1 ;;
        esac
    fi
}

while IFS='	' read -r id code src tgt text; do
    line=$(best_event "$id" "$T/events")
    if [ -z "$line" ]; then
        fail "$id: $code $src -> $tgt" "no event for: $text"
        continue
    fi
    got_code=$(printf '%s\n' "$line" | cut -f6)
    got_src=$(printf '%s\n' "$line" | cut -f5)
    got_tgt=$(printf '%s\n' "$line" | cut -f8)
    if prefix_ok "$got_code" "$code" && prefix_ok "$got_src" "$src" && prefix_ok "$got_tgt" "$tgt"; then
        pass "$id: $code $src -> $tgt"
    else
        fail "$id: $code $src -> $tgt" "got $got_code $got_src -> ${got_tgt:--} for: $text"
    fi
done <"$T/cases"

# has NAME DOC AWK-CONDITION: some event of DOC satisfies the condition
# (fields: $5 source code, $6 CAMEO code, $8 target code, $11 mode, $12
# negated).
has() {
    if awk -F'\t' -v doc="$2" "\$2 == doc && ($3) { found = 1 } END { exit !found }" "$T/events"; then
        pass "$1"
    else
        fail "$1" "events: $(awk -F'\t' -v doc="$2" '$2 == doc { printf "%s %s->%s %s neg=%s; ", $6, $5, $8, $11, $12 }' "$T/events")"
    fi
}

# hasnt NAME DOC AWK-CONDITION: no event of DOC satisfies the condition.
hasnt() {
    if awk -F'\t' -v doc="$2" "\$2 == doc && ($3) { found = 1 } END { exit !found }" "$T/events"; then
        fail "$1" "events: $(awk -F'\t' -v doc="$2" '$2 == doc { printf "%s %s->%s %s; ", $6, $5, $8, $11 }' "$T/events")"
    else
        pass "$1"
    fi
}

has "negation: 'did not meet' is a negated meeting" neg-en '$6 == "040" && $12 == 1 && $5 == "ARM" && $8 == "AZE"'
has "negation: 'не встретилась' is a negated meeting" neg-ru '$6 == "040" && $12 == 1 && $5 == "ARM" && $8 == "AZE"'
has "intent: 'will visit' is meant, not done" intent-en '$6 ~ /^0[34]/ && $11 == "intent" && $8 == "CHN"'
has "intent: the perfective future 'посетит'" intent-ru '$6 == "042" && $11 == "intent" && $8 == "CHN"'
has "reported: 'reportedly attacked'" reported-en '$6 ~ /^19/ && $11 == "reported" && $5 == "RUS" && $8 == "UKR"'
has "reported: 'якобы атаковала'" reported-ru '$6 ~ /^19/ && $11 == "reported" && $5 == "RUS" && $8 == "UKR"'
has "refusal: 'refused to attend' is a rejection" refuse-en '$6 ~ /^12/ && $5 == "PAK"'
hasnt "refusal: no meeting coded for 'refused to attend'" refuse-en '$6 ~ /^04/'
has "refusal: 'отказался от участия' is a rejection" refuse-ru '$6 ~ /^12/ && $5 == "AZE"'
hasnt "refusal: no meeting coded for 'отказался от участия'" refuse-ru '$6 ~ /^04/'
has "passive: 'was attacked by Iran': Iran attacks Israel" passive-en '$6 ~ /^19/ && $5 == "IRN" && $8 == "ISR"'
has "coordination: Russia signs" coord-en '$6 ~ /^0[56]/ && ($5 == "RUS" || $8 == "RUS")'
has "coordination: Iran signs" coord-en '$6 ~ /^0[56]/ && ($5 == "IRN" || $8 == "IRN")'
has "coordination: Россия подписала" coord-ru '$6 ~ /^0[56]/ && ($5 == "RUS" || $8 == "RUS")'
has "coordination: Иран подписал" coord-ru '$6 ~ /^0[56]/ && ($5 == "IRN" || $8 == "IRN")'
has "symmetric: 'X and Y held talks' pairs them" sym-en '$6 == "040" && (($5 == "ARM" && $8 == "AZE") || ($5 == "AZE" && $8 == "ARM"))'
has "case roles: 'встретился с' + instrumental is the counterpart" case-ru '$6 == "040" && $5 ~ /^RUS/ && $8 ~ /^TUR/'

summary
