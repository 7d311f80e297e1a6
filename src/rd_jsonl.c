/* rd_jsonl.c: the JSON Lines reader (SPEC section 2): one document a line
 * with `text` required and `id`, `title`, `date`, `url`, `source`, `lang`
 * optional. A bad line is rejected through the sink and reading goes on. */
#include "rd.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "json.h"

/* Longest line parsed at all: a text at the limit may grow by escaping. */
#define LINE_MAX_BYTES (RD_MAX_TEXT * 2)
/* Longest language tag kept ("en", "pt-br", "zh-hant"). */
#define LANG_MAX 8

/* Hands one rejected line to the sink; `byte` is the offset in the line. */
static void reject(const rd_sink *sink, const char *path, size_t line,
                   size_t byte, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static void reject(const rd_sink *sink, const char *path, size_t line,
                   size_t byte, int code, const char *fmt, ...)
{
    kr_error e;
    va_list ap;
    if (!sink->reject)
        return;
    kr_error_clear(&e, path);
    e.code = code;
    e.line = line;
    e.byte = byte;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    sink->reject(sink->ud, &e);
}

static const char *type_name(json_type t)
{
    switch (t) {
    case JSON_NULL: return "null";
    case JSON_BOOL: return "a boolean";
    case JSON_NUMBER: return "a number";
    case JSON_STRING: return "a string";
    case JSON_ARRAY: return "an array";
    case JSON_OBJECT: return "an object";
    }
    return "a value";
}

/* A language tag we keep: a 2-3 letter primary subtag, then subtags of
 * letters and digits after '-' or '_', LANG_MAX bytes at most. */
static int lang_ok(kr_str s)
{
    size_t i = 0, run = 0;
    if (s.n == 0 || s.n > LANG_MAX)
        return 0;
    while (i < s.n && kr_isalpha((unsigned char)s.p[i]))
        i++;
    if (i < 2 || i > 3)
        return 0;
    for (; i < s.n; i++) {
        unsigned char c = (unsigned char)s.p[i];
        if (c == '-' || c == '_') {
            if (i + 1 == s.n || (run == 0 && i > 3))
                return 0;
            run = 0;
        } else if (kr_isalpha(c) || kr_isdigit(c)) {
            run++;
        } else {
            return 0;
        }
    }
    return 1;
}

static int nomem(kr_error *err, size_t lineno)
{
    kr_errorf(err, KR_ENOMEM, "out of memory reading line %zu", lineno);
    if (err)
        err->line = lineno;
    return KR_ENOMEM;
}

/* Outcome of reading one line into a document. */
enum { LINE_DOC, LINE_REJECTED };

/* Fills *d from the record on line `lineno` (s[0..n)), or rejects it.
 * Returns LINE_DOC, LINE_REJECTED, or a fatal KR_E* code with err filled. */
static int read_record(const char *path, size_t lineno, const char *s,
                       size_t n, kr_arena *a, const rd_sink *sink, kr_doc *d,
                       kr_error *err)
{
    static const char *const opt_str[] = {"title", "url", "source", "lang", "date"};
    json_member *m;
    const json_member *f, *text, *id, *date, *lang;
    size_t count, k;
    kr_error je;
    int rc;

    kr_error_clear(&je, path);
    rc = json_parse_object(s, n, a, &m, &count, &je);
    if (rc == KR_ENOMEM)
        return nomem(err, lineno);
    if (rc < 0) {
        reject(sink, path, lineno, je.byte, rc, "%s", je.msg);
        return LINE_REJECTED;
    }

    /* Wrong types are rejected rather than guessed at; null means "not
     * given", as JSON producers write it for missing fields. */
    text = json_get(m, count, "text");
    if (!text) {
        reject(sink, path, lineno, 0, KR_EFORMAT, "missing \"text\"");
        return LINE_REJECTED;
    }
    if (text->type != JSON_STRING) {
        reject(sink, path, lineno, (size_t)(text->val.p - s), KR_EFORMAT,
               "\"text\" must be a string, not %s", type_name(text->type));
        return LINE_REJECTED;
    }
    if (kr_blank(text->val.p, text->val.n)) {
        reject(sink, path, lineno, 0, KR_EFORMAT, "empty \"text\"");
        return LINE_REJECTED;
    }
    if (text->val.n > RD_MAX_TEXT) {
        reject(sink, path, lineno, 0, KR_ELIMIT,
               "text too long (%zu bytes, limit %zu)", text->val.n, RD_MAX_TEXT);
        return LINE_REJECTED;
    }
    for (k = 0; k < sizeof opt_str / sizeof opt_str[0]; k++) {
        f = json_get(m, count, opt_str[k]);
        if (f && f->type != JSON_STRING && f->type != JSON_NULL) {
            reject(sink, path, lineno, (size_t)(f->val.p - s), KR_EFORMAT,
                   "\"%s\" must be a string, not %s", opt_str[k], type_name(f->type));
            return LINE_REJECTED;
        }
    }
    id = json_get(m, count, "id");
    if (id && id->type != JSON_STRING && id->type != JSON_NUMBER && id->type != JSON_NULL) {
        reject(sink, path, lineno, (size_t)(id->val.p - s), KR_EFORMAT,
               "\"id\" must be a string or a number, not %s", type_name(id->type));
        return LINE_REJECTED;
    }

    d->path = path;
    d->line = lineno;
    d->text = text->val;
    if ((f = json_get(m, count, "title")) && f->type == JSON_STRING)
        d->title = f->val;
    if ((f = json_get(m, count, "url")) && f->type == JSON_STRING)
        d->url = f->val;
    if ((f = json_get(m, count, "source")) && f->type == JSON_STRING)
        d->source = f->val;
    if (id && id->type != JSON_NULL)
        d->ext_id = id->val; /* a number keeps its raw text: "42", "1e3" */

    /* An invalid tag is dropped rather than rejected: detection fills it. */
    lang = json_get(m, count, "lang");
    if (lang && lang->type == JSON_STRING && lang_ok(lang->val)) {
        char *low = arena_strndup(a, lang->val.p, lang->val.n);
        if (!low)
            return nomem(err, lineno);
        for (k = 0; k < lang->val.n; k++)
            low[k] = (char)kr_tolower((unsigned char)low[k]);
        d->lang.p = low;
        d->lang.n = lang->val.n;
    }

    /* A date we cannot read does not cost the document: it is kept with the
     * date unknown, and the text's own header is searched for one as if no
     * date had been given. Anything after a readable date (a time such as
     * "T10:00:00Z") is ignored. */
    date = json_get(m, count, "date");
    if (date && date->type == JSON_STRING) {
        kr_date dt;
        if (date_parse(date->val.p, date->val.n, &dt) > 0 && date_valid(dt))
            d->date = dt;
    }

    if (d->lang.n == 0)
        d->sniff |= DOC_SNIFF_LANG;
    if (d->date.y == 0)
        d->sniff |= DOC_SNIFF_HEADER;
    return LINE_DOC;
}

/* Contract in rd.h. Lines end at LF (a CR before it is dropped); blank lines
 * are skipped but counted; a BOM is skipped at the very start only. Each bad
 * line goes to sink->reject (file, 1-based line, byte offset in the line when
 * known) and reading goes on; the documents' text is raw, for doc_finish.
 * Returns 0 once the input is read, the sink's code if it stops the reading
 * (err untouched, the arena left holding that document), KR_ENOMEM, or
 * KR_ELIMIT for an input over RD_MAX_INPUT. */
int rd_jsonl(const char *path, const char *data, size_t n, kr_arena *a,
             const rd_sink *sink, kr_error *err)
{
    size_t i = 0, lineno = 0;

    if (n > RD_MAX_INPUT) {
        kr_errorf(err, KR_ELIMIT, "input too large (%zu bytes, limit %zu)", n, RD_MAX_INPUT);
        return KR_ELIMIT;
    }
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n) {
        const char *nl = memchr(data + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - data) : n;
        size_t len = end - i;
        kr_doc d;
        int rc;

        lineno++;
        if (len > 0 && data[end - 1] == '\r')
            len--;
        if (len > LINE_MAX_BYTES) {
            reject(sink, path, lineno, 0, KR_ELIMIT, "line too long (%zu bytes)", len);
        } else if (!kr_blank(data + i, len)) {
            memset(&d, 0, sizeof d);
            rc = read_record(path, lineno, data + i, len, a, sink, &d, err);
            if (rc < 0)
                return rc;
            if (rc == LINE_DOC && (rc = sink->doc(sink->ud, &d)) < 0)
                return rc; /* the arena keeps the document for the caller */
        }
        arena_reset(a);
        i = nl ? end + 1 : n;
    }
    return 0;
}
