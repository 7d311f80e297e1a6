/* cli.h: the command line: parses arguments, runs a subcommand, writes
 * results to stdout and problems to stderr as "kronika: FILE: reason", and
 * picks the exit status (0 all well, 1 some inputs rejected, 2 usage error
 * or nothing could be done). */
#ifndef CLI_H
#define CLI_H

int cli_main(int argc, char **argv);

#endif
