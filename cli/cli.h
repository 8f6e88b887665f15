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
int cmd_export(int argc, char **argv);

#ifdef HIPTRACK_CLI_WITH_STORE
#include "hiptrack/hip_store.h"
/* The store's path: path when given, else $HIPTRACK_STORE, else $XDG_DATA_HOME/hiptrack/hiptrack.db,
 * else ~/.local/share/hiptrack/hiptrack.db (buf holds the built path); NULL when HOME is unset. */
const char *cli_store_path(const char *path, char *buf, size_t cap);
/* Opens the store for command cmd ("log", "export"): create makes it and its directory, otherwise
 * it must exist. Returns a CLI exit code, with the reason on stderr. */
int cli_store_open(const char *cmd, const char *path, int create, hip_store **out);
/* The exit code for a store or document status (2 malformed/foreign, 74 I/O, 1 invalid). */
int cli_store_status_exit(hip_status st);
#endif

#endif
