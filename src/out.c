/* out.c: listing formats. A table keeps its cells until out_close to size
 * the columns; jsonl and csv write each row as soon as it ends. */
#include "out.h"

#include <string.h>

#include "json.h"
#include "utf8.h"

#define OUT_MAX_WIDTH 60 /* table cells are cut to this many characters */

struct out {
    FILE *f;
    int format;
    const char *const *cols;
    size_t ncols, col;
    kr_buf row;     /* jsonl/csv: the row being written */
    kr_buf cells;   /* table: every cell, NUL-separated */
    size_t rows;
    int failed;     /* a write failed */
    int nomem;      /* a buffer could not grow: output incomplete */
};

int out_parse_format(const char *s, unsigned allowed)
{
    static const char *const names[] = {"table", "jsonl", "csv"};
    int k;
    for (k = 0; k < 3; k++)
        if (strcmp(s, names[k]) == 0 && (allowed & (1u << k)))
            return k;
    return -1;
}

out *out_new(FILE *f, int format, const char *const *cols, size_t ncols)
{
    out *o = kr_calloc(1, sizeof *o);
    size_t k;
    if (!o)
        return NULL;
    o->f = f;
    o->format = format;
    o->cols = cols;
    o->ncols = ncols;
    if (format == OUT_CSV) {
        for (k = 0; k < ncols; k++)
            fprintf(f, "%s%s", k ? "," : "", cols[k]);
        fputc('\n', f);
    }
    return o;
}

/* Records a failed buffer operation; out_close then reports it. */
static void ok(out *o, int rc)
{
    if (rc)
        o->nomem = 1;
}

/* Starts a cell: the separator or key that precedes its value. */
static void cell_start(out *o)
{
    if (o->format == OUT_JSONL) {
        ok(o, kr_buf_puts(&o->row, o->col ? ", " : "{"));
        ok(o, json_put_str(&o->row, o->cols[o->col], strlen(o->cols[o->col])));
        ok(o, kr_buf_puts(&o->row, ": "));
    } else if (o->format == OUT_CSV && o->col) {
        ok(o, kr_buf_putc(&o->row, ','));
    }
}

/* A table cell: newlines and tabs shown as spaces, cut at OUT_MAX_WIDTH. */
static void table_cell(out *o, const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n && chars < OUT_MAX_WIDTH) {
        size_t at = i;
        int32_t cp = utf8_next(s, n, &i);
        if (cp == '\n' || cp == '\t' || cp == '\r')
            ok(o, kr_buf_putc(&o->cells, ' '));
        else if (cp >= 0)
            ok(o, kr_buf_append(&o->cells, s + at, i - at));
        chars++;
    }
    if (i < n)
        ok(o, kr_buf_puts(&o->cells, "\xE2\x80\xA6")); /* … */
    ok(o, kr_buf_putc(&o->cells, '\0'));
}

static void put_text(out *o, const char *s, size_t n, int quoted_json)
{
    size_t i;
    switch (o->format) {
    case OUT_TABLE:
        table_cell(o, s, n);
        break;
    case OUT_JSONL:
        cell_start(o);
        if (quoted_json)
            ok(o, json_put_str(&o->row, s, n));
        else
            ok(o, kr_buf_append(&o->row, s, n));
        break;
    default:
        cell_start(o);
        if (memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n)) {
            ok(o, kr_buf_putc(&o->row, '"'));
            for (i = 0; i < n; i++) {
                if (s[i] == '"')
                    ok(o, kr_buf_putc(&o->row, '"'));
                ok(o, kr_buf_putc(&o->row, s[i]));
            }
            ok(o, kr_buf_putc(&o->row, '"'));
        } else {
            ok(o, kr_buf_append(&o->row, s, n));
        }
    }
    o->col++;
}

void out_strn(out *o, const char *s, size_t n)
{
    if (!s) {
        if (o->format == OUT_JSONL) {
            cell_start(o);
            ok(o, kr_buf_puts(&o->row, "null"));
            o->col++;
        } else {
            put_text(o, "", 0, 0);
        }
        return;
    }
    put_text(o, s, n, 1);
}

void out_str(out *o, const char *s)
{
    out_strn(o, s, s ? strlen(s) : 0);
}

void out_int(out *o, int64_t v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%lld", (long long)v);
    put_text(o, b, (size_t)n, 0);
}

void out_real(out *o, double v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%.4g", v);
    put_text(o, b, (size_t)n, 0);
}

void out_bool(out *o, int v)
{
    put_text(o, v ? "true" : "false", v ? 4 : 5, 0);
}

void out_json(out *o, const char *json)
{
    put_text(o, json, strlen(json), 0);
}

void out_row_end(out *o)
{
    o->col = 0;
    o->rows++;
    if (o->format == OUT_TABLE)
        return;
    ok(o, kr_buf_puts(&o->row, o->format == OUT_JSONL ? "}\n" : "\n"));
    if (o->nomem)
        return; /* never print a row with a hole in it */
    if (o->row.n && fwrite(o->row.p, 1, o->row.n, o->f) != o->row.n)
        o->failed = 1;
    kr_buf_reset(&o->row);
}

static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void table_flush(out *o)
{
    size_t *wid = kr_calloc(o->ncols, sizeof *wid), k, r;
    const char *p;
    if (!wid) {
        o->nomem = 1;
        return;
    }
    for (k = 0; k < o->ncols; k++)
        wid[k] = width(o->cols[k]);
    for (p = o->cells.p, r = 0; r < o->rows; r++)
        for (k = 0; k < o->ncols; k++, p += strlen(p) + 1)
            if (width(p) > wid[k])
                wid[k] = width(p);
    for (k = 0; k < o->ncols; k++)
        fprintf(o->f, "%s%-*s", k ? "  " : "", k + 1 < o->ncols ? (int)wid[k] : 0, o->cols[k]);
    fputc('\n', o->f);
    for (p = o->cells.p, r = 0; r < o->rows; r++) {
        for (k = 0; k < o->ncols; k++, p += strlen(p) + 1) {
            size_t pad = k + 1 < o->ncols ? wid[k] - width(p) : 0;
            fprintf(o->f, "%s%s%*s", k ? "  " : "", p, (int)pad, "");
        }
        fputc('\n', o->f);
    }
    kr_free(wid);
}

int out_close(out *o)
{
    int rc;
    if (!o)
        return 0;
    /* An incomplete cell buffer cannot be laid out: nothing is printed. */
    if (o->format == OUT_TABLE && o->rows && !o->nomem)
        table_flush(o);
    if (fflush(o->f) != 0 || ferror(o->f))
        o->failed = 1;
    rc = o->nomem ? KR_ENOMEM : o->failed ? KR_EIO : 0;
    kr_buf_free(&o->row);
    kr_buf_free(&o->cells);
    kr_free(o);
    return rc;
}
