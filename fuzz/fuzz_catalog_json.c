/* Fuzz target: catalog JSON import. Whatever is accepted must export, re-import into a fresh
 * catalog and export to the same bytes; whatever is rejected must leave the catalog unchanged.
 * With the built-ins, the exports are of the custom part only (custom_only = 1): the built-ins
 * cannot change (an import only adds) and their 55 KB export would dominate the run time; their
 * counts are compared instead. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_catalog *c, int custom_only)
{
    size_t len = 0;
    if (hip_catalog_export_json(c, custom_only, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_catalog_export_json(c, custom_only, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Half the inputs go into a catalog with the built-ins, so ids and edges can collide. */
    hip_catalog_config cfg;
    hip_catalog_config_init(&cfg);
    cfg.include_builtin = size > 0 && (data[0] & 1);
    int builtin = cfg.include_builtin;
    hip_catalog *c = NULL;
    if (hip_catalog_create(&cfg, &c) != HIP_OK) abort();
    size_t count = hip_catalog_count(c), edges = hip_catalog_edge_count(c);
    char *before = export_all(c, builtin);
    hip_status st = hip_catalog_import_json(c, (const char *)data, size);
    char *after = export_all(c, builtin);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_catalog_last_error(c)[0]) abort();
        if (hip_catalog_count(c) != count || hip_catalog_edge_count(c) != edges) abort();
    } else {
        /* The same kind of catalog takes the export back and exports the same bytes. */
        hip_catalog *d = NULL;
        if (hip_catalog_create(&cfg, &d) != HIP_OK) abort();
        if (hip_catalog_import_json(d, after, strlen(after)) != HIP_OK) abort();
        if (hip_catalog_count(d) != hip_catalog_count(c) || hip_catalog_edge_count(d) != hip_catalog_edge_count(c))
            abort();
        char *again = export_all(d, builtin);
        if (strcmp(again, after) != 0) abort();
        free(again);
        hip_catalog_destroy(d);
    }
    free(before);
    free(after);
    hip_catalog_destroy(c);
    return 0;
}
