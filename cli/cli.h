/* The hiptrack CLI: one file per command, shared helpers in cli_util.c. */
#ifndef HIPTRACK_CLI_H
#define HIPTRACK_CLI_H

#include <stddef.h>

/* Exit codes shared by every command. */
enum { CLI_OK = 0, CLI_INVALID = 1, CLI_MALFORMED = 2, CLI_USAGE = 64, CLI_UNAVAILABLE = 69,
       CLI_IOERR = 74 };

/* Reads a whole file ("-" for stdin); NULL with a message on stderr when it cannot. */
char *cli_read_file(const char *path, size_t *len_out);

int cmd_validate(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_reps(int argc, char **argv);
int cmd_log(int argc, char **argv);

#endif
