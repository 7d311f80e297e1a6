#!/bin/sh
# tests/patho/make_bad.sh DIR: writes a corpus of bad inputs (and a few good
# ones) into DIR, which must not exist yet or be empty. Everything is
# generated, deterministic and fast; nothing here is committed. What each
# file holds, and what kronika must say about it, is listed below and checked
# by tests/cli/badinput.sh.
#
#   bad_utf8.txt        valid Cyrillic text, byte 0xFF at byte 1000
#   utf8_cut.txt        ends inside a two-byte sequence (0xD0 as last byte, byte 53)
#   overlong.txt        overlong encoding C0 AF at byte 10
#   surrogate.txt       encoded surrogate ED A0 80 at byte 10
#   latin1.txt          Latin-1 text: 0xE1 ("á") at byte 36
#   nul.txt             NUL byte at byte 20
#   junk.txt            4096 pseudo-random bytes (fixed LCG, not urandom)
#   huge_line.txt       one 50 MB line of words
#   empty.txt           zero bytes
#   blank.txt           only spaces, tabs and line ends
#   truncated.html      a page cut in the middle of a tag
#   deep.html           100000 nested <div> around one paragraph
#   broken.jsonl        9 lines; 2 (cut JSON), 4 (not JSON), 6 (no "text"),
#                       8 ("\u0000" in the text) bad; 1, 3, 5, 7, 9 good
#   unreadable.txt      mode 000; when run as root (which reads it anyway) a
#                       dangling symlink instead
#   dangling.txt        symlink to a file that does not exist
#   self.txt            symlink to itself (ELOOP)
#   loopdir/loop        symlink to .. (a folder containing itself)
#   other/notes.docx    unsupported extension: ignored in a folder walk
#   other/photo.png     same
#   fifo.txt            a named pipe (not a regular file: skipped, never opened)
#   good1.txt           good English report
#   good2.txt           good Russian report
#   sub/deeper/good3.txt good report two folders down
set -e

if [ $# -ne 1 ]; then
    echo "usage: sh tests/patho/make_bad.sh DIR" >&2
    exit 2
fi
D=$1
mkdir -p "$D"
cd "$D"

# bad_utf8.txt: 24 x 41 bytes of Cyrillic and 16 ASCII bytes = 1000 bytes,
# then 0xFF.
i=0
: >bad_utf8.txt
while [ $i -lt 24 ]; do
    printf 'Министр прибыл в Баку. ' >>bad_utf8.txt
    i=$((i + 1))
done
printf 'ASCII filler 16.' >>bad_utf8.txt
printf '\377 and the rest of the report goes on after the bad byte.\n' >>bad_utf8.txt

# utf8_cut.txt: 53 bytes of text, then a lead byte with no continuation.
printf 'Переговоры прошли в Ереване. \320' >utf8_cut.txt

# overlong.txt / surrogate.txt: the bad sequence at byte 10.
printf 'Overlong: \300\257 slash.\n' >overlong.txt
printf 'Surrogat: \355\240\200 half a pair.\n' >surrogate.txt

# latin1.txt: "Bogot\341" in ISO-8859-1.
printf 'The president met the press in Bogot\341 on Monday and spoke about trade.\n' >latin1.txt

# nul.txt: NUL at byte 20.
printf 'Twenty bytes of text\000 and then more text after the NUL.\n' >nul.txt

# junk.txt: 4096 bytes from a linear congruential generator (fixed seed).
printf "$(awk 'BEGIN {
    x = 12345
    for (i = 0; i < 4096; i++) {
        x = (x * 1103515245 + 12345) % 2147483648
        printf "\\%03o", int(x / 65536) % 256
    }
}')" >junk.txt

# huge_line.txt: 50 MB, one line.
yes 'lorem ipsum dolor sit amet' | tr -d '\n' | head -c 52428800 >huge_line.txt

: >empty.txt
printf '   \n\t\n  \r\n\n' >blank.txt

# truncated.html: the page ends inside an <a> tag (no final line end).
{
    cat <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><title>Ministers meet in Tbilisi</title></head>
<body><article><p>TBILISI, May 4. The foreign ministers of Georgia and Armenia met in Tbilisi on Thursday and discussed border crossings, transit trade and the reopening of the railway link between the two countries.</p>
EOF
    printf '%s' '<p>Both ministers said the talks were constructive and agreed to meet again in Yerevan in the autumn, the Georgian Foreign Ministry said in a statement published after the <a hr'
} >truncated.html

# deep.html: 100000 nested divs around a paragraph.
{
    printf '<!DOCTYPE html>\n<html lang="en"><head><title>Deep page</title></head><body>'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div>" }'
    printf '<p>The parliament approved the budget for next year after a long debate on Wednesday, the speaker said.</p>'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "</div>" }'
    printf '</body></html>\n'
} >deep.html

# broken.jsonl: good records on lines 1, 3, 5, 7, 9.
cat >broken.jsonl <<'EOF'
{"id": "ok-1", "text": "The central bank raised its key interest rate by half a point on Friday, citing inflation.", "lang": "en"}
{"id": "bad-2", "text": "This line stops in the middle of a stri
{"id": "ok-3", "text": "Парламент одобрил бюджет на следующий год после долгих обсуждений в среду."}
this line is not JSON at all
{"id": "ok-5", "text": "Rescue teams reached the villages cut off by the floods in the north of the country on Sunday."}
{"id": "bad-6", "title": "A record with a title and no text"}
{"id": "ok-7", "text": "The two leaders spoke by telephone and agreed to meet at the summit next month."}
{"id": "bad-8", "text": "A NUL character \u0000 hides in this text, which is not allowed in stored text."}
{"id": "ok-9", "text": "Snow closed the mountain pass between the two regions for the third day in a row."}
EOF

# unreadable.txt: mode 000, or a dangling symlink when root would read it.
if [ "$(id -u)" -eq 0 ]; then
    ln -s does-not-exist/unreadable.txt unreadable.txt
else
    printf 'You cannot read this report.\n' >unreadable.txt
    chmod 000 unreadable.txt
fi
ln -s no-such-file.txt dangling.txt
ln -s self.txt self.txt
mkdir loopdir
ln -s .. loopdir/loop

mkdir other
printf 'PK\003\004 not really a word file' >other/notes.docx
printf '\211PNG\r\n\032\n' >other/photo.png
if command -v mkfifo >/dev/null 2>&1; then
    mkfifo fifo.txt
fi

cat >good1.txt <<'EOF'
ASHGABAT, April 2. /TASS/. The presidents of Turkmenistan and Uzbekistan signed an agreement on water sharing on the Amu Darya and discussed new rail links between the two countries.
EOF
cat >good2.txt <<'EOF'
Правительство Казахстана утвердило программу строительства новых дорог на ближайшие пять лет, сообщила пресс-служба кабинета министров.
EOF
mkdir -p sub/deeper
cat >sub/deeper/good3.txt <<'EOF'
Farmers in the south of the country began the grain harvest two weeks earlier than usual because of the hot and dry weather, the agriculture ministry said on Tuesday.
EOF
