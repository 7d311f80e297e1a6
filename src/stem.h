/* stem.h: Snowball stemming of folded words (English for Latin script,
 * Russian for Cyrillic) behind a bounded cache, since stemming costs far
 * more than a hash lookup and news vocabulary repeats. A stem is a matching
 * key, not a lemma. */
#ifndef STEM_H
#define STEM_H

#include "kr.h"

typedef struct stem_cache stem_cache;

/* Creates the stemmers and an empty cache; NULL on failure. */
stem_cache *stem_new(void);
void stem_free(stem_cache *c); /* stem_free(NULL) is a no-op */

/* Stems the folded word w[0..n) written in `script` (FOLD_* bits from
 * fold.h): pure Latin words get the English stemmer, pure Cyrillic ones the
 * Russian stemmer, anything else is returned unchanged. *out is borrowed
 * from the cache and valid until the next call. Returns 0 or KR_ENOMEM. */
int stem_word(stem_cache *c, unsigned script, const char *w, size_t n, kr_str *out);

#endif
