/* rd_text.c: the plain-text reader. One file is one report; its header
 * (date, place, agency, title line) is recognized later by doc_finish. */
#include "rd.h"

#include <string.h>

int rd_text(const char *path, const char *data, size_t n, kr_arena *a,
            const rd_sink *sink, kr_error *err)
{
    kr_doc d;
    size_t i;
    for (i = 0; i < n && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'); i++)
        ;
    if (i == n)
        return kr_errorf(err, KR_EFORMAT, n ? "no text (only white space)" : "empty file");
    if (n > RD_MAX_TEXT)
        return kr_errorf(err, KR_ELIMIT, "file too large for one report (%zu bytes, limit %zu)",
                         n, (size_t)RD_MAX_TEXT);
    memset(&d, 0, sizeof d);
    d.path = path;
    d.text.p = data;
    d.text.n = n;
    d.sniff = DOC_SNIFF_HEADER | DOC_SNIFF_LANG;
    (void)a;
    return sink->doc(sink->ud, &d);
}
