/* ftstok.c: the FTS5 tokenizer. Each tokenizer instance owns a stem cache;
 * FTS5 creates one instance per table and connection, so no state is
 * shared between connections. */
#include "ftstok.h"

#include <string.h>

#include "fold.h"
#include "stem.h"

typedef struct ftstok {
    stem_cache *stem;
} ftstok;

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    ftstok *t = kr_calloc(1, sizeof *t);
    (void)ctx;
    (void)argv;
    (void)argc;
    if (!t || !(t->stem = stem_new())) {
        kr_free(t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p)
{
    ftstok *t = (ftstok *)p;
    if (t) {
        stem_free(t->stem);
        kr_free(t);
    }
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext,
                        int (*emit)(void *, int, const char *, int, int, int))
{
    ftstok *t = (ftstok *)p;
    char buf[FOLD_MAX_WORD + 8];
    size_t pos = 0, n = ntext > 0 ? (size_t)ntext : 0;
    fold_word w;
    while (fold_next(text, n, &pos, buf, &w)) {
        kr_str s = {buf, w.n};
        int rc;
        /* Queries arrive already stemmed (store.c builds them), so they
         * are only folded here; documents are folded and stemmed. */
        if (!(flags & FTS5_TOKENIZE_QUERY) && stem_word(t->stem, w.script, buf, w.n, &s))
            return SQLITE_NOMEM;
        rc = emit(ctx, 0, s.p, (int)s.n, (int)w.span.start, (int)w.span.end);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int ftstok_register(fts5_api *api)
{
    fts5_tokenizer tk = {tok_create, tok_delete, tok_tokenize};
    return api->xCreateTokenizer(api, "kronika", NULL, &tk, NULL);
}
