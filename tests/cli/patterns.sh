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

# English vocabulary, a sentence for each family of phrases: demands
# reported as "X said that Y must", intents ("ready to", "agreed in
# principle"), concessions, hostile acts announced as plans (threats),
# strikes, alerts, and objects with a name in them ("a British tanker").
cat >>"$T/cases" <<'EOF'
v-must	1053	IRN	IRQ	Iran said on Monday that Iraq must release the detained sailors.
v-must2	1056	DEU	POL	Germany insisted that Poland must withdraw its troops.
v-push	020	GBR	DEU	Britain is pushing hard for Germany to back the plan.
v-asylum	0233	SYR	TUR	Thousands of Syrians sought asylum in Turkey.
v-principle	033	FRA	TCD	France agreed in principle on Monday to provide aid to Chad.
v-agreethat	030	PER	-	Peru agreed on Tuesday that the two countries would cooperate on fisheries.
v-concess	035	REB	-	The rebels offered concessions to the government.
v-troops	0334	EGY	KWT	Egypt offered its troops to Kuwait.
v-ready	0351	DZA	OPP	Algeria is ready to lift the ban on opposition rallies.
v-formula	037	NOR	-	Norway accepted a compromise on the fishing dispute.
v-welcome	043	KEN	UGA	Kenya gave a warm welcome on Friday to the Ugandan president.
v-mediation	045	QAT	SDN	Qatar launched a mediation effort between Sudan and Chad.
v-renew	040	ISR	SYR	Israel and Syria renewed negotiations on Monday.
v-defend	052	USA	ISR	The United States defended the right of Israel to respond.
v-expertise	060	CUB	VEN	Cuba has been sharing expertise with Venezuela.
v-intel	064	GBR	UKR	Britain is providing satellite imagery to Ukraine.
v-donate	07	USA	ARM	American charities donated blankets to Armenia.
v-evacuate	073	RUS	SYRCVL	Russia evacuated the wounded from Aleppo.
v-handover	073	CHE	NGO	Swiss doctors handed over 700 kg of medicine to the Red Crescent.
v-defeat	080	GEO	-	Georgia's ruling party conceded defeat in the elections.
v-bow	080	KEN	-	The Kenyan government bowed to pressure from the unions.
v-cancel	081	LVA	-	Latvia's Constitutional Court cancelled restrictions on the use of minority languages.
v-allow	081	-	TUR	The minister allowed opposition leader Kemal Kilicdaroglu to hold a rally.
v-freedoms	0811	TUN	-	Tunisia took steps to expand press freedoms.
v-curfew	0813	SDN	-	Sudan shortened by two hours the curfew in Khartoum.
v-unfreeze	085	USA	IRN	The United States unfroze Iranian assets.
v-pkf	0861	ARM	RUS	Armenia accepted Russian peacekeepers.
v-amnesty	0833	SDN	REB	Sudan granted amnesty to rebel fighters.
v-inspect	090	IGOIAE	IRN	The IAEA dispatched inspectors to Iran.
v-hearing	090	TUR	-	Turkey's constitutional court opened a hearing into the dissolution of the party.
v-question	120	JOR	SYR	Jordan says it will not accept any more Syrian refugees.
v-renege	120	PAK	-	Pakistan reneged on its promise to hold elections.
v-demands	124	USA	CRM	The United States would not meet the kidnappers' demands.
v-mediate	126	IND	NOR	India opposes Norwegian mediation.
v-fail	127	IND	-	India and Pakistan failed to agree on the water issue.
v-access	1245	IRN	IGOUNO	Iran denied UN inspectors access.
v-pkwithdraw	136	SYR	LBN	Syria will withdraw its peacekeepers from Lebanon unless the ceasefire holds.
v-halt	135	IGOEUR	-	The EU may halt mediation if the talks fail.
v-blockade	1381	IGONAT	SRB	NATO would tighten the naval blockade of Serbia.
v-martial	1324	IRQ	-	Iraq's interim government announced that it is prepared to impose martial law.
v-sworn	138	REB	-	The rebels have sworn to fight until they win.
v-sanction	1312	IGOEUR	BLR	The EU threatened Belarus with new sanctions.
v-nuclear	1385	PRK	USA	North Korea threatened to launch a nuclear strike against the United States.
v-tools	143	FRA	-	French dockers downed tools in Marseille.
v-strike	143	GRC	-	Thousands of Greek workers went on strike.
v-motorway	144	BEL	NLD	Angry Belgian farmers blocked the motorway to the Netherlands.
v-crowd	141	IRQ	-	Demonstrators in Baghdad marched to the ministry.
v-alert	152	ISR	PSE	Israeli troops remained on high alert in the West Bank.
v-patrols	151	PAK	PAKCOP	Pakistan ordered patrols by police in Karachi.
v-wargames	152	FRA	-	French warships launched war games in the Mediterranean.
v-hackers	155	PRK	-	North Korea has trained thousands of hackers.
v-links	160	ITA	SRB	Italy suspended air links with Serbia.
v-prohibit	162	USA	-	The United States would prohibit all aid to the Contras.
v-forceout	166	IDN	IGOUNO	Indonesia forced the UN refugee agency out of the country.
v-endmed	165	DZA	LBY	Algerian officers today ended mediation efforts between rival Libyan militias.
v-prevent	1721	TUR	EDU	Turkish police prevented a demonstration by Kurdish students.
v-publish	1721	NIC	OPP	Nicaragua ordered the opposition newspaper La Prensa to suspend publication.
v-arson	1712	ISR	-	Israeli settlers set fire to the offices of the Palestinian administration.
v-reimpose	191	ISR	PSE	Israel reimposed a blockade on Gaza.
v-homes	201	SRB	ALB	The Serbian army forced thousands of Albanians from their homes.
v-tanker	1711	IRN	GBR	Iranian authorities seized a British tanker.
v-withdraw	0874	ARM	-	Armenian forces withdrew from the Lachin corridor.
v-refugees	075	TUR	SYR	Turkey took in Syrian refugees.
EOF

# Sentence analysis around the patterns: quantity heads ("a group of",
# "thousands of"), "is prepared to" (no passive), "according to" (governs
# one noun phrase), role-only groups in a place, acts named in phrases of
# time or cause, lists ending in "and other ..." or a place.
cat >>"$T/cases" <<'EOF'
a-group	04	TUR	AZE	A group of Turkish diplomats visited Azerbaijan.
a-delegation	040	JPN	FRA	On Tuesday a delegation of Japanese lawmakers met with President Macron.
a-thousands	075	LBN	SYR	Lebanon received thousands of Syrian refugees.
a-abroad	051	ARM	MIL	Armenia thanked the peacekeepers in Karabakh.
a-committed	036	TUR	GRC	Turkey is committed to resume negotiations with Greece.
a-opposed	12	HUN	-	Hungary is opposed to the new sanctions.
a-prepared	13	ARM	AZE	Armenia is prepared to respond to any provocation by Azerbaijan.
a-according	02	FRA	DEU	According to several reports France is urging Germany to support the plan.
a-agency	112	ARM	AZE	According to Interfax Armenia accused Azerbaijan of shelling.
a-rebels	19	MLIREB	MIL	Rebels in Mali attacked a military convoy.
a-police	173	GEOCOP	CVL	Police in Georgia detained twenty activists.
a-amid	0831	GEO	-	The Georgian government resigned amid mass protests.
a-following	161	EGY	ISR	Egypt recalled its envoy from Israel after the killing of five soldiers.
a-other	10	-	CAN	The conference concluded that Canada and other wealthy nations must provide more aid.
a-inplace	1056	IGOEUR	ETH	The EU said that Ethiopia and the rebels in Tigray must stop the fighting.
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
aide-en	An aide to the Iraqi president visited Syria.
a-declared	Azerbaijan announced a partial mobilization.
a-their	Iran said its forces had withdrawn from the border.
a-after	Kenya declared a curfew after riots in Nairobi.
a-by	Two Turkish soldiers were killed by a roadside bomb.
a-twice	The Georgian government declared a week of mourning on Sunday, arresting three opposition activists, a spokeswoman for the embassy said.
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

has "an aide is no aid: 'an aide to ... visited Syria' is a visit" aide-en '$6 ~ /^04/ && $8 == "SYR"'
hasnt "an aide is no aid: no aid coded" aide-en '$6 ~ /^07/'
has "'will not accept' is a refusal, not a negated act" v-question '$6 ~ /^12/ && $12 == 0'
hasnt "'will withdraw its peacekeepers unless' is a threat, not a pull-out" v-pkwithdraw '$6 ~ /^16/'
hasnt "'said that Iraq must release': the demand covers the release" v-must '$6 == "0841"'
has "speech verb with an object: 'announced a partial mobilization' is done, not reported" a-declared '$6 == "154" && $11 == "actual" && $5 == "AZE"'
has "possessive: 'Iran said its forces had withdrawn': Iran's forces" a-their '$6 == "0874" && $5 == "IRNMIL"'
hasnt "setting: the protests the government resigned amid are not its own" a-amid '$6 ~ /^14/ && $5 ~ /^GEO/'
hasnt "setting: the riots a curfew followed are not Kenya's" a-after '$6 ~ /^14/ && $5 == "KEN"'
hasnt "setting: 'killed by a roadside bomb': the bombing is not the soldiers'" a-by '$6 ~ /^18/ && $5 ~ /^TUR/'
hasnt "merging: two speech verbs of one sentence are one statement, not more evidence" a-twice '$6 == "010" && $14 > 0.5'

summary
