/* hiptrack: command-line front end of libhip. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "hiptrack/hiptrack.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: hiptrack <command> [options]\n"
            "\n"
            "commands:\n"
            "  validate [--catalog FILE] FILE.json   check a hiptrack JSON document\n"
            "           exit 0 valid, 1 well-formed but invalid, 2 malformed JSON\n"
            "  catalog [--format table|json] [--id ID]   list the built-in exercises\n"
            "  simulate --exercise ID [options]      a simulated recording CSV (--help for options)\n"
            "  reps [--exercise ID|auto] [--format table|csv|json] FILE.csv   count and measure reps\n"
            "  log [--store PATH] pain|session|program|outcome|list|show|delete ...\n"
            "                                        record into and list the member's store\n"
            "  export [--store PATH] --fhir --patient REF | --csv pain|sessions [--from D] [--to D]\n"
            "                                        the store as a FHIR R4 Bundle or CSV\n"
            "  version                               print the library version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "validate") == 0) return cmd_validate(argc - 1, argv + 1);
    if (strcmp(cmd, "catalog") == 0) return cmd_catalog(argc - 1, argv + 1);
    if (strcmp(cmd, "simulate") == 0) return cmd_simulate(argc - 1, argv + 1);
    if (strcmp(cmd, "reps") == 0) return cmd_reps(argc - 1, argv + 1);
    if (strcmp(cmd, "log") == 0) return cmd_log(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0) return cmd_export(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("hiptrack %s\n", hip_version_string());
        return CLI_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    fprintf(stderr, "hiptrack: unknown command '%s'\n", cmd);
    usage(stderr);
    return CLI_USAGE;
}
