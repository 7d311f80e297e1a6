/* fuzz_rd_html.c: libFuzzer target for the HTML reader (and through it
 * libxml2's HTML parser and the pre-scan): any bytes in, at most one
 * document out, no crash, no leak; the text handed out is clean. */
#include <stdint.h>
#include <string.h>

#include "rd.h"
#include "utf8.h"

typedef struct counts {
    size_t docs;
} counts;

static void check_str(kr_str s)
{
    size_t bad;
    if (s.n && (!s.p || utf8_validate(s.p, s.n, &bad) != 0))
        __builtin_trap();
}

static int count_doc(void *ud, kr_doc *d)
{
    counts *c = ud;
    size_t i;
    /* The text: not empty, valid UTF-8, no control but newline, no blank
     * at either end, at most one empty line in a row. */
    if (d->text.n == 0 || d->text.n > RD_MAX_TEXT)
        __builtin_trap();
    check_str(d->text);
    for (i = 0; i < d->text.n; i++) {
        unsigned char b = (unsigned char)d->text.p[i];
        if ((b < 0x20 && b != '\n') || b == 0x7F)
            __builtin_trap();
        if (b == '\n' && i + 2 < d->text.n && d->text.p[i + 1] == '\n' &&
            d->text.p[i + 2] == '\n')
            __builtin_trap();
    }
    if (d->text.p[0] == ' ' || d->text.p[0] == '\n' ||
        d->text.p[d->text.n - 1] == ' ' || d->text.p[d->text.n - 1] == '\n')
        __builtin_trap();
    check_str(d->title);
    check_str(d->url);
    check_str(d->source);
    if (d->lang.n != 0 && (d->lang.n < 2 || d->lang.n > 3))
        __builtin_trap();
    for (i = 0; i < d->lang.n; i++)
        if (d->lang.p[i] < 'a' || d->lang.p[i] > 'z')
            __builtin_trap();
    if (d->date.y != 0 && !date_valid(d->date))
        __builtin_trap();
    if (!(d->sniff & DOC_SNIFF_LANG) != (d->lang.n != 0) ||
        !(d->sniff & DOC_SNIFF_HEADER) != (d->date.y != 0))
        __builtin_trap();
    c->docs++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    counts c = {0};
    rd_sink sink = {count_doc, NULL, &c};
    kr_arena *a = arena_new();
    kr_error err;
    int rc;
    if (!a)
        return 0;
    kr_error_clear(&err, "fuzz.html");
    rc = rd_html("fuzz.html", (const char *)data, size, a, &sink, &err);
    /* Success means exactly one document; failure none, and a reason. */
    if (rc == 0 ? c.docs != 1 : c.docs != 0 || err.code != rc || err.msg[0] == '\0')
        __builtin_trap();
    if (rc != 0 && rc != KR_EUTF8 && rc != KR_EFORMAT && rc != KR_ELIMIT)
        __builtin_trap();
    arena_free(a);
    return 0;
}
