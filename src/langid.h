/* langid.h: language identification, script first, then character n-grams
 * and short function words inside a script. */
#ifndef LANGID_H
#define LANGID_H

#include <stddef.h>

/* Identifies the language of the UTF-8 text s[0..n) (need not be valid; bad
 * bytes are skipped). Returns a static ISO 639-1 code: "en", "ru", "uk",
 * "az", "tr", "hy", "ka", "fa", "ar", "de", "fr", or "und" when unsure (too
 * little text, no clear winner). If conf is not NULL it gets a value in
 * [0,1]. Reads at most the first 64 KiB. */
const char *langid_detect(const char *s, size_t n, double *conf);

#endif
