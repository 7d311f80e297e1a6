/* import.h: `kronika lexicon import`: TABARI and PETRARCH dictionaries
 * (actors with dated codes, agents, CAMEO verb patterns with synsets)
 * turned into a kronika lexicon folder that `--lexicon DIR` reads. The
 * mapping and what it cannot carry over are described in docs/import.md. */
#ifndef IMPORT_H
#define IMPORT_H

#include "kr.h"

typedef struct import_stats {
    size_t files;    /* dictionary files read (a .project counts its files) */
    size_t actors;   /* actor entries written (records of one state merged) */
    size_t agents;   /* agent entries written (sector agents for roles not counted) */
    size_t verbs;    /* verbs and verb phrases read from verb entries */
    size_t patterns; /* pattern lines written to events/en.txt */
    size_t codes;    /* codebook lines added: .options labels, codes of patterns */
    size_t skipped;  /* records, patterns and lines left out (each reported) */
    size_t narrowed; /* written with less than the dictionary said: a second
                        code, a dated code, an agent code cut to its sector */
} import_stats;

/* Called for each problem: the input file, its line (0: the whole file)
 * and what was left out or why. */
typedef void (*import_report_fn)(void *ud, const char *file, size_t line, const char *msg);

/* Reads the dictionary files paths[0..n) and writes outdir/actors.txt,
 * outdir/agents.txt, outdir/events/en.txt and outdir/events/cameo.txt
 * (folders made as needed, those four files replaced). An input may be a
 * folder: its files are read, by name. The format of each file is told by
 * its name and content: TABARI .verbs, .actors, .agents, .options and
 * .project (whose dictionary files are read in turn), PETRARCH
 * *verbpatterns* / CAMEO.2.0 verb files, *actors*.txt and *agents*.txt.
 * Other files (texts, discard lists) are reported and left alone. Problems in a dictionary (unparsable lines, patterns or actors
 * kronika cannot express) are counted in st and passed to report (may be
 * NULL); they never stop the import. Returns 0; KR_EIO when an input
 * cannot be read or an output cannot be written (nothing is written when
 * an input is unreadable), KR_EUSAGE when no input is a dictionary,
 * KR_ENOMEM; err tells which file. st (may be NULL) is filled on success. */
int lexicon_import(const char *const *paths, size_t n, const char *outdir,
                   import_report_fn report, void *ud, import_stats *st, kr_error *err);

#endif
