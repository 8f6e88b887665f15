/* The member's store for the commands that use it (log, export): where it is and how it opens. */
#ifdef HIPTRACK_CLI_WITH_STORE
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* mkdir -p of the directory part of path (private to the member: 0700). */
static int make_parent_dirs(const char *path)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return -1;
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf) return 0;
    *slash = '\0';
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
    return 0;
}

const char *cli_store_path(const char *path, char *buf, size_t cap)
{
    if (path) return path;
    const char *env = getenv("HIPTRACK_STORE");
    if (env && *env) return env;
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg) snprintf(buf, cap, "%s/hiptrack/hiptrack.db", xdg);
    else {
        const char *home = getenv("HOME");
        if (!home || !*home) return NULL;
        snprintf(buf, cap, "%s/.local/share/hiptrack/hiptrack.db", home);
    }
    return buf;
}

int cli_store_status_exit(hip_status st)
{
    switch (st) {
    case HIP_OK: return CLI_OK;
    case HIP_ERR_FORMAT: case HIP_ERR_CORRUPT: case HIP_ERR_VERSION: return CLI_MALFORMED;
    case HIP_ERR_STATE: case HIP_ERR_NOMEM: return CLI_IOERR;
    default: return CLI_INVALID;
    }
}

int cli_store_open(const char *cmd, const char *path, int create, hip_store **out)
{
    if (!path) {
        fprintf(stderr, "hiptrack %s: no store: pass --store PATH or set HIPTRACK_STORE (HOME is "
                        "not set)\n", cmd);
        return CLI_USAGE;
    }
    if (create && make_parent_dirs(path) != 0) {
        fprintf(stderr, "hiptrack %s: cannot create the directory of %s: %s\n", cmd, path,
                strerror(errno));
        return CLI_IOERR;
    }
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.create_if_missing = create;
    char err[300];
    hip_status st = hip_store_open(path, &cfg, out, err, sizeof err);
    if (st == HIP_OK) return CLI_OK;
    fprintf(stderr, "hiptrack %s: %s\n", cmd, err);
    return st == HIP_ERR_NOT_FOUND ? CLI_IOERR : cli_store_status_exit(st);
}
#else
typedef int cli_store_unused;  /* ISO C wants at least one declaration in a translation unit */
#endif
