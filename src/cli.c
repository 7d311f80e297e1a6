/* cli.c: subcommand dispatch, option parsing and output. The only module
 * that prints to stderr or decides the exit status. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evlex.h"
#include "evout.h"
#include "import.h"
#include "ingest.h"
#include "json.h"
#include "lex.h"
#include "out.h"
#include "stem.h"
#include "store.h"

#define KRONIKA_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_USAGE = 2 };

/* Options shared by the subcommands; each takes the ones it documents. */
typedef struct opts {
    const char *db;
    const char *lexicon; /* --lexicon DIR, else the built-in lexicon */
    const char *type;    /* --type T */
    const char *doc;     /* --doc ID */
    int format;          /* OUT_*, or -1 for the default */
    const char *format_name; /* --format of the event commands */
    const char *out;         /* --out DIR of lexicon import */
    store_event_filter ev;   /* event filters: --actor --source ... */
    char *dyad_owned;        /* the A of --dyad A,B */
    size_t limit;
    int quiet;
    int stats;           /* --stats: time per stage on stderr */
    int no_entities;     /* --no-entities */
    int help;
    const char **args;   /* positional arguments */
    size_t nargs;
} opts;

typedef struct command {
    const char *name;
    int (*run)(opts *o);
    const char *usage;
    const char *help;
    unsigned formats;    /* formats --format accepts (1 << OUT_*), 0: none */
} command;

static void error(const char *fmt, const char *a, const char *b)
{
    fputs("kronika: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

/* Prints a kr_error as "kronika: FILE[:LINE]: reason". */
static void print_error(const kr_error *e)
{
    if (e->file && e->line)
        fprintf(stderr, "kronika: %s:%zu: %s\n", e->file, e->line, e->msg);
    else if (e->file)
        fprintf(stderr, "kronika: %s: %s\n", e->file, e->msg);
    else
        fprintf(stderr, "kronika: %s\n", e->msg);
}

static void report_cb(void *ud, const kr_error *e)
{
    (void)ud;
    print_error(e);
}

static const char *db_path(const opts *o)
{
    const char *env;
    if (o->db)
        return o->db;
    env = getenv("KRONIKA_DB");
    return env && *env ? env : "kronika.db";
}

static int open_store(const opts *o, int mode, store **st)
{
    kr_error e;
    const char *path = db_path(o);
    kr_error_clear(&e, NULL);
    if (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0) {
        error("%s: the PostgreSQL backend is not built into this kronika%s", path, "");
        return -1;
    }
    if (mode == STORE_READ && access(path, F_OK) != 0) {
        error("%s: no database here (create one with: kronika ingest --db %s PATH...)", path, path);
        return -1;
    }
    if (store_open(path, mode, st, &e) != 0) {
        print_error(&e);
        return -1;
    }
    return 0;
}

static int default_format(const opts *o)
{
    if (o->format >= 0)
        return o->format;
    return isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_JSONL;
}

/* --- ingest ------------------------------------------------------------ */

/* One warning for a lexicon with faulty lines: they were left out. */
static void warn_lexicon(const ingest_stats *s)
{
    if (s->lexicon_problems)
        fprintf(stderr, "kronika: warning: %zu faulty lexicon line%s left out (see kronika lexicon"
                        " check)\n", s->lexicon_problems, s->lexicon_problems == 1 ? "" : "s");
}

static int cmd_ingest(opts *o)
{
    store *st;
    ingest_opts io;
    ingest_stats s;
    kr_error e;
    int rc;
    if (o->nargs == 0) {
        error("ingest: no input (give files, folders, or - for JSON Lines on stdin)%s%s", "", "");
        return EXIT_USAGE;
    }
    if (open_store(o, STORE_WRITE, &st))
        return EXIT_USAGE;
    memset(&io, 0, sizeof io);
    io.report = report_cb;
    io.lexicon = o->lexicon;
    io.no_entities = o->no_entities;
    io.progress = !o->quiet && isatty(STDERR_FILENO) ? stderr : NULL;
    kr_error_clear(&e, db_path(o));
    rc = ingest_paths(st, o->args, o->nargs, &io, &s, &e);
    if (rc)
        print_error(&e);
    warn_lexicon(&s);
    if (!o->quiet) {
        int64_t total = store_count_docs(st);
        printf("%zu file%s read, %zu unchanged since last ingest; %zu new document%s, "
               "%zu already stored, %zu rejected; %zu entity mentions, %zu events; %lld document%s in %s"
               " (%.2f MB in %.2f s)\n",
               s.files, s.files == 1 ? "" : "s", s.files_skipped, s.docs_new,
               s.docs_new == 1 ? "" : "s", s.docs_dup, s.rejected, s.mentions, s.events,
               (long long)total,
               total == 1 ? "" : "s", db_path(o), (double)s.bytes / 1e6, s.seconds);
    }
    if (o->stats) {
        double mb = (double)s.bytes / 1e6;
        fprintf(stderr,
                "kronika: stats: %.2f MB, %zu documents in %.2f s (%.1f MB/s, %.0f docs/s)\n"
                "kronika: stats: finish %.2f s (%.1f MB/s), store+index %.2f s (%.1f MB/s),"
                " entities %.2f s (%.1f MB/s), events %.2f s (%.1f MB/s), mentions+events"
                " stored %.2f s, indexes built %.2f s, rest %.2f s\n",
                mb, s.docs_new + s.docs_dup, s.seconds, s.seconds > 0 ? mb / s.seconds : 0,
                s.seconds > 0 ? (double)(s.docs_new + s.docs_dup) / s.seconds : 0, s.t_finish,
                s.t_finish > 0 ? mb / s.t_finish : 0, s.t_store, s.t_store > 0 ? mb / s.t_store : 0,
                s.t_entities, s.t_entities > 0 ? mb / s.t_entities : 0, s.t_events,
                s.t_events > 0 ? mb / s.t_events : 0, s.t_mentions, s.t_indexes,
                s.seconds - s.t_finish - s.t_store - s.t_entities - s.t_events - s.t_mentions -
                    s.t_indexes);
    }
    store_close(st);
    if (rc)
        return EXIT_USAGE;
    /* Nothing could be read at all (every path missing or unreadable). */
    if (s.rejected && s.files == 0 && s.files_skipped == 0)
        return EXIT_USAGE;
    return s.rejected ? EXIT_REJECTED : EXIT_OK;
}

/* --- docs, show, search ------------------------------------------------ */

static const char *const doc_cols[] = {"id", "path", "url", "title", "lang", "date", "dateline", "agency", "chars"};
static const char *const doc_table_cols[] = {"id", "date", "lang", "dateline", "agency", "title"};

typedef struct listing {
    out *o;
    int format;
    int search;
} listing;

/* The title, or for documents that have none the start of the body's
 * first line, so that a table row says what the document is. */
static void put_title(out *o, const store_doc *d)
{
    const char *nl;
    if (d->title || !d->lead) {
        out_str(o, d->title);
        return;
    }
    nl = strchr(d->lead, '\n');
    out_strn(o, d->lead, nl ? (size_t)(nl - d->lead) : strlen(d->lead));
}

static int doc_row(void *ud, const store_doc *d)
{
    listing *l = ud;
    if (l->format == OUT_TABLE) {
        out_strn(l->o, d->id, 16);
        out_str(l->o, d->date);
        out_str(l->o, d->lang);
        out_str(l->o, d->dateline);
        out_str(l->o, d->agency);
        if (l->search)
            out_str(l->o, d->snippet);
        else
            put_title(l->o, d);
    } else {
        out_str(l->o, d->id);
        out_str(l->o, d->path);
        out_str(l->o, d->url);
        out_str(l->o, d->title);
        out_str(l->o, d->lang);
        out_str(l->o, d->date);
        out_str(l->o, d->dateline);
        out_str(l->o, d->agency);
        out_int(l->o, d->chars);
        if (l->search) {
            out_real(l->o, d->score);
            out_str(l->o, d->snippet);
        }
    }
    out_row_end(l->o);
    return 0;
}

static int list_docs(opts *o, const char *query)
{
    static const char *const search_cols[] = {"id", "path", "url", "title", "lang", "date",
                                              "dateline", "agency", "chars", "score", "snippet"};
    static const char *const search_table_cols[] = {"id", "date", "lang", "dateline", "agency", "snippet"};
    store *st;
    listing l;
    kr_error e;
    int rc;
    if (open_store(o, STORE_READ, &st))
        return EXIT_USAGE;
    l.format = default_format(o);
    l.search = query != NULL;
    if (l.format == OUT_TABLE)
        l.o = out_new(stdout, l.format, query ? search_table_cols : doc_table_cols, 6);
    else if (query)
        l.o = out_new(stdout, l.format, search_cols, 11);
    else
        l.o = out_new(stdout, l.format, doc_cols, 9);
    kr_error_clear(&e, db_path(o));
    if (!l.o)
        rc = kr_errorf(&e, KR_ENOMEM, "out of memory");
    else if (query)
        rc = store_search(st, query, o->limit ? o->limit : 20, doc_row, &l, &e);
    else
        rc = store_docs(st, o->limit, doc_row, &l, &e);
    if (out_close(l.o) && rc >= 0)
        rc = kr_errorf(&e, KR_EIO, "cannot write the output");
    store_close(st);
    if (rc < 0) {
        print_error(&e);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int cmd_docs(opts *o)
{
    if (o->nargs) {
        error("docs: unexpected argument '%s'%s", o->args[0], "");
        return EXIT_USAGE;
    }
    return list_docs(o, NULL);
}

static int cmd_search(opts *o)
{
    kr_buf q = {0};
    size_t k;
    int rc;
    if (o->nargs == 0) {
        error("search: no query%s%s", "", "");
        return EXIT_USAGE;
    }
    for (k = 0; k < o->nargs; k++) {
        if (k)
            kr_buf_putc(&q, ' ');
        kr_buf_puts(&q, o->args[k]);
    }
    rc = list_docs(o, q.p ? q.p : "");
    kr_buf_free(&q);
    return rc;
}

typedef struct shown {
    int format;
    store *st;
    kr_buf marks; /* the body with mentions marked, built from the mentions */
    const char *text;
    size_t at;    /* text copied up to here */
    size_t events;
} shown;

/* Marks one mention in the body as [text]{entity TYPE code}; nested or
 * overlapping mentions (an adjective inside a role) are skipped. */
static int mark_mention(void *ud, const store_mention *m)
{
    shown *s = ud;
    if ((size_t)m->start < s->at)
        return 0;
    kr_buf_append(&s->marks, s->text + s->at, (size_t)m->start - s->at);
    kr_buf_putc(&s->marks, '[');
    kr_buf_append(&s->marks, s->text + m->start, (size_t)(m->end - m->start));
    kr_buf_printf(&s->marks, "]{%s %s%s%s}", m->entity, m->type, m->code ? " " : "",
                  m->code ? m->code : "");
    s->at = (size_t)m->end;
    return 0;
}

/* One event under the text: sentence, date, dyad, code, mode, place. */
static int show_event(void *ud, const ev_record *r)
{
    shown *s = ud;
    int actual = !strcmp(r->mode, "actual");
    if (!s->events++)
        printf("\nevents:\n");
    printf("  s%-3zu %-10s %s%s%s -> %s%s%s  %s %s (%+.1f)", r->sentence, r->date ? r->date : "?",
           r->source.name ? r->source.name : "-", r->source.code ? "/" : "",
           r->source.code ? r->source.code : "", r->target.name ? r->target.name : "-",
           r->target.code ? "/" : "", r->target.code ? r->target.code : "", r->cameo,
           r->label ? r->label : "", r->goldstein);
    if (!actual)
        printf(" [%s]", r->mode);
    if (r->negated)
        printf(" [negated]");
    if (r->place)
        printf(" @ %s", r->place);
    putchar('\n');
    return 0;
}

static int show_doc(void *ud, const store_doc *d)
{
    shown *s = ud;
    kr_error e;
    if (s->format == OUT_JSONL) {
        static const char *const cols[] = {"id", "path", "url", "title", "lang", "date", "dateline",
                                           "agency", "source", "chars", "body", "text"};
        out *o = out_new(stdout, OUT_JSONL, cols, 12);
        if (!o)
            return 1;
        out_str(o, d->id);
        out_str(o, d->path);
        out_str(o, d->url);
        out_str(o, d->title);
        out_str(o, d->lang);
        out_str(o, d->date);
        out_str(o, d->dateline);
        out_str(o, d->agency);
        out_str(o, d->source);
        out_int(o, d->chars);
        out_int(o, d->body);
        out_strn(o, d->text, d->text_n);
        out_row_end(o);
        return out_close(o) != 0;
    }
    printf("id:       %s\n", d->id);
    if (d->path)
        printf("path:     %s\n", d->path);
    if (d->url)
        printf("url:      %s\n", d->url);
    if (d->title)
        printf("title:    %s\n", d->title);
    printf("lang:     %s\n", d->lang);
    printf("date:     %s\n", d->date ? d->date : "unknown");
    if (d->dateline)
        printf("dateline: %s\n", d->dateline);
    if (d->agency)
        printf("agency:   %s\n", d->agency);
    if (d->source)
        printf("source:   %s\n", d->source);
    printf("chars:    %lld\n\n", (long long)d->chars);
    s->text = d->text;
    s->at = (size_t)d->body;
    kr_error_clear(&e, NULL);
    store_doc_mentions(s->st, d->rowid, mark_mention, s, &e);
    kr_buf_append(&s->marks, d->text + s->at, d->text_n - s->at);
    fwrite(s->marks.p ? s->marks.p : "", 1, s->marks.n, stdout);
    if (s->marks.n && s->marks.p[s->marks.n - 1] != '\n')
        putchar('\n');
    {
        store_event_filter f;
        memset(&f, 0, sizeof f);
        f.doc = d->id;
        if (store_events(s->st, &f, show_event, s, &e) < 0)
            error("show: %s%s", e.msg, "");
    }
    return 0;
}

static int cmd_show(opts *o)
{
    store *st;
    shown s;
    kr_error e;
    int rc;
    if (o->nargs != 1) {
        error("show: give one document id (see kronika docs)%s%s", "", "");
        return EXIT_USAGE;
    }
    if (open_store(o, STORE_READ, &st))
        return EXIT_USAGE;
    memset(&s, 0, sizeof s);
    s.format = o->format == OUT_JSONL ? OUT_JSONL : OUT_TABLE;
    s.st = st;
    kr_error_clear(&e, NULL);
    rc = store_doc_get(st, o->args[0], show_doc, &s, &e);
    kr_buf_free(&s.marks);
    store_close(st);
    if (rc < 0) {
        error("show: %s%s", e.msg, "");
        return EXIT_USAGE;
    }
    if (rc == 0) {
        error("show: no document %s in %s", o->args[0], db_path(o));
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* --- entities ------------------------------------------------------------- */

typedef struct ent_listing {
    out *o;
    int format;
    int spans;
} ent_listing;

static int entity_row(void *ud, const store_entity *e)
{
    ent_listing *l = ud;
    out_str(l->o, e->id);
    out_str(l->o, e->type);
    out_str(l->o, e->name);
    out_str(l->o, e->country);
    out_str(l->o, e->code);
    out_int(l->o, e->mentions);
    if (l->spans) {
        kr_buf b = {0};
        size_t k;
        if (l->format == OUT_JSONL) {
            kr_buf_putc(&b, '[');
            for (k = 0; k < e->nspans; k++) {
                kr_buf_printf(&b, "%s[%lld, %lld, ", k ? ", " : "", (long long)e->spans[k].start,
                              (long long)e->spans[k].end);
                json_put_str(&b, e->spans[k].text, e->spans[k].text_n);
                kr_buf_putc(&b, ']');
            }
            kr_buf_putc(&b, ']');
            out_json(l->o, b.p ? b.p : "[]");
        } else {
            for (k = 0; k < e->nspans; k++)
                kr_buf_printf(&b, "%s%lld-%lld %.*s", k ? "; " : "", (long long)e->spans[k].start,
                              (long long)e->spans[k].end, (int)e->spans[k].text_n, e->spans[k].text);
            out_strn(l->o, b.p ? b.p : "", b.n);
        }
        kr_buf_free(&b);
    }
    out_row_end(l->o);
    return 0;
}

static int cmd_entities(opts *o)
{
    static const char *const cols[] = {"id", "type", "name", "country", "code", "mentions", "spans"};
    store *st;
    ent_listing l;
    kr_error e;
    int rc;
    if (o->nargs) {
        error("entities: unexpected argument '%s'%s", o->args[0], "");
        return EXIT_USAGE;
    }
    if (o->type && strcmp(o->type, "PER") && strcmp(o->type, "ORG") && strcmp(o->type, "GPE") &&
        strcmp(o->type, "LOC")) {
        error("entities: --type must be PER, ORG, GPE or LOC, not '%s'%s", o->type, "");
        return EXIT_USAGE;
    }
    if (open_store(o, STORE_READ, &st))
        return EXIT_USAGE;
    l.format = default_format(o);
    l.spans = o->doc != NULL;
    l.o = out_new(stdout, l.format, cols, l.spans ? 7 : 6);
    kr_error_clear(&e, db_path(o));
    rc = l.o ? store_entities(st, o->type, o->doc, entity_row, &l, &e)
             : kr_errorf(&e, KR_ENOMEM, "out of memory");
    if (out_close(l.o) && rc >= 0)
        rc = kr_errorf(&e, KR_EIO, "cannot write the output");
    store_close(st);
    if (rc < 0) {
        error("entities: %s%s", e.msg, "");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* --- code, events ----------------------------------------------------------- */

static int event_format(const opts *o, const char *cmd, int dflt, unsigned allowed)
{
    int f;
    if (!o->format_name)
        return dflt;
    f = evout_parse_format(o->format_name);
    if (f < 0 || !((allowed >> f) & 1)) {
        error("%s: unknown format '%s'", cmd, o->format_name);
        return -1;
    }
    return f;
}

typedef struct code_run {
    evout *out;
    kr_arena *arena;
    int failed;
} code_run;

static int code_print(void *ud, const kr_doc *d, const char *id, const analysis *an)
{
    code_run *c = ud;
    int rc;
    /* the input's own id when it has one, so that events join back to it */
    const char *doc = d->ext_id.n ? arena_strndup(c->arena, d->ext_id.p, d->ext_id.n) : id;
    if (an->nevents && !doc)
        return KR_ENOMEM;
    if ((rc = evout_write_doc(c->out, an->events, an->nevents, d, doc, c->arena)) != 0) {
        c->failed = 1;
        return rc;
    }
    arena_reset(c->arena);
    return 0;
}

static int cmd_code(opts *o)
{
    static const char *const stdin_only[] = {"-"};
    ingest_opts io;
    ingest_stats s;
    code_run c;
    kr_error e;
    int rc, format = event_format(o, "code", EVOUT_JSONL, (1u << EVOUT_JSONL) | (1u << EVOUT_TSV));
    if (format < 0)
        return EXIT_USAGE;
    memset(&c, 0, sizeof c);
    if (!(c.out = evout_new(stdout, format)) || !(c.arena = arena_new())) {
        error("code: out of memory%s%s", "", "");
        evout_close(c.out);
        return EXIT_USAGE;
    }
    memset(&io, 0, sizeof io);
    io.report = report_cb;
    io.lexicon = o->lexicon;
    io.coded = code_print;
    io.ud = &c;
    io.progress = !o->quiet && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO) ? stderr : NULL;
    kr_error_clear(&e, NULL);
    if (o->nargs)
        rc = ingest_paths(NULL, o->args, o->nargs, &io, &s, &e);
    else
        rc = ingest_paths(NULL, stdin_only, 1, &io, &s, &e);
    if (rc)
        print_error(&e);
    warn_lexicon(&s);
    if (evout_close(c.out) && !rc) {
        error("code: cannot write the output%s%s", "", "");
        rc = KR_EIO;
    }
    arena_free(c.arena);
    if (o->stats) {
        double mb = (double)s.bytes / 1e6;
        fprintf(stderr,
                "kronika: stats: %.2f MB, %zu documents, %zu events in %.2f s (%.1f MB/s)\n"
                "kronika: stats: finish %.2f s, entities %.2f s (%.1f MB/s), events %.2f s"
                " (%.1f MB/s)\n",
                mb, s.docs_new, s.events, s.seconds, s.seconds > 0 ? mb / s.seconds : 0,
                s.t_finish, s.t_entities, s.t_entities > 0 ? mb / s.t_entities : 0, s.t_events,
                s.t_events > 0 ? mb / s.t_events : 0);
    }
    if (rc)
        return EXIT_USAGE;
    if (s.rejected && s.files == 0)
        return EXIT_USAGE;
    return s.rejected ? EXIT_REJECTED : EXIT_OK;
}

static int is_day(const char *v)
{
    kr_date d;
    return strlen(v) == 10 && v[4] == '-' && v[7] == '-' && date_parse(v, 10, &d) == 10;
}

/* Takes one event filter option; 0, or -1 after printing why not. */
static int event_filter(opts *o, const char *a, size_t nl, const char *val)
{
    store_event_filter *f = &o->ev;
#define IS(name) (strncmp(a, name, nl) == 0 && strlen(name) == nl)
    if (!*val) {
        error("events: %s needs a value%s", a, "");
        return -1;
    }
    if (IS("--actor"))
        f->actor = val;
    else if (IS("--source"))
        f->source = val;
    else if (IS("--target"))
        f->target = val;
    else if (IS("--code")) {
        size_t k;
        for (k = 0; val[k]; k++)
            if (!kr_isdigit((unsigned char)val[k]) || k >= 4) {
                error("events: --code takes a CAMEO code or prefix (digits), not '%s'%s", val, "");
                return -1;
            }
        f->code = val;
    } else if (IS("--since") || IS("--until")) {
        if (!is_day(val)) {
            error("events: dates are YYYY-MM-DD, not '%s'%s", val, "");
            return -1;
        }
        if (IS("--since"))
            f->since = val;
        else
            f->until = val;
    } else if (IS("--lang"))
        f->lang = val;
    else { /* --dyad A,B */
        const char *comma = strchr(val, ',');
        char *src;
        if (!comma || comma == val || !comma[1] || strchr(comma + 1, ',')) {
            error("events: --dyad takes two actors, A,B, not '%s'%s", val, "");
            return -1;
        }
        /* kept until exit: options live as long as the command */
        if (!(src = kr_strndup(val, (size_t)(comma - val))))
            return -1;
        f->source = src;
        f->target = comma + 1;
        kr_free(o->dyad_owned); /* a second --dyad replaces the first */
        o->dyad_owned = src;
    }
#undef IS
    return 0;
}

static int event_row(void *ud, const ev_record *r)
{
    return evout_write(ud, r) != 0;
}

static int cmd_events(opts *o)
{
    store *st;
    evout *eo;
    kr_error e;
    int rc, format;
    if (o->nargs) {
        error("events: unexpected argument '%s'%s", o->args[0], "");
        return EXIT_USAGE;
    }
    format = event_format(o, "events", isatty(STDOUT_FILENO) ? EVOUT_TABLE : EVOUT_JSONL,
                          (1u << EVOUT_JSONL) | (1u << EVOUT_CSV) | (1u << EVOUT_TABLE) |
                              (1u << EVOUT_GDELT) | (1u << EVOUT_ICEWS));
    if (format < 0)
        return EXIT_USAGE;
    if (open_store(o, STORE_READ, &st))
        return EXIT_USAGE;
    o->ev.doc = o->doc;
    o->ev.limit = o->limit;
    kr_error_clear(&e, db_path(o));
    if (!(eo = evout_new(stdout, format)))
        rc = kr_errorf(&e, KR_ENOMEM, "out of memory");
    else
        rc = store_events(st, &o->ev, event_row, eo, &e);
    if (evout_close(eo) && rc >= 0)
        rc = kr_errorf(&e, KR_EIO, "cannot write the output");
    store_close(st);
    if (rc < 0) {
        error("events: %s%s", e.msg, "");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* --- lexicon -------------------------------------------------------------- */

typedef struct lex_problems {
    size_t errors, warnings;
    int quiet_warnings;
} lex_problems;

static void lex_report(void *ud, const char *file, size_t line, int warning, const char *msg)
{
    lex_problems *p = ud;
    if (warning)
        p->warnings++;
    else
        p->errors++;
    if (!warning || !p->quiet_warnings)
        fprintf(stderr, "kronika: %s:%zu: %s%s\n", file, line, warning ? "warning: " : "", msg);
}

/* Loads the lexicon of --lexicon DIR or the built-in one; prints problems. */
static int load_lexicon(const opts *o, int check, lex_problems *pr, lex_db **db)
{
    kr_error e;
    int rc;
    kr_error_clear(&e, o->lexicon);
    if (o->lexicon) {
        rc = lex_load_dir(o->lexicon, check, lex_report, pr, db, &e);
        if (rc && rc != KR_EFORMAT)
            print_error(&e);
    } else {
        rc = lex_builtin(check, lex_report, pr, db);
    }
    return rc;
}

static int lexicon_stats(const opts *o, lex_db *db)
{
    static const char *const cols[] = {"what", "count"};
    static const char *const types[] = {"", "PER", "ORG", "GPE", "LOC", "AGENT", "GIVEN"};
    size_t bytype[7] = {0}, k, nn, agencies = 0, withroles = 0, roles = 0;
    const lex_name *names = lex_names(db, &nn);
    size_t perlang[16] = {0};
    static const char *const langs[] = {"", "en", "ru", "az", "hy", "tr", "ka", "fa", "uk", "ar", "de", "fr"};
    int format = default_format(o);
    out *w = out_new(stdout, format, cols, 2);
    char what[64];
    if (!w)
        return EXIT_USAGE;
    for (k = 0; k < lex_count(db); k++) {
        const lex_entry *e = lex_entry_at(db, k);
        bytype[e->type < 7 ? e->type : 0]++;
        agencies += e->agency != 0;
        withroles += e->nroles != 0;
        roles += e->nroles;
    }
    for (k = 0; k < nn; k++) {
        size_t l;
        for (l = 0; l < 12; l++)
            if (strcmp(names[k].lang, langs[l]) == 0)
                perlang[l]++;
    }
    out_str(w, "entries");
    out_int(w, (int64_t)lex_count(db));
    out_row_end(w);
    for (k = 1; k < 7; k++) {
        snprintf(what, sizeof what, "entries %s", types[k]);
        out_str(w, what);
        out_int(w, (int64_t)bytype[k]);
        out_row_end(w);
    }
    out_str(w, "news agencies");
    out_int(w, (int64_t)agencies);
    out_row_end(w);
    out_str(w, "persons with dated roles");
    out_int(w, (int64_t)withroles);
    out_row_end(w);
    out_str(w, "roles");
    out_int(w, (int64_t)roles);
    out_row_end(w);
    out_str(w, "names");
    out_int(w, (int64_t)nn);
    out_row_end(w);
    for (k = 0; k < 12; k++) {
        if (!perlang[k])
            continue;
        snprintf(what, sizeof what, "names %s", k ? langs[k] : "(canonical)");
        out_str(w, what);
        out_int(w, (int64_t)perlang[k]);
        out_row_end(w);
    }
    return out_close(w) ? EXIT_USAGE : EXIT_OK;
}

static void import_report(void *ud, const char *file, size_t line, const char *msg)
{
    (void)ud;
    if (line)
        fprintf(stderr, "kronika: %s:%zu: %s\n", file, line, msg);
    else
        fprintf(stderr, "kronika: %s: %s\n", file, msg);
}

/* kronika lexicon import --out DIR PATH... */
static int lexicon_import_cmd(opts *o)
{
    import_stats st;
    kr_error e;
    int rc;
    if (!o->out || o->nargs < 2) {
        error("lexicon import: give --out DIR and the dictionary files or folders%s%s", "", "");
        return EXIT_USAGE;
    }
    memset(&st, 0, sizeof st);
    kr_error_clear(&e, NULL);
    rc = lexicon_import(o->args + 1, o->nargs - 1, o->out, o->quiet ? NULL : import_report, NULL,
                        &st, &e);
    if (rc) {
        print_error(&e);
        return EXIT_USAGE;
    }
    if (!o->quiet)
        printf("%zu file%s: %zu actors, %zu agents, %zu verbs, %zu patterns, %zu codes added;"
               " %zu left out, %zu narrowed; written to %s (use --lexicon %s)\n",
               st.files, st.files == 1 ? "" : "s", st.actors, st.agents, st.verbs, st.patterns,
               st.codes, st.skipped, st.narrowed, o->out, o->out);
    return EXIT_OK;
}

static int cmd_lexicon(opts *o)
{
    lex_db *db = NULL;
    lex_problems pr = {0, 0, 0};
    int rc;
    const char *sub = o->nargs ? o->args[0] : "";
    if (strcmp(sub, "import") == 0)
        return lexicon_import_cmd(o);
    if (strcmp(sub, "check") != 0 && strcmp(sub, "stats") != 0) {
        error("lexicon: expected 'check', 'stats' or 'import', not '%s'%s", sub, "");
        return EXIT_USAGE;
    }
    pr.quiet_warnings = strcmp(sub, "stats") == 0;
    rc = load_lexicon(o, strcmp(sub, "check") == 0, &pr, &db);
    if (rc) {
        fprintf(stderr, "kronika: lexicon: %zu error%s, %zu warning%s\n", pr.errors,
                pr.errors == 1 ? "" : "s", pr.warnings, pr.warnings == 1 ? "" : "s");
        return rc == KR_EFORMAT ? EXIT_REJECTED : EXIT_USAGE;
    }
    if (strcmp(sub, "stats") == 0)
        rc = lexicon_stats(o, db);
    else {
        /* the event codebook and patterns, from the same folder */
        size_t nsrc, ncodes = 0, npats = 0;
        const lex_source *src = lex_sources(db, &nsrc);
        stem_cache *sc = stem_new();
        evlex *ev = NULL;
        int erc = sc ? evlex_build(src, nsrc, 1, sc, lex_report, &pr, &ev) : KR_ENOMEM;
        if (ev) {
            ncodes = evlex_ncodes(ev);
            npats = evlex_npatterns(ev);
        }
        evlex_free(ev);
        stem_free(sc);
        printf("%zu entries, %zu event codes, %zu event patterns, %zu error%s, %zu warning%s\n",
               lex_count(db), ncodes, npats, pr.errors, pr.errors == 1 ? "" : "s", pr.warnings,
               pr.warnings == 1 ? "" : "s");
        rc = erc == KR_ENOMEM ? EXIT_USAGE : erc ? EXIT_REJECTED : EXIT_OK;
    }
    lex_free(db);
    return rc;
}

/* --- help and dispatch --------------------------------------------------- */

static int cmd_help(opts *o);
static int cmd_version(opts *o)
{
    (void)o;
    printf("kronika %s (database schema %d)\n", KRONIKA_VERSION, store_schema_version());
    return EXIT_OK;
}

#define LIST_FORMATS ((1u << OUT_TABLE) | (1u << OUT_JSONL) | (1u << OUT_CSV))
#define EVENT_FORMATS (1u << 8) /* --format parsed by evout_parse_format */

static const command commands[] = {
    {"ingest", cmd_ingest,
     "kronika ingest [--db PATH] [--lexicon DIR] [--no-entities] [--quiet] [--stats] PATH...",
     "Reads files (.txt, .html, .htm, .jsonl), folders (recursively) or - (JSON Lines\n"
     "on stdin) and stores their documents. Content already stored is skipped;\n"
     "files unchanged since a finished ingest are not read again. Each rejected\n"
     "file or record is reported as 'kronika: FILE: reason' and the rest goes on.\n"
     "Exit status 1 when something was rejected. --stats prints the time spent\n"
     "in each stage on stderr. --no-entities stores and indexes the documents\n"
     "only (a full-text archive, without entity analysis).", 0},
    {"docs", cmd_docs, "kronika docs [--db PATH] [--format table|jsonl|csv] [--limit N]",
     "Lists stored documents in ingest order.", LIST_FORMATS},
    {"show", cmd_show, "kronika show [--db PATH] [--format table|jsonl] DOC",
     "Shows one document (by id or a unique id prefix of 4+ characters), its\n"
     "mentions marked as [text]{entity TYPE code}; --format jsonl gives the\n"
     "Document record with its text.",
     (1u << OUT_TABLE) | (1u << OUT_JSONL)},
    {"search", cmd_search, "kronika search [--db PATH] [--format table|jsonl|csv] [--limit N] WORDS...",
     "Full-text search over all documents, best first (20 by default). Every word\n"
     "must match; matching ignores case and diacritics and uses word stems, so\n"
     "'лавров' finds 'Лавровым' and 'meetings' finds 'meeting'.", LIST_FORMATS},
    {"entities", cmd_entities,
     "kronika entities [--db PATH] [--type PER|ORG|GPE|LOC] [--doc ID] [--format table|jsonl|csv]",
     "Lists the people, states, organizations and places found in the stored\n"
     "documents, most mentioned first, with their canonical English name, country\n"
     "and actor code. With --doc, only that document's, with the spans\n"
     "[start, end, text] of each mention (byte offsets into the stored text).", LIST_FORMATS},
    {"lexicon", cmd_lexicon,
     "kronika lexicon check|stats [--lexicon DIR] [--format F]\n"
     "       kronika lexicon import --out DIR PATH...",
     "check: validates the lexicon (the built-in one, or the *.txt files under DIR):\n"
     "syntax, unknown keys, bad codes and dates, references, duplicate ids (errors,\n"
     "exit status 1), overlapping roles and names shared by two entries (warnings);\n"
     "and the event codebook and patterns under events/.\n"
     "stats: counts entries by type, names by language, persons with roles.\n"
     "import: reads TABARI and PETRARCH dictionaries (.verbs, .actors, .agents,\n"
     ".options, .project, PETRARCH verb pattern, actor and agent files, or folders of\n"
     "them) and writes DIR/actors.txt, DIR/agents.txt, DIR/events/en.txt and\n"
     "DIR/events/cameo.txt, to code with: kronika code --lexicon DIR. What could not\n"
     "be carried over is reported as FILE:LINE: reason (docs/import.md).\n"
     "The formats are described in docs/lexicon.md and docs/events.md.", LIST_FORMATS},
    {"code", cmd_code, "kronika code [--lexicon DIR] [--format jsonl|tsv] [--stats] [PATH...]",
     "Stateless filter: reads documents (files, folders, or JSON Lines on stdin\n"
     "when no PATH or - is given), codes their events and prints them on stdout,\n"
     "one JSON object a line (SPEC section 3), or tab-separated with --format tsv.\n"
     "No database is read or written, so it can run as a Hadoop or Spark\n"
     "streaming step. Rejected inputs are reported on stderr; exit status 1.",
     EVENT_FORMATS},
    {"events", cmd_events,
     "kronika events [--db PATH] [--actor X] [--source X] [--target X] [--dyad A,B]\n"
     "               [--code PREFIX] [--since DATE] [--until DATE] [--lang L] [--doc ID]\n"
     "               [--limit N] [--format table|jsonl|csv|gdelt|icews]",
     "Lists stored events in date order. An actor (X, A, B) is an entity id\n"
     "(sergey-lavrov), an actor or country code (RUSGOV, RUS) or a canonical name;\n"
     "--actor matches either side, --dyad A,B events from A to B. --code takes a\n"
     "CAMEO prefix (04 for every consultation). gdelt and icews print tab-separated\n"
     "rows in the column order of those datasets (see docs/events.md).",
     EVENT_FORMATS},
    {"help", cmd_help, "kronika help [COMMAND]", "Describes kronika or one command.", 0},
    {"version", cmd_version, "kronika version", "Prints the version.", 0},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const command *find_command(const char *name)
{
    size_t k;
    for (k = 0; k < NCOMMANDS; k++)
        if (strcmp(commands[k].name, name) == 0)
            return &commands[k];
    return NULL;
}

static void usage_of(const command *c, FILE *f)
{
    fprintf(f, "usage: %s\n\n%s\n", c->usage, c->help);
    if (c->formats || c == find_command("ingest"))
        fprintf(f, "\n--db PATH  database (default $KRONIKA_DB, else ./kronika.db)\n");
}

static int cmd_help(opts *o)
{
    size_t k;
    if (o->nargs) {
        const command *c = find_command(o->args[0]);
        if (!c) {
            error("help: unknown command '%s'%s", o->args[0], "");
            return EXIT_USAGE;
        }
        usage_of(c, stdout);
        return EXIT_OK;
    }
    printf("kronika: news reports in, structured event data out.\n\nusage: kronika COMMAND [OPTIONS] [ARGS]\n\n");
    for (k = 0; k < NCOMMANDS; k++)
        printf("  %-8s %s\n", commands[k].name, commands[k].usage);
    printf("\nkronika help COMMAND describes one command. Exit status: 0 all went well,\n"
           "1 some inputs were rejected, 2 usage error or nothing could be done.\n");
    return EXIT_OK;
}

/* Parses options anywhere among the arguments; "--" ends them. */
static int parse(const command *c, int argc, char **argv, opts *o)
{
    int k, only_args = 0;
    memset(o, 0, sizeof *o);
    o->format = -1;
    o->args = kr_calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->args)
        return -1;
    for (k = 0; k < argc; k++) {
        const char *a = argv[k], *val = NULL;
        size_t nl;
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            o->args[o->nargs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->help = 1;
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
            continue;
        }
        if (strcmp(a, "--stats") == 0 && (c->run == cmd_ingest || c->run == cmd_code)) {
            o->stats = 1;
            continue;
        }
        if (strcmp(a, "--no-entities") == 0 && c->run == cmd_ingest) {
            o->no_entities = 1;
            continue;
        }
        nl = strcspn(a, "=");
        if (a[nl] == '=')
            val = a + nl + 1;
#define OPT(name) (strncmp(a, name, nl) == 0 && strlen(name) == nl)
        if (c->run == cmd_events &&
            (OPT("--actor") || OPT("--source") || OPT("--target") || OPT("--dyad") ||
             OPT("--code") || OPT("--since") || OPT("--until") || OPT("--lang"))) {
            if (!val && k + 1 >= argc) {
                error("%s: missing value for %s", c->name, a);
                return -1;
            }
            if (!val)
                val = argv[++k];
            if (event_filter(o, a, nl, val))
                return -1;
            continue;
        }
        if (OPT("--db") || OPT("--format") || OPT("--limit") || OPT("--lexicon") || OPT("--type") ||
            OPT("--doc") || (OPT("--out") && c->run == cmd_lexicon)) {
            if (!val) {
                if (k + 1 >= argc) {
                    error("%s: missing value for %s", c->name, a);
                    return -1;
                }
                val = argv[++k];
            }
            if (OPT("--db")) {
                o->db = val;
            } else if (OPT("--out")) {
                o->out = val;
            } else if (OPT("--lexicon")) {
                o->lexicon = val;
            } else if (OPT("--type")) {
                o->type = val;
            } else if (OPT("--doc")) {
                o->doc = val;
            } else if (OPT("--format") && c->formats == EVENT_FORMATS) {
                o->format_name = val;
            } else if (OPT("--format")) {
                if (!c->formats || (o->format = out_parse_format(val, c->formats)) < 0) {
                    error(c->formats ? "%s: unknown format '%s'" : "%s: takes no --format (%s)",
                          c->name, val);
                    return -1;
                }
            } else {
                char *end;
                long v;
                errno = 0;
                v = strtol(val, &end, 10);
                if (*val == '\0' || *end || v < 0 || errno == ERANGE) {
                    error("%s: --limit needs a number, not '%s'", c->name, val);
                    return -1;
                }
                o->limit = (size_t)v;
            }
            continue;
        }
#undef OPT
        error("%s: unknown option '%s' (see kronika help)", c->name, a);
        return -1;
    }
    return 0;
}

int cli_main(int argc, char **argv)
{
    const command *c;
    opts o;
    int rc;
    if (argc < 2) {
        opts none;
        memset(&none, 0, sizeof none);
        cmd_help(&none);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        c = find_command("help");
    else if (strcmp(argv[1], "--version") == 0)
        c = find_command("version");
    else
        c = find_command(argv[1]);
    if (!c) {
        error("unknown command '%s' (see kronika help)%s", argv[1], "");
        return EXIT_USAGE;
    }
    if (parse(c, argc - 2, argv + 2, &o) != 0) {
        kr_free(o.args);
        kr_free(o.dyad_owned);
        return EXIT_USAGE;
    }
    if (o.help) {
        usage_of(c, stdout);
        rc = EXIT_OK;
    } else {
        rc = c->run(&o);
    }
    kr_free(o.args);
    kr_free(o.dyad_owned);
    return rc;
}
