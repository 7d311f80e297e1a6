#!/bin/sh
# tests/cli/lexicon_history.sh: the built-in lexicon reaches back before
# 2010: a person named in a report takes the post held on the report's date
# (in English and in Russian), and only the state once out of office;
# former names of organizations code as the organization.
. "$(dirname "$0")/lib.sh"
TAB=$(printf '\t')

cat >h.jsonl <<'TXT'
{"id": "e95", "date": "1995-03-10", "text": "President Bill Clinton criticized Iraq on Friday."}
{"id": "e15", "date": "2015-03-10", "text": "Bill Clinton criticized Iraq on Friday."}
{"id": "r95", "date": "1995-03-10", "text": "Борис Ельцин раскритиковал НАТО."}
{"id": "r15", "date": "2015-03-10", "text": "Борис Ельцин раскритиковал НАТО."}
{"id": "u05", "date": "2005-06-01", "text": "Kofi Annan criticized Iraq on Wednesday."}
{"id": "o90", "date": "1990-05-02", "text": "The Security Council condemned Iraq. The European Community imposed sanctions on South Africa."}
TXT
expect_exit 0 kr code --format tsv h.jsonl
# has DOC SOURCE CODE: the document's event has that source and code
has() {
    check "$1: $2 is $3" grep -q -E "^[0-9a-f]{16}${TAB}$1${TAB}[^${TAB}]*${TAB}$2${TAB}$3${TAB}" "$T/out"
}
has e95 bill-clinton USAGOV
has e15 bill-clinton USA
has r95 boris-yeltsin RUSGOV
has r15 boris-yeltsin RUS
has u05 kofi-annan IGOUNO
has o90 un-security-council IGOUNO[A-Z]*
has o90 european-community IGOEUR

summary
