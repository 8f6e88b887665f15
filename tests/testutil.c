#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Each block carries its size in a header so the byte count can be kept. */
typedef union { size_t size; max_align_t align; } hip_test_header;

static void *counting_alloc(void *opaque, size_t size)
{
    hip_test_alloc_state *s = opaque;
    if (s->countdown == 0) { s->failures++; return NULL; }
    if (s->countdown > 0) s->countdown--;
    hip_test_header *h = malloc(sizeof *h + size);
    if (!h) return NULL;
    h->size = size;
    s->allocs++;
    s->outstanding++;
    s->bytes += size;
    return h + 1;
}

static void counting_free(void *opaque, void *ptr)
{
    hip_test_alloc_state *s = opaque;
    hip_test_header *h = (hip_test_header *)ptr - 1;
    s->frees++;
    s->outstanding--;
    s->bytes -= h->size;
    free(h);
}

hip_allocator hip_test_counting_allocator(hip_test_alloc_state *state)
{
    hip_allocator a;
    a.alloc = counting_alloc;
    a.free = counting_free;
    a.opaque = state;
    return a;
}

void hip_test_alloc_reset(hip_test_alloc_state *state, long countdown)
{
    memset(state, 0, sizeof *state);
    state->countdown = countdown;
}

const char *hip_test_shared_dir(void)
{
    const char *d = getenv("HIPTRACK_SHARED_DIR");
    struct stat st;
    if (!d || !*d || stat(d, &st) != 0 || !S_ISDIR(st.st_mode)) return NULL;
    return d;
}

char *hip_test_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0) break;
        if (len + 1 == cap) {
            char *n = realloc(buf, cap * 2);
            if (!n) { free(buf); buf = NULL; break; }
            buf = n;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[len] = '\0';
    if (len_out) *len_out = len;
    return buf;
}
