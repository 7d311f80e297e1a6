/* fuzz_rd_jsonl.c: libFuzzer target for the JSON Lines reader (and through
 * it the JSON object parser): any bytes in, documents and rejections counted,
 * no crash, no leak, no read outside the input. */
#include <stdint.h>
#include <string.h>

#include "rd.h"

typedef struct counts {
    size_t docs, rejects;
} counts;

static int count_doc(void *ud, kr_doc *d)
{
    counts *c = ud;
    /* Touch every byte handed out so the sanitizers check the spans. */
    volatile unsigned char sink = 0;
    size_t i;
    for (i = 0; i < d->text.n; i++)
        sink ^= (unsigned char)d->text.p[i];
    for (i = 0; i < d->lang.n; i++)
        sink ^= (unsigned char)d->lang.p[i];
    for (i = 0; i < d->ext_id.n; i++)
        sink ^= (unsigned char)d->ext_id.p[i];
    (void)sink;
    c->docs++;
    return 0;
}

static void count_reject(void *ud, const kr_error *e)
{
    counts *c = ud;
    c->rejects++;
    /* A rejection always explains itself and names its line. */
    if (e->msg[0] == '\0' || e->line == 0)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    counts c = {0, 0};
    rd_sink sink = {count_doc, count_reject, &c};
    kr_arena *a = arena_new();
    kr_error err;
    if (!a)
        return 0;
    kr_error_clear(&err, "fuzz.jsonl");
    if (rd_jsonl("fuzz.jsonl", (const char *)data, size, a, &sink, &err) != 0)
        __builtin_trap(); /* only allocation failure may stop the reader */
    arena_free(a);
    return 0;
}
