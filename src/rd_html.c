/* rd_html.c: the HTML reader (SPEC section 2). Parses a page with libxml2's
 * HTML parser and extracts one document: the article's text without menus,
 * sidebars, "related news" lists and footers, plus title, date, language,
 * URL and site name. docs/html.md states the rules. */
#include "rd.h"

#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "date.h"
#include "utf8.h"

/* Most attributes in one start tag (see prescan). */
#define ATTR_MAX 256
/* libxml2's nesting limit without XML_PARSE_HUGE. */
#define DEPTH_MAX 256
/* libxml2's longest text node without XML_PARSE_HUGE (XML_MAX_TEXT_LENGTH). */
#define TEXT_RUN_MAX 10000000
/* A "related news" heading: at most this many bytes of text (no spaces),
 * read from at most MARK_NODES nodes. */
#define MARK_MAX 64
#define MARK_NODES 64
/* Longest title, site name or URL kept. */
#define META_MAX 4096
/* An <article> or <main> is the text's root only if it holds at least
 * 1/ROOT_SHARE of the page's visible text. */
#define ROOT_SHARE 5

/* ---- element classes ---- */

enum {
    F_DROP = 1 << 0,    /* never text: scripts, menus, forms, media */
    F_PARA = 1 << 1,    /* block: a paragraph break before and after */
    F_LINE = 1 << 2,    /* a line break before and after */
    F_CELL = 1 << 3,    /* table cell: a space before and after */
    F_LIST = 1 << 4,    /* ul, ol, dl, menu */
    F_PRE = 1 << 5,     /* newlines kept */
    F_KEEP = 1 << 6,    /* never dropped for its class or id */
    F_HEADER = 1 << 7,  /* dropped unless inside <article> or <main> */
    F_BR = 1 << 8,
    F_LINK = 1 << 9,    /* a */
    F_CONTENT = 1 << 10 /* article, main */
};

typedef struct tag_info {
    const char *name;
    unsigned flags;
} tag_info;

/* Element names as libxml2 gives them (lowercase). Unknown elements are
 * inline and kept. */
static const tag_info tags[] = {
    {"a", F_LINK},
    {"address", F_PARA},
    {"article", F_PARA | F_KEEP | F_CONTENT},
    {"aside", F_DROP | F_PARA},
    {"audio", F_DROP},
    {"blockquote", F_PARA},
    {"body", F_PARA | F_KEEP},
    {"br", F_BR},
    {"button", F_DROP},
    {"canvas", F_DROP},
    {"caption", F_LINE},
    {"center", F_PARA},
    {"dd", F_LINE},
    {"details", F_PARA},
    {"dialog", F_DROP | F_PARA},
    {"dir", F_PARA | F_LIST},
    {"div", F_PARA},
    {"dl", F_PARA | F_LIST},
    {"dt", F_LINE},
    {"embed", F_DROP},
    {"fieldset", F_PARA},
    {"figcaption", F_DROP | F_PARA},
    {"figure", F_DROP | F_PARA},
    {"footer", F_DROP | F_PARA},
    {"form", F_DROP | F_PARA},
    {"frameset", F_DROP},
    {"h1", F_PARA},
    {"h2", F_PARA},
    {"h3", F_PARA},
    {"h4", F_PARA},
    {"h5", F_PARA},
    {"h6", F_PARA},
    {"head", F_DROP},
    {"header", F_HEADER | F_PARA},
    {"hgroup", F_PARA},
    {"hr", F_PARA},
    {"html", F_PARA | F_KEEP},
    {"iframe", F_DROP},
    {"input", F_DROP},
    {"legend", F_PARA},
    {"li", F_LINE},
    {"main", F_PARA | F_KEEP | F_CONTENT},
    {"menu", F_DROP | F_PARA | F_LIST},
    {"nav", F_DROP | F_PARA},
    {"noframes", F_DROP},
    {"noscript", F_DROP},
    {"object", F_DROP},
    {"ol", F_PARA | F_LIST},
    {"option", F_DROP},
    {"p", F_PARA},
    {"pre", F_PARA | F_PRE},
    {"script", F_DROP},
    {"section", F_PARA},
    {"select", F_DROP},
    {"style", F_DROP},
    {"summary", F_PARA},
    {"svg", F_DROP},
    {"table", F_PARA},
    {"tbody", F_PARA},
    {"td", F_CELL},
    {"template", F_DROP},
    {"textarea", F_DROP},
    {"tfoot", F_PARA},
    {"th", F_CELL},
    {"thead", F_PARA},
    {"title", F_DROP},
    {"tr", F_LINE},
    {"ul", F_PARA | F_LIST},
    {"video", F_DROP},
};

static unsigned tag_flags(const xmlNode *e)
{
    const char *name = (const char *)e->name;
    size_t k;
    if (!name)
        return 0;
    for (k = 0; k < sizeof tags / sizeof tags[0]; k++)
        if (tags[k].name[0] == name[0] && strcmp(tags[k].name, name) == 0)
            return tags[k].flags;
    return 0;
}

static int is_elem(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

/* ---- attributes ---- */

/* The attributes the reader looks at; p == NULL when absent. */
typedef struct eattr {
    kr_str cls, id, role, itemprop, style, name, property, content, http_equiv,
        rel, href, datetime, lang, xml_lang;
    int hidden;
} eattr;

static const struct {
    const char *name;
    size_t off;
} attr_slots[] = {
    {"class", offsetof(eattr, cls)},
    {"id", offsetof(eattr, id)},
    {"role", offsetof(eattr, role)},
    {"itemprop", offsetof(eattr, itemprop)},
    {"style", offsetof(eattr, style)},
    {"name", offsetof(eattr, name)},
    {"property", offsetof(eattr, property)},
    {"content", offsetof(eattr, content)},
    {"http-equiv", offsetof(eattr, http_equiv)},
    {"rel", offsetof(eattr, rel)},
    {"href", offsetof(eattr, href)},
    {"datetime", offsetof(eattr, datetime)},
    {"lang", offsetof(eattr, lang)},
    {"xml:lang", offsetof(eattr, xml_lang)},
};

static void read_attrs(const xmlNode *e, eattr *ea)
{
    const xmlAttr *at;
    size_t k;
    memset(ea, 0, sizeof *ea);
    for (at = e->properties; at; at = at->next) {
        const char *nm = (const char *)at->name;
        if (!nm)
            continue;
        if (strcmp(nm, "hidden") == 0) {
            ea->hidden = 1;
            continue;
        }
        for (k = 0; k < sizeof attr_slots / sizeof attr_slots[0]; k++) {
            kr_str *slot = (kr_str *)(void *)((char *)ea + attr_slots[k].off);
            if (strcmp(nm, attr_slots[k].name) != 0 || slot->p)
                continue;
            /* The HTML parser stores a value as one text child. */
            slot->p = "";
            slot->n = 0;
            if (at->children && at->children->content) {
                slot->p = (const char *)at->children->content;
                slot->n = strlen(slot->p);
            }
            break;
        }
    }
}

static int ci_eq(const char *s, size_t n, const char *w)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (w[k] == '\0' || kr_tolower((unsigned char)s[k]) != w[k])
            return 0;
    return w[n] == '\0';
}

static int ci_in(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (ci_eq(s, n, *list))
            return 1;
    return 0;
}

static kr_str trim(kr_str v)
{
    while (v.n && kr_isspace((unsigned char)v.p[0])) {
        v.p++;
        v.n--;
    }
    while (v.n && kr_isspace((unsigned char)v.p[v.n - 1]))
        v.n--;
    return v;
}

/* Words that mark a class or id as boilerplate, matched against its parts:
 * "main-nav", "share_buttons", "relatedNews" and "ad300" all match. */
static const char *const boiler_words[] = {
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "banner",
    "breadcrumb", "breadcrumbs", "comment", "comments", "cookie", "cookies",
    "copyright", "disqus", "footer", "menu", "modal", "nav", "navbar",
    "navigation", "newsletter", "outbrain", "pager", "pagination", "popup",
    "promo", "related", "share", "sharing", "sidebar", "social", "sponsor",
    "sponsored", "subscribe", "subscription", "taboola", "tag", "tags",
    "toolbar", NULL};

/* ARIA roles of page furniture. */
static const char *const boiler_roles[] = {
    "alertdialog", "banner", "complementary", "contentinfo", "dialog", "menu",
    "menubar", "navigation", "search", "toolbar", NULL};

/* 1 when a part of v (runs of ASCII letters, also split where a lowercase
 * letter meets an uppercase one) is in `words`. */
static int has_part(kr_str v, const char *const *words)
{
    size_t i = 0, st;
    while (i < v.n) {
        unsigned char c = (unsigned char)v.p[i];
        if (!kr_isalpha(c)) {
            i++;
            continue;
        }
        st = i++;
        while (i < v.n && kr_isalpha((unsigned char)v.p[i]) &&
               !(v.p[i - 1] >= 'a' && v.p[i - 1] <= 'z' && v.p[i] >= 'A' &&
                 v.p[i] <= 'Z'))
            i++;
        if (ci_in(v.p + st, i - st, words))
            return 1;
    }
    return 0;
}

/* 1 when one of the blank-separated tokens of v is `word` (any case). */
static int has_token(kr_str v, const char *word)
{
    size_t i = 0, st;
    while (i < v.n) {
        while (i < v.n && kr_isspace((unsigned char)v.p[i]))
            i++;
        st = i;
        while (i < v.n && !kr_isspace((unsigned char)v.p[i]))
            i++;
        if (i > st && ci_eq(v.p + st, i - st, word))
            return 1;
    }
    return 0;
}

/* style="display: none" or "visibility:hidden". */
static int style_hidden(kr_str v)
{
    char buf[256];
    size_t i, k = 0;
    for (i = 0; i < v.n && k + 1 < sizeof buf; i++)
        if (!kr_isspace((unsigned char)v.p[i]))
            buf[k++] = (char)kr_tolower((unsigned char)v.p[i]);
    buf[k] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static int is_article_body(const eattr *ea)
{
    return ea->itemprop.p && has_token(ea->itemprop, "articlebody");
}

/* Dropped for its class, id, role or hidden state. */
static int boiler(const eattr *ea)
{
    return ea->hidden || (ea->cls.p && has_part(ea->cls, boiler_words)) ||
           (ea->id.p && has_part(ea->id, boiler_words)) ||
           (ea->role.p && has_part(ea->role, boiler_roles)) ||
           (ea->style.p && style_hidden(ea->style));
}

/* ---- text output ---- */

enum { BRK_NONE, BRK_SPACE, BRK_LINE, BRK_PARA };

static const char *const brk_str[] = {"", " ", "\n", "\n\n"};

/* Builds collapsed text: runs of spaces become one separator, the strongest
 * asked for since the last visible character; none at the start or end. */
typedef struct emit {
    kr_buf b;
    int pend;    /* BRK_* owed before the next visible character */
    int oneline; /* every break is a space (titles, headings) */
    size_t max;  /* longest output; KR_ELIMIT beyond */
} emit;

static void emit_break(emit *e, int brk)
{
    if (e->oneline && brk > BRK_SPACE)
        brk = BRK_SPACE;
    if (brk > e->pend)
        e->pend = brk;
}

static void emit_reset(emit *e)
{
    kr_buf_reset(&e->b);
    e->pend = BRK_NONE;
}

static int emit_bytes(emit *e, const char *s, size_t n)
{
    size_t sep;
    if (n == 0)
        return 0;
    sep = e->b.n ? strlen(brk_str[e->pend]) : 0;
    if (e->b.n + sep + n > e->max)
        return KR_ELIMIT;
    if (kr_buf_append(&e->b, brk_str[e->pend], sep) ||
        kr_buf_append(&e->b, s, n))
        return KR_ENOMEM;
    e->pend = BRK_NONE;
    return 0;
}

/* C1 controls as HTML reads them: the Windows-1252 characters ("&#150;" is
 * an en dash). 0: undefined, read as a space. */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* What a non-ASCII code point does in text: BRK_* for a space or line
 * separator, -1 to drop it (soft hyphen, zero-width space, word joiner,
 * BOM), 0 to keep it. */
static int cp_class(int32_t c)
{
    if (c < 0)
        return -1;
    if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
        c == 0x202F || c == 0x205F || c == 0x3000)
        return BRK_SPACE;
    if (c == 0x2028)
        return BRK_LINE;
    if (c == 0x2029)
        return BRK_PARA;
    if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF)
        return -1;
    return 0;
}

/* Appends the text s[0..n) (UTF-8). Outside <pre> every space is one
 * separator; C0/C1 controls and Unicode spaces are spaces. */
static int emit_text(emit *e, const char *s, size_t n, int pre)
{
    size_t i = 0, run = 0, j;
    int32_t c;
    int rc, k;
    char enc[4];

    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b > 0x20 && b < 0x7F) {
            i++;
            continue;
        }
        if (b < 0x80) {
            if ((rc = emit_bytes(e, s + run, i - run)))
                return rc;
            emit_break(e, (pre && b == '\n') ? BRK_LINE : BRK_SPACE);
            run = ++i;
            continue;
        }
        j = i;
        c = utf8_next(s, n, &j);
        if (c >= 0xA0 && (k = cp_class(c)) == 0) {
            i = j;
            continue;
        }
        if ((rc = emit_bytes(e, s + run, i - run)))
            return rc;
        if (c >= 0x80 && c < 0xA0) {
            if (cp1252[c - 0x80] == 0) {
                emit_break(e, BRK_SPACE);
            } else if ((rc = emit_bytes(e, enc, utf8_encode(cp1252[c - 0x80], enc)))) {
                return rc;
            }
        } else if ((k = cp_class(c)) > 0) {
            emit_break(e, k);
        }
        run = i = j;
    }
    return emit_bytes(e, s + run, n - run);
}

/* ---- tree walking ---- */

/* What an enter callback asks for. Negative values are KR_E* errors. */
enum { W_DESCEND, W_SKIP, W_JUMP, W_STOP };

typedef int (*w_enter)(void *ud, xmlNode *n, xmlNode **jump);
typedef int (*w_leave)(void *ud, xmlNode *n);

/* Visits root's descendants in document order without recursion (trees are
 * up to DEPTH_MAX deep, but the parent pointers make a stack unneeded).
 * `enter` says whether to go into a node, skip it, or jump to a later
 * sibling (*jump, NULL: past the last one); `leave` runs once for every
 * node entered with W_DESCEND. Returns 0, W_STOP, or a negative error. */
static int walk(xmlNode *root, w_enter enter, w_leave leave, void *ud)
{
    xmlNode *n = root->children, *next;
    int act, rc;
    while (n) {
        next = NULL;
        act = enter(ud, n, &next);
        if (act < 0 || act == W_STOP)
            return act;
        /* Only elements are entered: an entity reference's children belong
         * to its declaration, not to this tree. */
        if (act == W_DESCEND && n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        if (act == W_DESCEND && leave && (rc = leave(ud, n)) < 0)
            return rc;
        if (act != W_JUMP)
            next = n->next;
        while (!next) {
            n = n->parent;
            if (!n || n == root)
                return 0;
            if (leave && (rc = leave(ud, n)) < 0)
                return rc;
            next = n->next;
        }
        n = next;
    }
    return 0;
}

static int text_node(const xmlNode *n)
{
    return (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
           n->content;
}

/* Bytes of s that are not ASCII spaces, counted up to cap + 1. */
static size_t visible_len(const char *s, size_t cap)
{
    size_t k = 0;
    for (; *s && k <= cap; s++)
        if (!kr_isspace((unsigned char)*s))
            k++;
    return k;
}

/* ---- first pass: text sizes, metadata, candidate roots ---- */

/* Per element, hung on xmlNode._private (the application's field). */
typedef struct nstat {
    size_t text;    /* visible bytes (no spaces) outside dropped parts */
    size_t link;    /* of which inside <a> */
    unsigned flags; /* S_* */
} nstat;

enum { S_DROPPED = 1, S_ARTICLE = 2, S_CONTENT = 4, S_SVG = 8, S_LINK = 16 };

static const nstat *stat_of(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE ? (const nstat *)n->_private : NULL;
}

/* Date sources, most trusted first. */
enum { D_PUBLISHED, D_ITEMPROP, D_META, D_TIME_TEXT, D_TIME, D_COUNT };

typedef struct scan {
    kr_arena *a;
    int drop;    /* open dropped elements */
    int content; /* open <article>/<main> */
    int article; /* open <article> */
    int svg;     /* open <svg> (its <title> is not the page's) */
    xmlNode *html, *title, *h1, *art_body, *main, *article_best;
    size_t article_best_text;
    kr_str og_title, og_url, og_site, og_locale, canonical, http_lang;
    kr_str date[D_COUNT];
} scan;

/* <meta name> or <meta property> values read as a publication date. */
static const char *const date_metas[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
    "article.published", "og:published_time", NULL};

static int meta_is(const eattr *ea, const char *key)
{
    return (ea->property.p && ci_eq(ea->property.p, ea->property.n, key)) ||
           (ea->name.p && ci_eq(ea->name.p, ea->name.n, key));
}

static void set_once(kr_str *slot, kr_str v)
{
    v = trim(v);
    if (!slot->p && v.p && v.n)
        *slot = v;
}

static void scan_meta(scan *sc, const eattr *ea)
{
    const char *const *k;
    if (!ea->content.p)
        return;
    if (meta_is(ea, "og:title"))
        set_once(&sc->og_title, ea->content);
    else if (meta_is(ea, "og:url"))
        set_once(&sc->og_url, ea->content);
    else if (meta_is(ea, "og:site_name"))
        set_once(&sc->og_site, ea->content);
    else if (meta_is(ea, "og:locale"))
        set_once(&sc->og_locale, ea->content);
    else if (meta_is(ea, "article:published_time"))
        set_once(&sc->date[D_PUBLISHED], ea->content);
    else if (ea->http_equiv.p &&
             ci_eq(ea->http_equiv.p, ea->http_equiv.n, "content-language"))
        set_once(&sc->http_lang, ea->content);
    for (k = date_metas; *k; k++)
        if (meta_is(ea, *k))
            set_once(&sc->date[D_META], ea->content);
}

static int scan_enter(void *ud, xmlNode *n, xmlNode **jump)
{
    scan *sc = ud;
    nstat *st;
    eattr ea;
    unsigned f;
    const char *name;
    (void)jump;

    if (text_node(n)) {
        nstat *ps = n->parent && n->parent->type == XML_ELEMENT_NODE
                        ? n->parent->_private : NULL;
        if (!sc->drop && ps)
            ps->text += visible_len((const char *)n->content, (size_t)-1);
        return W_SKIP;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return W_SKIP;
    if (!(st = arena_alloc(sc->a, sizeof *st)))
        return KR_ENOMEM;
    memset(st, 0, sizeof *st);
    n->_private = st;
    f = tag_flags(n);
    name = (const char *)n->name;
    read_attrs(n, &ea);

    if (!sc->html && strcmp(name, "html") == 0)
        sc->html = n;
    else if (!sc->title && !sc->svg && strcmp(name, "title") == 0)
        sc->title = n;
    else if (strcmp(name, "meta") == 0)
        scan_meta(sc, &ea);
    else if (strcmp(name, "link") == 0 && ea.rel.p && ea.href.p &&
             has_token(ea.rel, "canonical"))
        set_once(&sc->canonical, ea.href);
    if (ea.itemprop.p && has_token(ea.itemprop, "datepublished"))
        set_once(&sc->date[D_ITEMPROP], ea.datetime.p ? ea.datetime : ea.content);
    if (strcmp(name, "time") == 0 && ea.datetime.p)
        set_once(&sc->date[D_TIME], ea.datetime);

    if ((f & F_DROP) || ((f & F_HEADER) && !sc->content) ||
        (!(f & F_KEEP) && !is_article_body(&ea) && boiler(&ea))) {
        st->flags |= S_DROPPED;
        sc->drop++;
    }
    if (!sc->drop) {
        if (!sc->art_body && is_article_body(&ea))
            sc->art_body = n;
        if (!sc->main && strcmp(name, "main") == 0)
            sc->main = n;
        if (!sc->h1 && strcmp(name, "h1") == 0)
            sc->h1 = n;
    }
    if (strcmp(name, "article") == 0) {
        st->flags |= S_ARTICLE;
        sc->article++;
    }
    if (f & F_CONTENT) {
        st->flags |= S_CONTENT;
        sc->content++;
    }
    if (strcmp(name, "svg") == 0) {
        st->flags |= S_SVG;
        sc->svg++;
    }
    if (f & F_LINK)
        st->flags |= S_LINK;
    return W_DESCEND;
}

static int scan_leave(void *ud, xmlNode *n)
{
    scan *sc = ud;
    nstat *st = n->_private;
    xmlNode *p = n->parent;
    if (n->type != XML_ELEMENT_NODE || !st)
        return 0;
    if (st->flags & S_LINK)
        st->link = st->text;
    if (p && p->type == XML_ELEMENT_NODE && p->_private) {
        nstat *ps = p->_private;
        ps->text += st->text;
        ps->link += st->link;
    }
    if (st->flags & S_DROPPED)
        sc->drop--;
    if (st->flags & S_ARTICLE) {
        sc->article--;
        /* Outermost articles only: nested ones are comments or quotes. */
        if (!sc->drop && !sc->article &&
            (!sc->article_best || st->text > sc->article_best_text)) {
            sc->article_best = n;
            sc->article_best_text = st->text;
        }
    }
    if (st->flags & S_CONTENT)
        sc->content--;
    if (st->flags & S_SVG)
        sc->svg--;
    return 0;
}

/* ---- collecting the text of one element (titles, headings) ---- */

typedef struct coll {
    emit *e;
    size_t nodes, max_nodes; /* max_nodes 0: no limit */
} coll;

static int sep_of(unsigned f)
{
    return (f & F_PARA) ? BRK_PARA : (f & F_LINE) ? BRK_LINE : (f & F_CELL) ? BRK_SPACE : BRK_NONE;
}

static int coll_enter(void *ud, xmlNode *n, xmlNode **jump)
{
    coll *c = ud;
    unsigned f;
    int rc;
    (void)jump;
    if (c->max_nodes && ++c->nodes > c->max_nodes)
        return W_STOP;
    if (text_node(n)) {
        const char *s = (const char *)n->content;
        return (rc = emit_text(c->e, s, strlen(s), 0)) ? rc : W_SKIP;
    }
    if (n->type != XML_ELEMENT_NODE)
        return W_SKIP;
    f = tag_flags(n);
    if (f & F_DROP)
        return W_SKIP;
    emit_break(c->e, (f & F_BR) ? BRK_SPACE : sep_of(f));
    return W_DESCEND;
}

static int coll_leave(void *ud, xmlNode *n)
{
    coll *c = ud;
    emit_break(c->e, sep_of(tag_flags(n)));
    return 0;
}

/* Appends n's text to e (reset first). Returns 0, W_STOP when more than
 * max_nodes nodes were seen, or a negative error. */
static int collect(emit *e, xmlNode *n, size_t max_nodes)
{
    coll c = {e, 0, max_nodes};
    emit_reset(e);
    if (text_node(n))
        return emit_text(e, (const char *)n->content, strlen((const char *)n->content), 0);
    return walk(n, coll_enter, coll_leave, &c);
}

/* ---- "related news" headings ---- */

/* Headings that introduce a list of links to other reports (lowercase, ё as
 * е). The heading and the lists and link blocks after it are dropped. */
static const char *const related_phrases[] = {
    /* English */
    "related", "related news", "related articles", "related stories",
    "related content", "related posts", "related links", "related coverage",
    "related topics", "read also", "also read", "read more", "see also",
    "more on this topic", "more on this story", "more news", "more stories",
    "you may also like", "recommended", "recommended for you",
    /* Russian */
    "читайте также", "читайте еще", "смотрите также", "см. также", "по теме",
    "новости по теме", "похожие новости", "похожие материалы",
    "материалы по теме", "статьи по теме", "другие новости", "еще по теме",
    "еще новости", "вам может быть интересно", "рекомендуем",
    /* Turkish */
    "ilgili haberler", "benzer haberler", "bunlar da ilginizi çekebilir",
    "daha fazla haber",
    /* Azerbaijani */
    "digər xəbərlər", "oxşar xəbərlər", "mövzu ilə bağlı", "həmçinin oxuyun",
    "bu mövzuda",
    NULL};

/* Lowercase for the scripts of the phrases above. */
static int32_t fold_cp(int32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        c += 80;
    if (c == 0x451) /* ё */
        return 0x435;
    if (c == 0x130) /* İ */
        return 'i';
    if (c == 0x11E || c == 0x15E || c == 0x18F)
        return c == 0x18F ? 0x259 : c + 1; /* Ğ Ş Ə */
    return c;
}

/* Punctuation around a heading: "Read also:", "» Related", "По теме...". */
static int edge_punct(int32_t c)
{
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '-' ||
           c == '|' || c == '>' || c == '*' || c == 0xAB || c == 0xBB ||
           c == 0xB7 || c == 0x203A || c == 0x2026 || c == 0x2013 ||
           c == 0x2014 || c == 0x2022 || c == 0x2192;
}

/* 1 when s[0..n) reads as a related-news heading. */
static int related_phrase(const char *s, size_t n)
{
    char buf[4 * MARK_MAX + 8];
    size_t i = 0, k = 0, st, en, p;
    int space = 0;
    const char *const *w;

    while (i < n) {
        int32_t c = utf8_next(s, n, &i);
        if (c < 0)
            return 0;
        if (c >= 0x80 && cp_class(c) < 0)
            continue;
        if (c < 0x80 ? kr_isspace((int)c) : cp_class(c) > 0) {
            space = 1;
            continue;
        }
        if (k + 5 > sizeof buf)
            return 0;
        if (space && k)
            buf[k++] = ' ';
        space = 0;
        k += utf8_encode(fold_cp(c), buf + k);
    }
    st = 0;
    while (st < k) {
        p = st;
        if (!edge_punct(utf8_next(buf, k, &p)))
            break;
        st = p;
    }
    en = k;
    while (en > st) {
        p = en;
        if (!edge_punct(utf8_prev(buf, &p)))
            break;
        en = p;
    }
    for (w = related_phrases; *w; w++)
        if (strlen(*w) == en - st && memcmp(*w, buf + st, en - st) == 0)
            return 1;
    return 0;
}

static int blank_text(const char *s)
{
    return visible_len(s, 0) == 0;
}

/* After a heading m: skips the lists, link blocks (half their text or more
 * in links), empty elements and blanks that follow it, counting the lists
 * and link blocks in *lists. Returns the first sibling to keep (NULL: none). */
static xmlNode *related_end(xmlNode *m, size_t *lists)
{
    xmlNode *s;
    *lists = 0;
    for (s = m->next; s; s = s->next) {
        const nstat *st;
        unsigned f;
        if (text_node(s)) {
            if (!blank_text((const char *)s->content))
                break;
            continue;
        }
        if (s->type != XML_ELEMENT_NODE)
            continue;
        st = stat_of(s);
        f = tag_flags(s);
        if ((f & F_BR) || !st || st->text == 0)
            continue;
        if ((f & (F_LIST | F_LINK)) || st->link * 2 >= st->text) {
            (*lists)++;
            continue;
        }
        break;
    }
    return s;
}

/* ---- second pass: the text ---- */

typedef struct ext {
    emit out;
    emit scratch;  /* heading text for related_phrase */
    int use_class; /* apply the class/id rules */
    int content;   /* open <article>/<main>, or the root is one */
    int pre;       /* open <pre> */
    kr_str time;   /* first <time datetime> in the text */
} ext;

/* If n is a related-news heading followed by lists or link blocks, sets
 * *jump past them and returns 1; 0 if not; negative on error. */
static int related(ext *x, xmlNode *n, xmlNode **jump)
{
    size_t lists;
    xmlNode *end, *next;
    int rc;
    /* Cheap test first: a heading is followed by something. */
    for (next = n->next; next; next = next->next)
        if (next->type == XML_ELEMENT_NODE ||
            (text_node(next) && !blank_text((const char *)next->content)))
            break;
    if (!next)
        return 0;
    if (text_node(n)) {
        const char *s = (const char *)n->content;
        if (visible_len(s, MARK_MAX) > MARK_MAX || !related_phrase(s, strlen(s)))
            return 0;
    } else {
        const nstat *st = stat_of(n);
        if (!st || st->text == 0 || st->text > MARK_MAX)
            return 0;
        rc = collect(&x->scratch, n, MARK_NODES);
        if (rc == W_STOP || rc == KR_ELIMIT)
            return 0;
        if (rc < 0)
            return rc;
        if (!related_phrase(x->scratch.b.p, x->scratch.b.n))
            return 0;
    }
    end = related_end(n, &lists);
    if (lists == 0)
        return 0;
    *jump = end;
    return 1;
}

static int ext_enter(void *ud, xmlNode *n, xmlNode **jump)
{
    ext *x = ud;
    eattr ea;
    unsigned f;
    int rc;

    if (text_node(n)) {
        const char *s = (const char *)n->content;
        if ((rc = related(x, n, jump)) != 0)
            return rc < 0 ? rc : W_JUMP;
        return (rc = emit_text(&x->out, s, strlen(s), x->pre > 0)) ? rc : W_SKIP;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return W_SKIP;
    f = tag_flags(n);
    if (f & F_BR) {
        /* Two <br> in a row end a paragraph. */
        emit_break(&x->out, x->out.pend >= BRK_LINE ? BRK_PARA : BRK_LINE);
        return W_SKIP;
    }
    read_attrs(n, &ea);
    if ((f & F_DROP) || ((f & F_HEADER) && !x->content) ||
        (x->use_class && !(f & F_KEEP) && !is_article_body(&ea) && boiler(&ea))) {
        emit_break(&x->out, sep_of(f));
        return W_SKIP;
    }
    if ((rc = related(x, n, jump)) != 0) {
        if (rc < 0)
            return rc;
        emit_break(&x->out, BRK_PARA);
        return W_JUMP;
    }
    if (!x->time.p && strcmp((const char *)n->name, "time") == 0 && ea.datetime.p)
        set_once(&x->time, ea.datetime);
    emit_break(&x->out, sep_of(f));
    if (f & F_PRE)
        x->pre++;
    if (f & F_CONTENT)
        x->content++;
    return W_DESCEND;
}

static int ext_leave(void *ud, xmlNode *n)
{
    ext *x = ud;
    unsigned f = tag_flags(n);
    emit_break(&x->out, sep_of(f));
    if (f & F_PRE)
        x->pre--;
    if (f & F_CONTENT)
        x->content--;
    return 0;
}

/* Extracts root's text into x->out. */
static int extract(ext *x, xmlNode *root, int use_class, int in_content)
{
    int rc;
    emit_reset(&x->out);
    x->use_class = use_class;
    x->content = in_content;
    x->pre = 0;
    x->time.p = NULL;
    x->time.n = 0;
    rc = walk(root, ext_enter, ext_leave, x);
    return rc < 0 ? rc : 0;
}

/* 1 when a header inside root counts as the article's own. */
static int inside_content(const xmlNode *root)
{
    const xmlNode *p;
    for (p = root; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (tag_flags(p) & F_CONTENT)
            return 1;
    return 0;
}

/* ---- the pre-scan ---- */

/* libxml2 2.9 has two costs that grow faster than the input, both guarded
 * here by following its tokenizer (tags, end tags, comments, doctype,
 * processing instructions, script and style content) before parsing:
 * - each attribute of a start tag is compared with all earlier ones, so a
 *   tag with more than ATTR_MAX attributes is refused;
 * - each end tag is matched against the open elements, so nesting deeper
 *   than DEPTH_MAX is only allowed (XML_PARSE_HUGE) when a bound on that
 *   matching stays under MATCH_BUDGET steps. The bound keeps a stack of the
 *   start tags never closed by an end tag matching the top: the parser's own
 *   stack is a subsequence of it (it closes more, implicitly), plus at most
 *   MATCH_SLACK implied elements (html, head/body, p). */
#define MATCH_BUDGET ((size_t)200000000)
#define MATCH_SLACK 4
/* Open elements whose names are kept; deeper ones are only counted and
 * never closed, which keeps the bound an upper bound. */
#define STACK_MAX ((size_t)1 << 22)

typedef struct guard {
    const char *s;
    size_t n;
    uint32_t *stack; /* name offsets of the open elements */
    size_t depth, cap;
    size_t cost;     /* bound on the parser's end-tag matching steps */
} guard;

/* Elements libxml2 2.9 never leaves open. */
static const char *const void_tags[] = {
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input",
    "isindex", "link", "meta", "param", NULL};

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int name_start(unsigned char c)
{
    return kr_isalpha(c) || c == '_' || c == ':' || c == '.';
}

static int name_char(unsigned char c)
{
    return name_start(c) || kr_isdigit(c) || c == '-';
}

/* Length of the element name at s[i]: libxml2 reads at most 100 bytes. */
static size_t name_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && name_char((unsigned char)s[j]) && j - i < 100)
        j++;
    return j - i;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && is_blank((unsigned char)s[i]))
        i++;
    return i;
}

static size_t past_gt(const char *s, size_t n, size_t i)
{
    const char *gt = i < n ? memchr(s + i, '>', n - i) : NULL;
    return gt ? (size_t)(gt - s) + 1 : n;
}

static int push(guard *g, size_t name)
{
    if (g->depth < STACK_MAX) {
        if (g->depth == g->cap) {
            size_t cap = g->cap ? 2 * g->cap : 256;
            uint32_t *p = kr_realloc(g->stack, cap * sizeof *p);
            if (!p)
                return KR_ENOMEM;
            g->stack = p;
            g->cap = cap;
        }
        g->stack[g->depth] = (uint32_t)name;
    }
    g->depth++;
    return 0;
}

/* An end tag at s[i] ("</"), as libxml2 2.9 reads it: name, blanks, then
 * everything to the next '>'. Returns the offset after it. The element on
 * top of the stack is closed if the names match. */
static size_t end_tag(guard *g, size_t i)
{
    const char *s = g->s;
    size_t n = g->n, j = i + 2, len;
    if (j >= n || !name_start((unsigned char)s[j]))
        return j; /* only "</" is read */
    len = name_len(s, n, j);
    if (g->cost < MATCH_BUDGET)
        g->cost += 2 * (g->depth + MATCH_SLACK);
    if (g->depth && g->depth <= STACK_MAX) {
        size_t top = g->stack[g->depth - 1], k;
        if (name_len(s, n, top) == len) {
            for (k = 0; k < len && kr_tolower((unsigned char)s[top + k]) ==
                                       kr_tolower((unsigned char)s[j + k]); k++)
                ;
            if (k == len)
                g->depth--;
        }
    }
    j = skip_blanks(s, n, j + len);
    return (j < n && s[j] == '>') ? j + 1 : past_gt(s, n, j);
}

/* 1 when the element named at s[i] may be open in the parser: on the top
 * OPEN_LOOK entries of our stack, or an element the parser implies, or
 * anywhere when the stack is deeper than we look. */
#define OPEN_LOOK 64
static int maybe_open(const guard *g, size_t i)
{
    static const char *const implied[] = {"html", "head", "body", "p", NULL};
    const char *s = g->s;
    size_t len = name_len(s, g->n, i), d, k;
    if (ci_in(s + i, len, implied) || g->depth > OPEN_LOOK || g->depth > STACK_MAX)
        return 1;
    for (d = g->depth; d-- > 0;) {
        size_t top = g->stack[d];
        if (name_len(s, g->n, top) != len)
            continue;
        for (k = 0; k < len && kr_tolower((unsigned char)s[top + k]) ==
                                   kr_tolower((unsigned char)s[i + k]); k++)
            ;
        if (k == len)
            return 1;
    }
    return 0;
}

/* The content of a <script> or <style> starting at s[i]. libxml2 reads it
 * as text up to an end tag whose name starts with the element's (its
 * recovery rule), and reads markup at the start of the content and from
 * each such end tag on: an end tag there closes the element if it names it
 * or an element around it, and <noscript>, <body> or <frameset> close it.
 * Returns where markup resumes (at the closing tag, or the end). */
static size_t raw_end(guard *g, size_t i, const char *tag)
{
    static const char *const closers[] = {"body", "frameset", "noscript", NULL};
    const char *s = g->s;
    size_t n = g->n, tlen = strlen(tag);
    for (;;) {
        const char *lt;
        size_t k;
        while (i + 1 < n && s[i] == '<') {
            if (s[i + 1] == '/') {
                if (i + 2 >= n || !name_start((unsigned char)s[i + 2])) {
                    i += 2; /* "</" alone is dropped */
                    continue;
                }
                if (maybe_open(g, i + 2))
                    return i;
                i = end_tag(g, i);
                continue;
            }
            if (kr_isalpha((unsigned char)s[i + 1]) &&
                ci_in(s + i + 1, name_len(s, n, i + 1), closers))
                return i;
            break;
        }
        for (k = i;; k++) {
            lt = k < n ? memchr(s + k, '<', n - k) : NULL;
            if (!lt)
                return n;
            k = (size_t)(lt - s);
            if (k + 2 + tlen <= n && s[k + 1] == '/' && ci_eq(s + k + 2, tlen, tag))
                break;
        }
        i = k;
    }
}

/* A start tag at s[i] ("<" and a letter), as libxml2 2.9 tokenizes it.
 * Sets *end after it (and after the content of script and style).
 * KR_ELIMIT if it has more than ATTR_MAX attributes. */
static int start_tag(guard *g, size_t i, size_t *end)
{
    const char *s = g->s, *tag = NULL;
    size_t n = g->n, st = i + 1, tlen = name_len(s, n, i + 1), j, count = 0, a0;
    int rc;

    if (ci_eq(s + st, tlen, "script"))
        tag = "script";
    else if (ci_eq(s + st, tlen, "style"))
        tag = "style";
    /* Name bytes past the first 100 are read as attributes. */
    j = skip_blanks(s, n, st + tlen);
    while (j < n && s[j] != '>' && !(s[j] == '/' && j + 1 < n && s[j + 1] == '>')) {
        if (name_start((unsigned char)s[j])) {
            a0 = j;
            while (j < n && name_char((unsigned char)s[j]) && j - a0 < 100)
                j++;
            if (++count > ATTR_MAX)
                return KR_ELIMIT;
            j = skip_blanks(s, n, j);
            if (j < n && s[j] == '=') {
                j = skip_blanks(s, n, j + 1);
                if (j < n && (s[j] == '"' || s[j] == '\'')) {
                    const char *q = memchr(s + j + 1, s[j], n - j - 1);
                    j = q ? (size_t)(q - s) + 1 : n;
                } else {
                    while (j < n && !is_blank((unsigned char)s[j]) && s[j] != '>')
                        j++;
                }
            }
        } else {
            /* Not an attribute: skipped up to a blank or the tag's end. */
            while (j < n && !is_blank((unsigned char)s[j]) && s[j] != '>' &&
                   !(s[j] == '/' && j + 1 < n && s[j + 1] == '>'))
                j++;
        }
        j = skip_blanks(s, n, j);
    }
    if (j >= n) {
        *end = n;
        return 0;
    }
    if (s[j] == '/') { /* "<x/>" is closed at once */
        *end = j + 2;
        return 0;
    }
    *end = j + 1;
    if (ci_in(s + st, tlen, void_tags))
        return 0;
    if ((rc = push(g, st)) < 0)
        return rc;
    if (tag)
        *end = raw_end(g, j + 1, tag);
    return 0;
}

/* Offset after a comment whose body starts at s[i]: libxml2 ends it at
 * "-->" or "--!>". */
static size_t comment_end(const char *s, size_t n, size_t i)
{
    while (i + 2 < n) {
        const char *d = memchr(s + i, '-', n - i);
        size_t k;
        if (!d)
            return n;
        k = (size_t)(d - s);
        if (k + 2 < n && s[k + 1] == '-') {
            if (s[k + 2] == '>')
                return k + 3;
            if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>')
                return k + 4;
        }
        i = k + 1;
    }
    return n;
}

/* Offset after a quoted literal at s[i] (a quote), or i if none there. */
static size_t literal_end(const char *s, size_t n, size_t i)
{
    const char *q;
    if (i >= n || (s[i] != '"' && s[i] != '\''))
        return i;
    q = memchr(s + i + 1, s[i], n - i - 1);
    return q ? (size_t)(q - s) + 1 : n;
}

/* Offset after a <!DOCTYPE at s[i]: a name, an optional PUBLIC or SYSTEM
 * identifier whose quoted literals may hold '>', then up to '>'. */
static size_t doctype_end(const char *s, size_t n, size_t i)
{
    size_t j = skip_blanks(s, n, i + 9);
    if (j < n && (name_start((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80))
        while (j < n && (name_char((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80))
            j++;
    j = skip_blanks(s, n, j);
    if (n - j >= 6 && (ci_eq(s + j, 6, "system") || ci_eq(s + j, 6, "public"))) {
        int pub = ci_eq(s + j, 6, "public");
        j = literal_end(s, n, skip_blanks(s, n, j + 6));
        if (pub)
            j = literal_end(s, n, skip_blanks(s, n, j));
    }
    j = skip_blanks(s, n, j);
    return (j < n && s[j] == '>') ? j + 1 : past_gt(s, n, j);
}

/* Scans s[0..n). Returns 0 with *cost set, KR_ELIMIT with *where at a tag
 * with too many attributes, or KR_ENOMEM. */
static int prescan(const char *s, size_t n, size_t *cost, size_t *where)
{
    guard g;
    size_t i = 0, k;
    int prolog = 1;   /* only blanks, comments and PIs so far */
    int after_dt = 0; /* just after a DOCTYPE met in content */
    int rc = 0;

    memset(&g, 0, sizeof g);
    g.s = s;
    g.n = n;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        unsigned char c;
        if (!lt)
            break;
        for (k = i; prolog && k < (size_t)(lt - s); k++)
            if (!is_blank((unsigned char)s[k]))
                prolog = 0;
        if ((size_t)(lt - s) != i)
            after_dt = 0;
        i = (size_t)(lt - s);
        if (i + 1 >= n)
            break;
        c = (unsigned char)s[i + 1];
        if (c == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
            i = comment_end(s, n, i + 4);
        } else if (c == '?') {
            /* A processing instruction runs to '>' if a name follows (a
             * non-ASCII one is taken as text: the parser then reads at
             * least as much markup as this scan). */
            if (i + 2 < n && (kr_isalpha((unsigned char)s[i + 2]) || s[i + 2] == '_' || s[i + 2] == ':'))
                i = past_gt(s, n, i + 2);
            else
                i += 2;
        } else if (kr_isalpha(c)) {
            size_t end;
            prolog = 0;
            if ((rc = start_tag(&g, i, &end)) < 0) {
                *where = i;
                break;
            }
            i = end;
        } else if (after_dt) {
            /* libxml2 reads the '<' right after a DOCTYPE met in content
             * as text unless a comment, PI or start tag begins there. */
            i++;
        } else if (c == '/') {
            prolog = 0;
            i = end_tag(&g, i);
        } else if (c == '!' && n - i >= 9 && ci_eq(s + i + 2, 7, "doctype")) {
            i = doctype_end(s, n, i);
            after_dt = !prolog;
            prolog = 0;
            continue;
        } else {
            prolog = 0;
            i++;
        }
        after_dt = 0;
    }
    *cost = g.cost;
    kr_free(g.stack);
    return rc;
}

/* ---- metadata values ---- */

/* Primary language subtag of a tag such as "ru-RU" or "en_US": 2-3 ASCII
 * letters, lowercased into out[4]. Returns its length, 0 if none. */
static size_t lang_primary(kr_str v, char out[4])
{
    static const char *const none[] = {"und", "mul", "zxx", "mis", NULL};
    size_t k = 0, i;
    v = trim(v);
    while (k < v.n && k < 4 && kr_isalpha((unsigned char)v.p[k]))
        k++;
    if (k < 2 || k > 3 || (k < v.n && v.p[k] != '-' && v.p[k] != '_' &&
                           v.p[k] != ',' && v.p[k] != ';' && !kr_isspace((unsigned char)v.p[k])))
        return 0;
    if (ci_in(v.p, k, none))
        return 0;
    for (i = 0; i < k; i++)
        out[i] = (char)kr_tolower((unsigned char)v.p[i]);
    out[k] = '\0';
    return k;
}

/* A date from an attribute: "2023-09-20T10:00:00+03:00" is read as its
 * date part (the publisher's local date). */
static int read_date(kr_str v, kr_date *out)
{
    kr_date dt;
    size_t n;
    v = trim(v);
    n = v.n;
    if (n >= 10 && kr_isdigit((unsigned char)v.p[0]) && kr_isdigit((unsigned char)v.p[3]) &&
        v.p[4] == '-' && v.p[7] == '-' && kr_isdigit((unsigned char)v.p[9]))
        n = 10;
    if (n == 0 || date_parse(v.p, n, &dt) == 0 || !date_valid(dt))
        return 0;
    *out = dt;
    return 1;
}

/* Copies e's text into the arena as *out; empty text leaves *out empty. */
static int keep_text(kr_arena *a, const emit *e, kr_str *out)
{
    char *p;
    if (e->b.n == 0)
        return 0;
    if (!(p = arena_strndup(a, e->b.p, e->b.n)))
        return KR_ENOMEM;
    out->p = p;
    out->n = e->b.n;
    return 0;
}

/* A one-line value (title, site name, URL) from an attribute or element. */
static int meta_text(kr_arena *a, emit *e, kr_str v, xmlNode *n, kr_str *out)
{
    int rc;
    if (out->n)
        return 0;
    emit_reset(e);
    if (n)
        rc = collect(e, n, 0);
    else if (v.p)
        rc = emit_text(e, v.p, v.n, 0);
    else
        return 0;
    if (rc == KR_ELIMIT)
        return 0; /* too long to be a title: ignored */
    if (rc < 0)
        return rc;
    return keep_text(a, e, out);
}

/* ---- the reader ---- */

/* Why libxml2 stopped before the end of the input (it halts on its depth
 * and text-node limits and on allocation failure). */
static int parse_stopped(const htmlParserCtxt *ctxt, kr_error *err)
{
    const char *msg = ctxt->lastError.message ? ctxt->lastError.message : "";
    size_t line = ctxt->lastError.line > 0 ? (size_t)ctxt->lastError.line : 0;
    size_t len = strlen(msg);
    int rc;
    while (len && kr_isspace((unsigned char)msg[len - 1]))
        len--;
    if (strstr(msg, "huge text node"))
        rc = kr_errorf(err, KR_ELIMIT, "text run longer than %d bytes without markup",
                       TEXT_RUN_MAX);
    else if (ctxt->errNo == XML_ERR_NO_MEMORY)
        rc = kr_errorf(err, KR_ENOMEM, "out of memory parsing HTML");
    else if (strstr(msg, "depth") || ctxt->errNo == XML_ERR_INTERNAL_ERROR)
        rc = kr_errorf(err, KR_ELIMIT, "elements nested deeper than %d", DEPTH_MAX);
    else
        rc = kr_errorf(err, KR_EFORMAT, "HTML parser stopped: %.*s", (int)len, msg);
    if (err)
        err->line = line;
    return rc;
}

static xmlNode *child_elem(xmlNode *p, const char *name)
{
    xmlNode *c;
    for (c = p ? p->children : NULL; c; c = c->next)
        if (is_elem(c, name))
            return c;
    return NULL;
}

int rd_html(const char *path, const char *data, size_t n, kr_arena *a,
            const rd_sink *sink, kr_error *err)
{
    htmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr doc = NULL;
    xmlNode *root, *body, *cand = NULL;
    const char *nul, *p = data;
    size_t bad = 0, len = n, k, where = 0, cost = 0;
    scan sc;
    ext x;
    kr_doc d;
    char lang[4];
    const kr_str none = {NULL, 0};
    int rc;

    memset(&sc, 0, sizeof sc);
    memset(&x, 0, sizeof x);
    memset(&d, 0, sizeof d);
    x.out.max = RD_MAX_TEXT;
    x.scratch.max = 4 * MARK_MAX;
    x.scratch.oneline = 1;

    if (n == 0)
        return kr_errorf(err, KR_EFORMAT, "no text");
    if (n > RD_MAX_INPUT)
        return kr_errorf(err, KR_ELIMIT, "input larger than %zu bytes", RD_MAX_INPUT);
    /* Whichever comes first: binary data usually has a NUL early. */
    rc = utf8_validate(data, n, &bad);
    nul = memchr(data, '\0', rc ? bad : n);
    if (nul) {
        rc = kr_errorf(err, KR_EFORMAT, "NUL byte at %zu: binary data", (size_t)(nul - data));
        if (err)
            err->byte = (size_t)(nul - data);
        return rc;
    }
    if (rc) {
        rc = kr_errorf(err, KR_EUTF8, "invalid UTF-8 at byte %zu", bad);
        if (err)
            err->byte = bad;
        return rc;
    }
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        len -= 3;
    }
    for (k = 0; k < len && kr_isspace((unsigned char)p[k]); k++)
        ;
    if (k == len)
        return kr_errorf(err, KR_EFORMAT, "no text");
    if ((rc = prescan(p, len, &cost, &where)) < 0) {
        if (rc == KR_ENOMEM)
            return kr_errorf(err, KR_ENOMEM, "out of memory reading HTML");
        rc = kr_errorf(err, KR_ELIMIT, "tag with more than %d attributes at byte %zu",
                       ATTR_MAX, where + (size_t)(p - data));
        if (err)
            err->byte = where + (size_t)(p - data);
        return rc;
    }

    /* A no-op after the first call; a threaded program calls it once at
     * start-up (docs/html.md). */
    xmlInitParser();
    if (!(ctxt = htmlNewParserCtxt()))
        return kr_errorf(err, KR_ENOMEM, "out of memory parsing HTML");
    /* The bytes are known to be UTF-8: any <meta charset> is ignored. */
    doc = htmlCtxtReadMemory(ctxt, p, (int)len, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                                 (cost < MATCH_BUDGET ? XML_PARSE_HUGE : 0));
    if (ctxt->disableSAX) {
        rc = parse_stopped(ctxt, err);
        goto fail;
    }
    if (!doc || !(root = xmlDocGetRootElement(doc))) {
        rc = doc ? kr_errorf(err, KR_EFORMAT, "no text")
                 : kr_errorf(err, KR_ENOMEM, "out of memory parsing HTML");
        goto fail;
    }

    sc.a = a;
    if ((rc = walk((xmlNode *)doc, scan_enter, scan_leave, &sc)) < 0)
        goto nomem;
    body = child_elem(root, "body");
    if (!body)
        body = root;

    /* The text's root: the marked article body, else the largest article,
     * else <main>, unless they hold a small part of the page's text (a
     * teaser card in a list of links). */
    {
        const nstat *bs = stat_of(body);
        size_t total = bs ? bs->text : 0;
        const nstat *as = sc.article_best ? stat_of(sc.article_best) : NULL;
        const nstat *ms = sc.main ? stat_of(sc.main) : NULL;
        if (sc.art_body)
            cand = sc.art_body;
        else if (as && as->text * ROOT_SHARE >= total)
            cand = sc.article_best;
        else if (ms && ms->text * ROOT_SHARE >= total)
            cand = sc.main;
    }
    /* Then the body; then the body without the class and id rules, should
     * they have removed everything (a wrapper named "page-with-sidebar"). */
    if (cand && cand != body && (rc = extract(&x, cand, 1, inside_content(cand) || cand == sc.art_body)) < 0)
        goto out_err;
    if (x.out.b.n == 0 && (rc = extract(&x, body, 1, inside_content(body))) < 0)
        goto out_err;
    if (x.out.b.n == 0 && (rc = extract(&x, body, 0, inside_content(body))) < 0)
        goto out_err;
    if (x.out.b.n == 0) {
        rc = kr_errorf(err, KR_EFORMAT, "no text");
        goto fail;
    }
    sc.date[D_TIME_TEXT] = x.time;

    d.path = path;
    if ((rc = keep_text(a, &x.out, &d.text)) < 0)
        goto nomem;
    x.scratch.max = META_MAX;
    x.scratch.oneline = 1;
    if ((rc = meta_text(a, &x.scratch, none, sc.title, &d.title)) < 0 ||
        (rc = meta_text(a, &x.scratch, sc.og_title, NULL, &d.title)) < 0 ||
        (rc = meta_text(a, &x.scratch, none, sc.h1, &d.title)) < 0 ||
        (rc = meta_text(a, &x.scratch, sc.og_site, NULL, &d.source)) < 0 ||
        (rc = meta_text(a, &x.scratch, sc.canonical.p ? sc.canonical : sc.og_url, NULL, &d.url)) < 0)
        goto nomem;
    if (sc.html) {
        eattr ea;
        read_attrs(sc.html, &ea);
        k = ea.lang.p ? lang_primary(ea.lang, lang) : 0;
        if (!k && ea.xml_lang.p)
            k = lang_primary(ea.xml_lang, lang);
    } else {
        k = 0;
    }
    if (!k && sc.http_lang.p)
        k = lang_primary(sc.http_lang, lang);
    if (!k && sc.og_locale.p)
        k = lang_primary(sc.og_locale, lang);
    if (k) {
        char *l = arena_strndup(a, lang, k);
        if (!l)
            goto nomem;
        d.lang.p = l;
        d.lang.n = k;
    }
    for (k = 0; k < D_COUNT; k++)
        if (sc.date[k].p && read_date(sc.date[k], &d.date))
            break;
    if (d.lang.n == 0)
        d.sniff |= DOC_SNIFF_LANG;
    if (d.date.y == 0)
        d.sniff |= DOC_SNIFF_HEADER;

    /* Everything the document needs is in the arena now. */
    xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    kr_buf_free(&x.out.b);
    kr_buf_free(&x.scratch.b);
    rc = sink->doc(sink->ud, &d);
    return rc < 0 ? rc : 0;

out_err:
    if (rc == KR_ELIMIT) {
        rc = kr_errorf(err, KR_ELIMIT, "text longer than %zu bytes", RD_MAX_TEXT);
        goto fail;
    }
nomem:
    rc = kr_errorf(err, KR_ENOMEM, "out of memory reading HTML");
fail:
    xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    kr_buf_free(&x.out.b);
    kr_buf_free(&x.scratch.b);
    return rc;
}
