/* progress.c: a one-line progress bar redrawn with a carriage return. */
#include "progress.h"

#include <time.h>

double progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, FILE *out, uint64_t total)
{
    p->out = out;
    p->total = total;
    p->done = p->items = 0;
    p->start = p->last = progress_now();
    p->shown = 0;
}

void progress_update(progress *p, uint64_t done, uint64_t items)
{
    double now, secs, mb;
    p->done = done;
    p->items = items;
    if (!p->out)
        return;
    now = progress_now();
    if (now - p->start < 1.0 || now - p->last < 0.1)
        return;
    p->last = now;
    secs = now - p->start;
    mb = (double)done / 1e6;
    if (p->total) {
        double frac = (double)done / (double)p->total;
        int fill = (int)(frac * 30.0 + 0.5), k;
        if (fill > 30)
            fill = 30;
        fputs("\r[", p->out);
        for (k = 0; k < 30; k++)
            fputc(k < fill ? '#' : '.', p->out);
        fprintf(p->out, "] %3.0f%% %.1f/%.1f MB %llu docs %.1f MB/s ", frac * 100.0, mb,
                (double)p->total / 1e6, (unsigned long long)items, mb / secs);
    } else {
        fprintf(p->out, "\r%.1f MB %llu docs %.1f MB/s ", mb, (unsigned long long)items, mb / secs);
    }
    fflush(p->out);
    p->shown = 1;
}

void progress_end(progress *p)
{
    if (p->out && p->shown) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
    }
    p->shown = 0;
}
