/* ingest.c: the ingest pipeline. Inputs are listed first (so the progress
 * bar knows the total), then read one by one; every document goes through
 * doc_finish, is hashed, and is stored unless the same text is already
 * there. A rejected file or record is reported and the run goes on. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "doc.h"
#include "progress.h"

typedef struct input {
    char *path;       /* as the user would name it */
    int64_t size, mtime;
    int explicit_path; /* named on the command line */
} input;

typedef struct walk {
    input *v;
    size_t n, cap;
    const ingest_opts *o;
    size_t *rejected;
    dev_t dev[64]; /* directories on the current path, for loop detection */
    ino_t ino[64];
    int depth;
} walk;

/* Everything the sink needs while one input is read. */
typedef struct run {
    store *st;
    kr_arena *arena;
    const ingest_opts *o;
    ingest_stats *stats;
    progress bar;
    uint64_t done_bytes; /* bytes of inputs finished before this one */
    uint64_t file_bytes; /* estimate inside the current input */
    size_t in_tx;        /* documents in the open transaction */
    size_t tx_bytes;     /* their text bytes */
    size_t file_rejects;
    size_t file_docs;    /* documents of the current input, new or not */
    size_t line_base;    /* lines of a stream consumed before this chunk */
    int fatal;           /* a code that stops the run */
    kr_error *err;
    analyzer *an;        /* entities and events; NULL with --no-entities */
} run;

static void report(const ingest_opts *o, const char *path, size_t line, int code, const char *msg)
{
    kr_error e;
    kr_error_clear(&e, path);
    e.code = code;
    e.line = line;
    snprintf(e.msg, sizeof e.msg, "%s", msg);
    if (o->report)
        o->report(o->ud, &e);
}

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), k = strlen(ext), i;
    if (n <= k || path[n - k - 1] != '.')
        return 0;
    for (i = 0; i < k; i++)
        if (kr_tolower((unsigned char)path[n - k + i]) != ext[i])
            return 0;
    return 1;
}

ingest_reader ingest_reader_for(const char *path, int explicit_path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (has_ext(base, "txt") || has_ext(base, "text"))
        return rd_text;
    if (has_ext(base, "html") || has_ext(base, "htm"))
        return rd_html;
    if (has_ext(base, "jsonl") || has_ext(base, "ndjson"))
        return rd_jsonl;
    if (explicit_path && !strchr(base, '.'))
        return rd_text;
    return NULL;
}

static int walk_add(walk *w, const char *path, const struct stat *sb, int explicit_path)
{
    input *in;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        input *v = kr_realloc(w->v, cap * sizeof *v);
        if (!v)
            return KR_ENOMEM;
        w->v = v;
        w->cap = cap;
    }
    in = &w->v[w->n];
    if (!(in->path = kr_strndup(path, strlen(path))))
        return KR_ENOMEM;
    in->size = (int64_t)sb->st_size;
    in->mtime = (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
    in->explicit_path = explicit_path;
    w->n++;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_path(walk *w, const char *path, int explicit_path);

/* Lists a folder's entries in name order (so runs are reproducible) and
 * walks each; hidden entries are skipped. */
static int walk_dir(walk *w, const char *path)
{
    DIR *d = opendir(path);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, k;
    int rc = 0;
    if (!d) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot read folder: %s", strerror(errno));
        report(w->o, path, 0, KR_EIO, msg);
        (*w->rejected)++;
        return 0;
    }
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **v = kr_realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *v);
            if (!v) {
                rc = KR_ENOMEM;
                goto done;
            }
            names = v;
        }
        if (!(names[n] = kr_strndup(de->d_name, strlen(de->d_name)))) {
            rc = KR_ENOMEM;
            goto done;
        }
        n++;
    }
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (k = 0; k < n && rc == 0; k++) {
        size_t pl = strlen(path);
        char *child = kr_malloc(pl + strlen(names[k]) + 2);
        if (!child) {
            rc = KR_ENOMEM;
            break;
        }
        sprintf(child, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", names[k]);
        rc = walk_path(w, child, 0);
        kr_free(child);
    }
done:
    for (k = 0; k < n; k++)
        kr_free(names[k]);
    kr_free(names);
    closedir(d);
    return rc;
}

static int walk_path(walk *w, const char *path, int explicit_path)
{
    struct stat sb;
    int k, rc;
    char msg[256];
    if (stat(path, &sb) != 0) {
        struct stat lb;
        if (errno == ELOOP || (lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode) && errno != ENOENT))
            snprintf(msg, sizeof msg, "symlink loop");
        else
            snprintf(msg, sizeof msg, "cannot read: %s%s", strerror(errno),
                     lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode) ? " (dangling symlink)" : "");
        report(w->o, path, 0, KR_EIO, msg);
        (*w->rejected)++;
        return 0;
    }
    if (S_ISDIR(sb.st_mode)) {
        for (k = 0; k < w->depth; k++)
            if (w->dev[k] == sb.st_dev && w->ino[k] == sb.st_ino) {
                report(w->o, path, 0, KR_EFORMAT, "symlink loop (folder contains itself)");
                (*w->rejected)++;
                return 0;
            }
        if (w->depth == 64) {
            report(w->o, path, 0, KR_ELIMIT, "folders nested too deep (limit 64)");
            (*w->rejected)++;
            return 0;
        }
        w->dev[w->depth] = sb.st_dev;
        w->ino[w->depth] = sb.st_ino;
        w->depth++;
        rc = walk_dir(w, path);
        w->depth--;
        return rc;
    }
    if (!S_ISREG(sb.st_mode)) {
        if (explicit_path) {
            report(w->o, path, 0, KR_EFORMAT, "not a regular file");
            (*w->rejected)++;
        }
        return 0;
    }
    if (!ingest_reader_for(path, explicit_path)) {
        if (explicit_path) {
            report(w->o, path, 0, KR_EFORMAT,
                   "unsupported file type (kronika reads .txt, .html, .htm, .jsonl)");
            (*w->rejected)++;
        }
        return 0;
    }
    return walk_add(w, path, &sb, explicit_path);
}

/* --- the sink: documents into the store ------------------------------- */

/* Transactions; without a store (the `code` filter) there are none. */
static int tx_begin(run *r)
{
    return r->st ? store_begin(r->st, r->err) : 0;
}

static int tx_commit(run *r)
{
    return r->st ? store_commit(r->st, r->err) : 0;
}

static void tx_rollback(run *r)
{
    if (r->st)
        store_rollback(r->st);
}

static int tx_restart(run *r)
{
    int rc = tx_commit(r);
    if (rc == 0)
        rc = tx_begin(r);
    r->in_tx = 0;
    r->tx_bytes = 0;
    return rc;
}

/* Entities and events of a document (none with --no-entities), counted in
 * the run's figures. */
static int analyze(run *r, kr_doc *d, analysis *an)
{
    int rc;
    memset(an, 0, sizeof *an);
    if (r->an && (rc = analyzer_run(r->an, d, r->arena, an)) != 0)
        return r->fatal = kr_errorf(r->err, rc, "out of memory");
    r->stats->t_entities += an->t_entities;
    r->stats->t_events += an->t_events;
    r->stats->mentions += an->nmentions;
    r->stats->events += an->nevents;
    return 0;
}

/* The `code` filter: the document is analyzed and handed to the caller,
 * nothing is stored. */
static int code_doc(run *r, kr_doc *d, const char *id)
{
    analysis an;
    int rc;
    if ((rc = analyze(r, d, &an)) != 0)
        return rc;
    r->stats->docs_new++;
    r->file_docs++;
    if (r->o->coded && (rc = r->o->coded(r->o->ud, d, id, &an)) != 0)
        return r->fatal = kr_errorf(r->err, rc, "cannot write the output");
    progress_update(&r->bar, r->done_bytes + r->file_bytes, r->stats->docs_new);
    return 0;
}

static int sink_doc(void *ud, kr_doc *d)
{
    run *r = ud;
    kr_error e;
    char id[33];
    int rc;
    d->line += d->line ? r->line_base : 0;
    double t0 = progress_now(), t1;
    kr_error_clear(&e, d->path);
    r->file_bytes += d->text.n;
    rc = doc_finish(d, r->arena, &e);
    r->stats->t_finish += (t1 = progress_now()) - t0;
    if (rc == KR_ENOMEM)
        return r->fatal = kr_errorf(r->err, rc, "out of memory");
    if (rc) {
        e.line = d->line;
        if (r->o->report)
            r->o->report(r->o->ud, &e);
        r->stats->rejected++;
        r->file_rejects++;
        return 0;
    }
    doc_hash(d, id);
    if (!r->st)
        return code_doc(r, d, id);
    rc = store_has_doc(r->st, id, r->err);
    if (rc < 0)
        return r->fatal = rc;
    r->file_docs++;
    if (rc) {
        r->stats->docs_dup++;
    } else {
        analysis an;
        int64_t rowid;
        double t2;
        if ((rc = store_put_doc(r->st, d, id, &rowid, r->err)) != 0)
            return r->fatal = rc;
        r->stats->t_store += progress_now() - t1;
        if ((rc = analyze(r, d, &an)) != 0)
            return rc;
        t2 = progress_now();
        if ((rc = store_put_mentions(r->st, rowid, an.mentions, an.nmentions, r->err)) != 0 ||
            (rc = store_put_events(r->st, rowid, id, an.events, an.nevents, r->err)) != 0)
            return r->fatal = rc;
        r->stats->t_mentions += progress_now() - t2;
        r->stats->docs_new++;
        /* A big input is committed in batches, so that the log stays
         * bounded and a kill loses at most one batch. */
        r->tx_bytes += d->text.n;
        if ((++r->in_tx >= (r->o->batch_docs ? r->o->batch_docs : INGEST_BATCH_DOCS) ||
             r->tx_bytes >= INGEST_BATCH_BYTES) &&
            (rc = tx_restart(r)) != 0)
            return r->fatal = rc;
    }
    progress_update(&r->bar, r->done_bytes + r->file_bytes, r->stats->docs_new + r->stats->docs_dup);
    return 0;
}

static void sink_reject(void *ud, const kr_error *e)
{
    run *r = ud;
    kr_error c = *e;
    c.line += c.line ? r->line_base : 0;
    if (r->o->report)
        r->o->report(r->o->ud, &c);
    r->stats->rejected++;
    r->file_rejects++;
}

/* Reads one chunk of input through `rd` inside the open transaction.
 * Returns 0, a reader's error for this input (reported), or r->fatal. */
static int read_chunk(run *r, ingest_reader rd, const char *path, const char *data, size_t n)
{
    rd_sink sink = {sink_doc, sink_reject, r};
    kr_error e;
    int rc;
    kr_error_clear(&e, path);
    rc = rd(path, data, n, r->arena, &sink, &e);
    arena_reset(r->arena);
    if (r->fatal)
        return r->fatal;
    if (rc) {
        if (r->o->report)
            r->o->report(r->o->ud, &e);
        r->stats->rejected++;
        r->file_rejects++;
    }
    return rc;
}

static int read_file(const char *path, kr_buf *b, char *msg, size_t msgn)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    kr_buf_reset(b);
    if (fd < 0 || fstat(fd, &sb) != 0) {
        snprintf(msg, msgn, "cannot read: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return KR_EIO;
    }
    if ((uint64_t)sb.st_size > RD_MAX_INPUT) {
        snprintf(msg, msgn, "file too large (%lld bytes, limit %zu)", (long long)sb.st_size,
                 (size_t)RD_MAX_INPUT);
        close(fd);
        return KR_ELIMIT;
    }
    if (kr_buf_reserve(b, (size_t)sb.st_size + 1)) {
        close(fd);
        return KR_ENOMEM;
    }
    for (;;) {
        ssize_t got;
        if (b->cap - b->n < 4096 + 1 && kr_buf_reserve(b, 65536)) {
            close(fd);
            return KR_ENOMEM;
        }
        got = read(fd, b->p + b->n, b->cap - b->n - 1);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            snprintf(msg, msgn, "cannot read: %s", strerror(errno));
            close(fd);
            return KR_EIO;
        }
        b->n += (size_t)got;
        if (b->n > RD_MAX_INPUT) {
            snprintf(msg, msgn, "file too large (limit %zu bytes)", (size_t)RD_MAX_INPUT);
            close(fd);
            return KR_ELIMIT;
        }
    }
    b->p[b->n] = '\0';
    close(fd);
    return 0;
}

/* 1 when input `in` was ingested completely as it is now (the key under
 * which it was recorded, its real path, in key), 0 if not, <0 on error. */
static int file_done(store *st, const input *in, char key[PATH_MAX], kr_error *err)
{
    if (!realpath(in->path, key))
        snprintf(key, PATH_MAX, "%s", in->path);
    return st ? store_file_done(st, key, in->size, in->mtime, err) : 0;
}

static int ingest_file(run *r, const input *in, kr_buf *buf)
{
    char msg[256], key[PATH_MAX];
    ingest_reader rd = ingest_reader_for(in->path, in->explicit_path);
    int rc = file_done(r->st, in, key, r->err);
    if (rc < 0)
        return r->fatal = rc;
    if (rc) {
        r->stats->files_skipped++;
        return 0;
    }
    rc = read_file(in->path, buf, msg, sizeof msg);
    if (rc == KR_ENOMEM)
        return r->fatal = kr_errorf(r->err, rc, "out of memory");
    if (rc) {
        report(r->o, in->path, 0, rc, msg);
        r->stats->rejected++;
        return 0;
    }
    r->stats->files++;
    r->stats->bytes += buf->n;
    r->file_rejects = 0;
    r->file_docs = 0;
    r->file_bytes = 0;
    r->line_base = 0;
    if ((rc = tx_begin(r)) != 0)
        return r->fatal = rc;
    r->in_tx = 0;
    r->tx_bytes = 0;
    rc = read_chunk(r, rd, in->path, buf->p, buf->n);
    if (r->fatal) {
        tx_rollback(r);
        return r->fatal;
    }
    if (rc == 0 && r->file_rejects == 0 && r->st &&
        (rc = store_file_mark(r->st, key, in->size, in->mtime,
                              (int64_t)r->file_docs, r->err)) != 0) {
        tx_rollback(r);
        return r->fatal = rc;
    }
    if ((rc = tx_commit(r)) != 0)
        return r->fatal = rc;
    return 0;
}

/* JSON Lines on stdin, read in chunks that end at a line end, so memory is
 * bounded by the chunk size plus the longest line. */
static int ingest_stdin(run *r)
{
    kr_buf b = {0};
    size_t chunk = (size_t)4 << 20, scanned = 0;
    int rc = 0, eof = 0;
    r->line_base = 0;
    r->file_rejects = 0;
    r->file_bytes = 0;
    if ((rc = tx_begin(r)) != 0)
        return r->fatal = rc;
    r->in_tx = 0;
    r->tx_bytes = 0;
    /* b.p[0..scanned) holds no line end: each byte is looked at once, so
     * a huge line costs no more than its length */
    while (!eof && !r->fatal) {
        size_t got, cut, k, lines = 0;
        if (kr_buf_reserve(&b, chunk)) {
            rc = r->fatal = kr_errorf(r->err, KR_ENOMEM, "out of memory");
            break;
        }
        got = fread(b.p + b.n, 1, chunk, stdin);
        b.n += got;
        r->stats->bytes += got;
        if (got == 0)
            eof = 1;
        for (cut = b.n; cut > scanned && b.p[cut - 1] != '\n'; cut--)
            ;
        if (cut == scanned)
            cut = 0; /* no line end in what was read */
        scanned = b.n;
        if (eof)
            cut = b.n;
        if (cut == 0)
            continue; /* a long line: read on */
        read_chunk(r, rd_jsonl, "-", b.p, cut);
        for (k = 0; k < cut; k++)
            lines += b.p[k] == '\n';
        r->line_base += lines;
        memmove(b.p, b.p + cut, b.n - cut);
        b.n -= cut;
        scanned = b.n; /* the rest of a line */
    }
    if (ferror(stdin) && !r->fatal) {
        report(r->o, "-", 0, KR_EIO, "cannot read standard input");
        r->stats->rejected++;
    }
    kr_buf_free(&b);
    if (r->fatal) {
        tx_rollback(r);
        return r->fatal;
    }
    r->stats->files++;
    return tx_commit(r);
}

int ingest_paths(store *st, const char *const *paths, size_t npaths, const ingest_opts *o,
                 ingest_stats *stats, kr_error *err)
{
    walk w;
    run r;
    kr_buf buf = {0};
    size_t k;
    uint64_t total = 0, fresh;
    int rc = 0, use_stdin = 0, bulk = 0;
    double t0 = progress_now();

    memset(stats, 0, sizeof *stats);
    memset(&w, 0, sizeof w);
    memset(&r, 0, sizeof r);
    w.o = o;
    w.rejected = &stats->rejected;
    for (k = 0; k < npaths && rc == 0; k++) {
        if (strcmp(paths[k], "-") == 0)
            use_stdin = 1;
        else
            rc = walk_path(&w, paths[k], 1);
    }
    if (rc) {
        kr_errorf(err, rc, "out of memory while listing inputs");
        goto done;
    }
    for (k = 0; k < w.n; k++)
        total += (uint64_t)w.v[k].size;

    r.st = st;
    r.o = o;
    r.stats = stats;
    r.err = err;
    if (!(r.arena = arena_new())) {
        rc = kr_errorf(err, KR_ENOMEM, "out of memory");
        goto done;
    }
    if (!o->no_entities && (rc = analyzer_new(o->lexicon, &r.an, err)) != 0)
        goto done;
    stats->lexicon_problems = r.an ? analyzer_problems(r.an) : 0;
    /* what is still to be read decides (files done before are skipped);
     * the size of stdin is not known: a stream is never a bulk load. Each
     * file is looked up again when its turn comes, as a file named twice
     * is done by then. */
    for (k = 0, fresh = 0; st && k < w.n; k++) {
        char key[PATH_MAX];
        int done = file_done(st, &w.v[k], key, err);
        if (done < 0) {
            rc = done;
            goto done;
        }
        fresh += done ? 0 : (uint64_t)w.v[k].size;
    }
    if (st && (bulk = store_bulk_begin(st, fresh, err)) < 0) {
        rc = bulk;
        goto done;
    }
    progress_init(&r.bar, o->progress, total);
    for (k = 0; k < w.n && rc == 0; k++) {
        rc = ingest_file(&r, &w.v[k], &buf);
        r.done_bytes += (uint64_t)w.v[k].size;
        progress_update(&r.bar, r.done_bytes, stats->docs_new + stats->docs_dup);
    }
    if (rc == 0 && use_stdin)
        rc = ingest_stdin(&r);
    progress_end(&r.bar);
    if (bulk > 0) {
        /* what was stored stays stored: the indexes are built after a
         * failure too, and a failure here leaves them to the next ingest */
        kr_error ierr;
        double t1 = progress_now();
        int irc = store_bulk_end(st, rc ? &ierr : err);
        stats->t_indexes = progress_now() - t1;
        if (rc == 0)
            rc = irc;
    }
done:
    analyzer_free(r.an);
    arena_free(r.arena);
    for (k = 0; k < w.n; k++)
        kr_free(w.v[k].path);
    kr_free(w.v);
    kr_buf_free(&buf);
    stats->seconds = progress_now() - t0;
    return rc;
}
