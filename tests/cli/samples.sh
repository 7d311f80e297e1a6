#!/bin/sh
# tests/cli/samples.sh: ingests the bundled samples/ folder and checks what
# samples/README.md states about each file: language, header date, dateline
# and agency, the HTML page's title and date, the JSON Lines records, and
# search over Russian inflected names.
. "$(dirname "$0")/lib.sh"

S=$ROOT/samples
if [ ! -d "$S" ]; then
    fail "samples folder" "$S not found"
    summary
    exit 1
fi

# Documents expected: one per .txt/.html/.htm file, one per JSON Lines record.
nfiles=0
for f in "$S"/*.txt "$S"/*.html "$S"/*.htm; do
    [ -f "$f" ] && nfiles=$((nfiles + 1))
done
nrecords=0
for f in "$S"/*.jsonl; do
    [ -f "$f" ] && nrecords=$((nrecords + $(grep -c '[^[:space:]]' "$f")))
done
eq "sample report files" "$nfiles" 17
want=$((nfiles + nrecords))

t0=$(now_ms)
expect_exit 0 kr ingest --db s.db "$S"
echo "ingest of samples/: $(($(now_ms) - t0)) ms"
no_stderr
eq "new documents" "$(ingested new)" "$want"
eq "documents in the database" "$(ingested total)" "$want"
eq "rejected" "$(ingested rejected)" 0

run kr docs --db s.db --format jsonl
cp "$T/out" docs.jsonl
eq "docs lists every document" "$(wc -l <docs.jsonl | tr -d ' ')" "$want"

# Every file's language tag (NN_LANG_...) is its document's language.
for f in "$S"/[0-9]*_en_* "$S"/[0-9]*_ru_*; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    tag=$(echo "$name" | sed 's/^[0-9]*_\([a-z][a-z]\)_.*/\1/')
    line=$(grep -F "/$name\"" docs.jsonl)
    if [ -z "$line" ]; then
        fail "$name stored"
        continue
    fi
    eq "$name: lang" "$(echo "$line" | jget lang)" "$tag"
done

# field NAME LINE GOT ALTERNATIVES: ALTERNATIVES is ';'-separated; empty
# means no expectation.
field() {
    [ -n "$4" ] || return 0
    _ok=0
    _ifs=$IFS
    IFS=';'
    for _alt in $4; do
        [ "$3" = "$_alt" ] && _ok=1
    done
    IFS=$_ifs
    if [ "$_ok" -eq 1 ]; then
        pass "$1: $2 = $3"
    else
        fail "$1: $2 in {$4}" "got '$3'"
    fi
}

# What samples/README.md states for each report file: date, dateline,
# agency, title (';' separates values accepted; for a header without a
# year, no date or the real date; a dateline or agency may be kept in the
# text's script or given its usual Latin name).
while IFS='|' read -r file date dateline agency title; do
    [ -n "$file" ] || continue
    line=$(grep -F "/$file\"" docs.jsonl)
    if [ -z "$line" ]; then
        fail "$file stored"
        continue
    fi
    field "$file" date "$(echo "$line" | jget date)" "$date"
    field "$file" dateline "$(echo "$line" | jget dateline)" "$dateline"
    field "$file" agency "$(echo "$line" | jget agency)" "$agency"
    field "$file" title "$(echo "$line" | jget title)" "$title"
done <<'EOF'
01_ru_tass_moscow_ceasefire.txt|null;2020-11-10|Москва;Moscow|TASS;ТАСС|
02_en_az_shusha_declaration.txt|2021-06-15|null|null|Aliyev and Erdogan sign Shusha Declaration on allied relations
03_ru_dateline_moscow_3plus3.txt|2021-12-10||null|
04_en_armenpress_vienna_envoys.txt|null;2022-07-01|Yerevan|Armenpress|
05_en_armenpress_kapan_consulate.txt|null;2022-10-21|Kapan|Armenpress|
06_en_noheader_prague_quadrilateral.txt|null;2022-10-06|null|null|
07_ru_ria_moscow_lavrov_trilateral.txt|null;2023-05-19|Москва;Moscow|RIA Novosti;РИА Новости|
08_ru_az_nakhchivan_erdogan_aliyev.txt|2023-09-25||null|Алиев и Эрдоган провели переговоры в Нахчыване
09_en_tass_tehran_3plus3.txt|2023-10-23|Tehran|TASS|
10_en_armenpress_csto_freeze.txt|null;2024-02-23|Yerevan|Armenpress|
11_ru_ria_baku_peacekeepers.txt|null;2024-04-17|Баку;Baku|RIA Novosti;РИА Новости|
12_ru_dateline_raisi_condolences.txt|2024-05-20||null|
13_en_tass_yerevan_protest.txt|2024-06-12|Yerevan|TASS|
14_en_tass_istanbul_3plus3.txt|2024-10-18|Istanbul|TASS|
15_en_noheader_washington_summit.txt|null;2025-08-08|null|null|
16_ru_noheader_minsk_group.txt|null;2025-09-01|null|null|
17_en_news_page.html|2024-12-01|||
EOF

# The header is not part of the body that show prints.
id09=$(grep -F '/09_en_tass_tehran_3plus3.txt"' docs.jsonl | jget id)
run kr show --db s.db "$id09"
unmark
check "09: body starts after the header" sh -c "sed -n '/^\$/,\$p' '$T/out' | grep -q -E '^The foreign ministers of Russia'"
check "09: the header line is not in the body" sh -c "! sed -n '/^\$/,\$p' '$T/out' | grep -q '/TASS/'"

# --- the HTML page ------------------------------------------------------------

html=$(grep -F '/17_en_news_page.html"' docs.jsonl)
if [ -z "$html" ]; then
    fail "17_en_news_page.html stored"
else
    eq "17 html: lang" "$(echo "$html" | jget lang)" en
    title=$(echo "$html" | jget title)
    case $title in
    "EU regrets Tbilisi's decision to shelve accession talks"*) pass "17 html: title from the page" ;;
    *) fail "17 html: title from the page" "got '$title'" ;;
    esac
    eq "17 html: date" "$(echo "$html" | jget date)" 2024-12-01
    run kr show --db s.db "$(echo "$html" | jget id)"
    unmark
    expect_stdout 'Kallas and Kos condemned the violence'
    expect_stdout 'President Salome Zourabichvili'
    for junk in 'Most read' 'Related news' 'All rights reserved' 'Privacy policy' 'Heavy snow closes' 'addEventListener' 'dataLayer'; do
        check "17 html: boilerplate '$junk' dropped" sh -c "! grep -q -F '$junk' '$T/out'"
    done
fi

# --- the JSON Lines records -------------------------------------------------------

while IFS='|' read -r title lang date; do
    [ -n "$title" ] || continue
    line=$(grep -F "\"title\": \"$title\"" docs.jsonl)
    if [ -z "$line" ]; then
        fail "jsonl record '$title' stored"
        continue
    fi
    eq "jsonl '$title': lang" "$(echo "$line" | jget lang)" "$lang"
    eq "jsonl '$title': date" "$(echo "$line" | jget date)" "$date"
done <<'EOF'
Michel hosts Aliyev and Pashinyan in Brussels|en|2023-05-14
Pashinyan offers condolences after four soldiers killed on border|en|2024-02-15
Велаяти пригрозил сорвать проект маршрута через Сюник|ru|2025-08-09
Грузия не примет участия во встрече «3+3» в Тегеране|ru|2023-10-22
EOF

# --- search -------------------------------------------------------------------------

# search_lists QUERY FILE: the search lists FILE's document.
search_lists() {
    run kr search --db s.db --format csv "$1"
    [ "$RC" -eq 0 ] && grep -q -F "/$2," "$T/out"
}
check "search пашинян finds 'Никола Пашиняна' (07)" search_lists пашинян 07_ru_ria_moscow_lavrov_trilateral.txt
check "search Пашиняну finds 'Пашиняна' (07)" search_lists Пашиняну 07_ru_ria_moscow_lavrov_trilateral.txt
check "search эрдогана finds 'Эрдоган' (03)" search_lists эрдогана 03_ru_dateline_moscow_3plus3.txt
check "search нахчыван finds 'в Нахчыване' (08)" search_lists нахчыван 08_ru_az_nakhchivan_erdogan_aliyev.txt
check "search лавровым finds 'Лавров' (07)" search_lists лавровым 07_ru_ria_moscow_lavrov_trilateral.txt
run kr search --db s.db --format csv пашинян
eq "search пашинян: status" "$RC" 0
check "search пашинян: several Russian documents" test "$(grep -c '_ru_' "$T/out")" -ge 3

# --- a second ingest adds nothing -----------------------------------------------------

expect_exit 0 kr ingest --db s.db "$S"
eq "second ingest: new" "$(ingested new)" 0
eq "second ingest: total" "$(ingested total)" "$want"

summary
