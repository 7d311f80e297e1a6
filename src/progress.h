/* progress.h: a progress bar on stderr for long work, shown only when
 * stderr is a terminal and the work has lasted more than a second. */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdint.h>
#include <stdio.h>

typedef struct progress {
    FILE *out;      /* NULL: silent */
    uint64_t total; /* bytes expected, 0 when unknown (stdin) */
    uint64_t done;
    uint64_t items; /* documents so far */
    double start, last;
    int shown;      /* a line was drawn and must be cleared */
} progress;

/* Sets up p; `out` is stderr for an interactive run, NULL for silence. */
void progress_init(progress *p, FILE *out, uint64_t total);
/* Reports `done` bytes and `items` documents; redraws at most 10 times a
 * second, never during the first second. */
void progress_update(progress *p, uint64_t done, uint64_t items);
/* Clears the bar if one was drawn. */
void progress_end(progress *p);
/* Monotonic seconds. */
double progress_now(void);

#endif
