/* Fuzz target: the recording CSV reader (header mapping, numbers, units, time order) and the
 * header check rec_default_width. Whatever the reader accepts must be a well-formed recording:
 * increasing timestamps and finite values. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "recording.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t widths[3] = {6, 3, 1};
    rec_options o;
    rec_options_init(&o, widths[size ? data[0] % 3 : 0]);
    if (size && (data[0] & 4)) o.delimiter = ';';
    if (size && (data[0] & 8)) o.accel_unit = REC_ACCEL_G;
    recording r;
    char msg[256];
    const char *text = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    /* the header check the CLI uses to pick accelerometer-only input */
    size_t dw = rec_default_width(text, len, o.delimiter);
    if (dw != 0 && dw != 3 && dw != 6) abort();
    if (rec_parse(text, len, &o, &r, msg, sizeof msg) != 0) {
        if (!msg[0] || r.t_ns || r.values) abort();
        return 0;
    }
    if (r.count == 0) abort();
    for (size_t i = 0; i < r.count; i++) {
        if (i && r.t_ns[i] <= r.t_ns[i - 1]) abort();
        for (size_t k = 0; k < r.width; k++)
            if (!isfinite(r.values[i * r.width + k])) abort();
    }
    rec_free(&r);
    return 0;
}
