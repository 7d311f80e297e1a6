/* norm.h: text normalization before storage: strict UTF-8, no BOM, LF line
 * endings, no control characters, Unicode NFC. Offsets everywhere in kronika
 * refer to the text this produces. */
#ifndef NORM_H
#define NORM_H

#include "kr.h"

/* Normalizes s[0..n) into `out` (appended to; out is reset first).
 * Rejects, with err->byte = offset in s:
 *   invalid UTF-8          KR_EUTF8   "invalid UTF-8 at byte N"
 *   NUL or C0 control      KR_EFORMAT "control character 0xNN at byte N (binary data?)"
 * Tab is kept; form feed and vertical tab become LF; CRLF and lone CR become
 * LF. A leading U+FEFF (BOM) is dropped. */
int norm_text(const char *s, size_t n, kr_buf *out, kr_error *err);

#endif
