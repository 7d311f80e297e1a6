/* ftstok.h: the "kronika" FTS5 tokenizer: search folding (fold.h) plus
 * Snowball stems (stem.h), so that "лавров" finds "Лавровым" and "meetings"
 * finds "meeting" in every language's text. */
#ifndef FTSTOK_H
#define FTSTOK_H

#include <sqlite3.h>

/* Registers the tokenizer under the name "kronika" with the FTS5 API of a
 * connection (store.c obtains `api`). Returns an SQLite result code. */
int ftstok_register(fts5_api *api);

#endif
