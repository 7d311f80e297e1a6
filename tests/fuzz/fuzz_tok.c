/* fuzz_tok.c: libFuzzer target for the tokenizer and sentence splitter. The
 * first byte picks the body start; every result is checked against the
 * documented invariants (ordered, non-empty, in-range spans; sentences that
 * tile the tokens, none longer than TOK_MAX_SENT). */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "tok.h"

static void check(const char *s, size_t n, size_t from, const tok_doc *d)
{
    size_t k, next = 0, prev = from;
    if ((d->ntokens == 0) != (d->nsents == 0))
        __builtin_trap();
    for (k = 0; k < d->ntokens; k++) {
        const tok_token *t = &d->tokens[k];
        if (t->span.start < prev || t->span.end <= t->span.start || t->span.end > n ||
            t->type < TOK_WORD || t->type > TOK_SYM)
            __builtin_trap();
        /* tokens never hold a line feed */
        if (memchr(s + t->span.start, '\n', t->span.end - t->span.start))
            __builtin_trap();
        prev = t->span.end;
    }
    for (k = 0; k < d->nsents; k++) {
        const tok_sent *st = &d->sents[k];
        if (st->first != next || st->count == 0 || st->count > TOK_MAX_SENT ||
            st->first + st->count > d->ntokens ||
            !(d->tokens[st->first].flags & TOK_SENT_START) ||
            st->span.start != d->tokens[st->first].span.start ||
            st->span.end != d->tokens[st->first + st->count - 1].span.end)
            __builtin_trap();
        next = st->first + st->count;
    }
    if (next != d->ntokens)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kr_arena *a;
    kr_error e;
    tok_doc d;
    size_t from;
    if (size == 0)
        return 0;
    from = data[0] < 0xF0 ? 0 : (size_t)(data[0] & 0x0F); /* mostly 0, sometimes a few bytes in */
    data++;
    size--;
    if (from > size)
        from = size;
    a = arena_new();
    if (!a)
        return 0;
    kr_error_clear(&e, "fuzz");
    if (tok_run((const char *)data, size, from, a, &d, &e) == 0)
        check((const char *)data, size, from, &d);
    else if (e.code != KR_ENOMEM)
        __builtin_trap();
    arena_free(a);
    return 0;
}
