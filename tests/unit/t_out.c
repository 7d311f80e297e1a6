/* t_out.c: listing formats written to a temporary file: aligned tables
 * (widths in characters, long cells cut), CSV quoting, JSON Lines escaping
 * and null, format names, write errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "t.h"

/* Reads back everything written to f. */
static const char *slurp(FILE *f, kr_buf *b)
{
    char chunk[4096];
    size_t n;
    kr_buf_reset(b);
    rewind(f);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        kr_buf_append(b, chunk, n);
    return b->p ? b->p : "";
}

static void test_table(void)
{
    static const char *const cols[] = {"name", "n", "note"};
    FILE *f = tmpfile();
    kr_buf got = {0};
    out *o;
    CHECK(f != NULL);
    if (!f)
        return;
    o = out_new(f, OUT_TABLE, cols, 3);
    CHECK(o != NULL);
    if (!o) {
        fclose(f);
        return;
    }
    out_str(o, "Москва");
    out_int(o, 1);
    out_str(o, "столица");
    out_row_end(o);
    out_str(o, "Baku");
    out_int(o, 22);
    out_str(o, NULL);
    out_row_end(o);
    out_str(o, "Երևան");
    out_int(o, -3);
    out_str(o, "line\nbreak\tand tab");
    out_row_end(o);
    CHECK_INT(out_close(o), 0);
    /* Columns padded to the widest cell in characters (Москва: 6 characters,
     * 12 bytes); the last column is not padded. */
    CHECK_STR(slurp(f, &got),
              "name    n   note\n"
              "Москва  1   столица\n"
              "Baku    22  \n"
              "Երևան   -3  line break and tab\n");
    fclose(f);
    kr_buf_free(&got);
}

static void test_table_cut(void)
{
    static const char *const cols[] = {"text", "k"};
    FILE *f = tmpfile();
    kr_buf got = {0}, want = {0}, cell60 = {0};
    out *o;
    int i;
    CHECK(f != NULL);
    if (!f)
        return;
    for (i = 0; i < 60; i++)
        kr_buf_puts(&cell60, "ж");
    o = out_new(f, OUT_TABLE, cols, 2);
    CHECK(o != NULL);
    if (!o) {
        fclose(f);
        return;
    }
    out_str(o, cell60.p); /* exactly 60 characters: kept whole */
    out_str(o, "a");
    out_row_end(o);
    {
        kr_buf longer = {0};
        kr_buf_puts(&longer, cell60.p);
        kr_buf_puts(&longer, "жж and more");
        out_strn(o, longer.p, longer.n); /* 72 characters: cut to 60 + … */
        kr_buf_free(&longer);
    }
    out_str(o, "b");
    out_row_end(o);
    CHECK_INT(out_close(o), 0);
    /* The cut cell is 61 characters wide with its ellipsis. */
    kr_buf_puts(&want, "text");
    for (i = 0; i < 57; i++)
        kr_buf_putc(&want, ' ');
    kr_buf_puts(&want, "  k\n");
    kr_buf_puts(&want, cell60.p);
    kr_buf_puts(&want, "   a\n");
    kr_buf_puts(&want, cell60.p);
    kr_buf_puts(&want, "\xE2\x80\xA6  b\n");
    CHECK_STR(slurp(f, &got), want.p);
    fclose(f);
    kr_buf_free(&got);
    kr_buf_free(&want);
    kr_buf_free(&cell60);
}

static void test_table_empty(void)
{
    static const char *const cols[] = {"a", "b"};
    FILE *f = tmpfile();
    kr_buf got = {0};
    out *o;
    if (!f) {
        CHECK(f != NULL);
        return;
    }
    o = out_new(f, OUT_TABLE, cols, 2);
    CHECK(o != NULL);
    CHECK_INT(out_close(o), 0);
    CHECK_STR(slurp(f, &got), ""); /* no rows: nothing, not even a header */
    fclose(f);
    kr_buf_free(&got);
    CHECK_INT(out_close(NULL), 0);
}

static void test_csv(void)
{
    static const char *const cols[] = {"id", "title", "score", "ok", "raw"};
    FILE *f = tmpfile();
    kr_buf got = {0};
    out *o;
    CHECK(f != NULL);
    if (!f)
        return;
    o = out_new(f, OUT_CSV, cols, 5);
    CHECK(o != NULL);
    if (!o) {
        fclose(f);
        return;
    }
    out_str(o, "a1");
    out_str(o, "Baku, Azerbaijan");
    out_real(o, 0.5);
    out_bool(o, 1);
    out_json(o, "[1,2]");
    out_row_end(o);
    out_str(o, "b2");
    out_str(o, "He said \"no\"");
    out_real(o, -7.25);
    out_bool(o, 0);
    out_str(o, NULL);
    out_row_end(o);
    out_str(o, "c3");
    out_str(o, "two\nlines");
    out_int(o, 9000000000LL);
    out_str(o, "cr\rhere");
    out_str(o, "Тбилиси");
    out_row_end(o);
    out_strn(o, "x,yz", 1); /* only "x": no comma in the cell */
    out_str(o, "");
    out_str(o, "\"");
    out_str(o, "a \"\" b");
    out_str(o, " spaced ");
    out_row_end(o);
    CHECK_INT(out_close(o), 0);
    CHECK_STR(slurp(f, &got),
              "id,title,score,ok,raw\n"
              "a1,\"Baku, Azerbaijan\",0.5,true,\"[1,2]\"\n"
              "b2,\"He said \"\"no\"\"\",-7.25,false,\n"
              "c3,\"two\nlines\",9000000000,\"cr\rhere\",Тбилиси\n"
              "x,,\"\"\"\",\"a \"\"\"\" b\", spaced \n");
    fclose(f);
    kr_buf_free(&got);

    /* The header line is written even without rows. */
    f = tmpfile();
    if (f) {
        o = out_new(f, OUT_CSV, cols, 2);
        CHECK_INT(out_close(o), 0);
        CHECK_STR(slurp(f, &got), "id,title\n");
        fclose(f);
        kr_buf_free(&got);
    }
}

static void test_jsonl(void)
{
    static const char *const cols[] = {"id", "title", "n", "x", "ok", "spans"};
    FILE *f = tmpfile();
    kr_buf got = {0};
    out *o;
    CHECK(f != NULL);
    if (!f)
        return;
    o = out_new(f, OUT_JSONL, cols, 6);
    CHECK(o != NULL);
    if (!o) {
        fclose(f);
        return;
    }
    out_str(o, "a\"b\\c\nd\te\x01" "f/");
    out_str(o, NULL);
    out_int(o, -42);
    out_real(o, 1.5);
    out_bool(o, 1);
    out_json(o, "[[0, 5, \"Лавров\"]]");
    out_row_end(o);
    out_str(o, "Сергей Лавров");
    out_str(o, "");
    out_int(o, 0);
    out_real(o, 0.25);
    out_bool(o, 0);
    out_json(o, "null");
    out_row_end(o);
    CHECK_INT(out_close(o), 0);
    CHECK_STR(slurp(f, &got),
              "{\"id\": \"a\\\"b\\\\c\\nd\\te\\u0001f/\", \"title\": null, \"n\": -42, "
              "\"x\": 1.5, \"ok\": true, \"spans\": [[0, 5, \"Лавров\"]]}\n"
              "{\"id\": \"Сергей Лавров\", \"title\": \"\", \"n\": 0, \"x\": 0.25, "
              "\"ok\": false, \"spans\": null}\n");
    fclose(f);
    kr_buf_free(&got);
}

static void test_format_names(void)
{
    unsigned all = 1u << OUT_TABLE | 1u << OUT_JSONL | 1u << OUT_CSV;
    CHECK_INT(out_parse_format("table", all), OUT_TABLE);
    CHECK_INT(out_parse_format("jsonl", all), OUT_JSONL);
    CHECK_INT(out_parse_format("csv", all), OUT_CSV);
    CHECK_INT(out_parse_format("csv", 1u << OUT_JSONL), -1);
    CHECK_INT(out_parse_format("gdelt", all), -1);
    CHECK_INT(out_parse_format("", all), -1);
    CHECK_INT(out_parse_format("JSONL", all), -1);
    CHECK_INT(out_parse_format("json", all), -1);
}

/* A stream that cannot be written makes out_close report KR_EIO. */
static void test_write_error(void)
{
    static const char *const cols[] = {"a"};
    FILE *f = fopen("/dev/full", "w");
    out *o;
    int k, fmt;
    if (!f) {
        printf("SKIP t_out write error: no /dev/full\n");
        return;
    }
    for (fmt = OUT_TABLE; fmt <= OUT_CSV; fmt++) {
        o = out_new(f, fmt, cols, 1);
        CHECK(o != NULL);
        if (!o)
            continue;
        for (k = 0; k < 3000; k++) {
            out_str(o, "some text to fill the stdio buffer");
            out_row_end(o);
        }
        CHECK_INT(out_close(o), KR_EIO);
        clearerr(f);
    }
    fclose(f);
}

int main(void)
{
    test_table();
    test_table_cut();
    test_table_empty();
    test_csv();
    test_jsonl();
    test_format_names();
    test_write_error();
    return t_report();
}
