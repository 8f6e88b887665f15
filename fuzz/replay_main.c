/* Standalone driver: replays every file of the given corpus folders (or files) through
 * LLVMFuzzerTestOneInput, so the seed corpora run as ordinary tests without clang. Fails when a
 * folder holds no input, so an empty corpus cannot pass silently. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); return 0; }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            uint8_t *n = realloc(buf, cap);
            if (!n) { free(buf); fclose(f); return 0; }
            buf = n;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    fclose(f);
    /* An exact-size copy so ASan sees reads past the input. */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) { free(buf); return 0; }
    if (len) memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 1;
}

int main(int argc, char **argv)
{
    size_t runs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) { fprintf(stderr, "no such corpus: %s\n", argv[i]); return 1; }
        if (!S_ISDIR(st.st_mode)) { runs += (size_t)run_file(argv[i]); continue; }
        DIR *d = opendir(argv[i]);
        if (!d) { fprintf(stderr, "cannot read %s\n", argv[i]); return 1; }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            runs += (size_t)run_file(path);
        }
        closedir(d);
    }
    printf("replayed %zu inputs\n", runs);
    return runs > 0 ? 0 : 1;
}
