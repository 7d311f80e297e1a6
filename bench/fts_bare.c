/* fts_bare.c: the storage reference for `make bench`: loads JSON Lines
 * reports (title + text) into a plain SQLite FTS5 table and reports bytes,
 * documents and seconds. Usage: fts_bare DB FILE... */
#include "arena.h"
#include "json.h"
#include "kr.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_REPORTED_ERRORS 5

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads the whole file into b (reset first). */
static int read_file(const char *path, kr_buf *b)
{
    FILE *f = fopen(path, "rb");
    char chunk[1 << 16];
    size_t n;
    kr_buf_reset(b);
    if (!f)
        return -1;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (kr_buf_append(b, chunk, n)) {
            fclose(f);
            errno = ENOMEM;
            return -1;
        }
    if (ferror(f)) {
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

static int exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "fts_bare: %s: %s\n", sql, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL;
    kr_arena *arena = NULL;
    kr_buf buf = {0};
    unsigned long long bytes = 0, docs = 0, bad = 0;
    double t0, secs;
    int status = 1;
    char wal[4096];

    if (argc < 3) {
        fputs("usage: fts_bare DB FILE...\n"
              "loads JSON Lines title+text into a plain SQLite FTS5 table\n",
              stderr);
        return 2;
    }
    t0 = now();
    arena = arena_new();
    if (!arena) {
        fputs("fts_bare: out of memory\n", stderr);
        return 1;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "fts_bare: %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "cannot open");
        goto fail;
    }
    if (exec(db, "PRAGMA journal_mode=WAL") || exec(db, "PRAGMA synchronous=NORMAL") ||
        exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS t USING fts5(title, text)"))
        goto fail;
    if (sqlite3_prepare_v2(db, "INSERT INTO t(title, text) VALUES (?1, ?2)", -1, &ins, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "fts_bare: %s\n", sqlite3_errmsg(db));
        goto fail;
    }
    for (int i = 2; i < argc; i++) {
        const char *path = argv[i];
        size_t pos = 0, line = 0;
        if (read_file(path, &buf)) {
            fprintf(stderr, "fts_bare: %s: %s\n", path, strerror(errno));
            goto fail;
        }
        bytes += buf.n;
        if (exec(db, "BEGIN"))
            goto fail;
        while (pos < buf.n) {
            const char *s = buf.p + pos;
            const char *nl = memchr(s, '\n', buf.n - pos);
            size_t n = nl ? (size_t)(nl - s) : buf.n - pos;
            json_member *m;
            size_t count;
            const json_member *title, *text;
            kr_error err;
            pos += n + (nl != NULL);
            line++;
            while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
                n--;
            if (n == 0)
                continue;
            kr_error_clear(&err, path);
            if (json_parse_object(s, n, arena, &m, &count, &err) ||
                !(text = json_get(m, count, "text")) || text->type != JSON_STRING) {
                if (bad++ < MAX_REPORTED_ERRORS)
                    fprintf(stderr, "fts_bare: %s:%zu: %s\n", path, line,
                            err.code ? err.msg : "no \"text\" string");
                arena_reset(arena);
                continue;
            }
            title = json_get(m, count, "title");
            if (title && title->type == JSON_STRING)
                sqlite3_bind_text(ins, 1, title->val.p, (int)title->val.n, SQLITE_STATIC);
            else
                sqlite3_bind_null(ins, 1);
            sqlite3_bind_text(ins, 2, text->val.p, (int)text->val.n, SQLITE_STATIC);
            if (sqlite3_step(ins) != SQLITE_DONE) {
                fprintf(stderr, "fts_bare: %s:%zu: %s\n", path, line, sqlite3_errmsg(db));
                goto fail;
            }
            sqlite3_reset(ins);
            sqlite3_clear_bindings(ins);
            arena_reset(arena);
            docs++;
        }
        if (exec(db, "COMMIT"))
            goto fail;
    }
    status = bad ? 1 : 0;
fail:
    sqlite3_finalize(ins);
    if (db && sqlite3_close(db) != SQLITE_OK) {
        fprintf(stderr, "fts_bare: %s: %s\n", argv[1], sqlite3_errmsg(db));
        status = 1;
    }
    secs = now() - t0;
    snprintf(wal, sizeof wal, "%s-wal", argv[1]);
    printf("fts_bare: %llu bytes, %llu docs, %.3f s, %.1f MB/s, %.0f docs/s, db %lld bytes\n",
           bytes, docs, secs, secs > 0 ? (double)bytes / 1e6 / secs : 0.0,
           secs > 0 ? (double)docs / secs : 0.0, file_size(argv[1]) + file_size(wal));
    if (bad)
        fprintf(stderr, "fts_bare: %llu lines rejected\n", bad);
    kr_buf_free(&buf);
    arena_free(arena);
    return status;
}
