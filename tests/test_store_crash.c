/* No data loss: a writer process is SIGKILLed at random points during thousands of writes; after
 * each kill the store is reopened, PRAGMA integrity_check must say "ok", every record must read
 * back, and every write the writer saw acknowledged (hip_store_put_* returned HIP_OK, i.e. COMMIT
 * succeeded) must be there. Then concurrent readers: while a writer writes, another process's
 * reads are consistent snapshots.
 *
 * A plain executable (fork, pipes, signals) run by CTest; seeded PRNG, so a failure replays.
 * HIPTRACK_CRASH_ROUNDS overrides the number of kills (default 20). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hiptrack/hip_store.h"

#define MAX_ACKS 200000

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;
static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static int failures = 0;
#define CHECK(cond, ...)                                                                           \
    do {                                                                                            \
        if (!(cond)) {                                                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                    \
            fprintf(stderr, __VA_ARGS__);                                                           \
            fputc('\n', stderr);                                                                    \
            failures++;                                                                             \
        }                                                                                           \
    } while (0)

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

/* One acknowledged write: record number and version. */
typedef struct ack { int32_t n; int32_t version; } ack;

static hip_pain_entry entry_for(int32_t n, int32_t version)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = (int64_t)n * 3600 * 1000000000LL;     /* one per hour: ~24 a day */
    e.nrs = (n + version) % 11;
    e.context = HIP_PAIN_CONTEXT_CURRENT;
    snprintf(e.note, sizeof e.note, "record %d version %d", (int)n, (int)version);
    return e;
}

/* The writer: new records, and every 5th write a correction of an earlier record. Each
 * acknowledged write is reported on fd after the call returned HIP_OK. */
static void writer(const char *path, int fd, int32_t first, int32_t count, unsigned seed,
                   hip_store_sync sync)
{
    hip_store *s = NULL;
    char err[256];
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.sync = sync;
    if (hip_store_open(path, &cfg, &s, err, sizeof err) != HIP_OK) {
        fprintf(stderr, "writer: %s\n", err);
        _exit(3);
    }
    unsigned st = seed | 1u;
    for (int32_t i = 0; i < count; i++) {
        int32_t n = first + i;
        if (i % 5 == 4 && i > 0) {
            st = st * 1103515245u + 12345u;
            n = first + (int32_t)((st >> 8) % (unsigned)i);
        }
        char id[32];
        snprintf(id, sizeof id, "r%d", (int)n);
        hip_store_record rec;
        hip_pain_entry e = entry_for(n, 0);
        /* The version is only known after the write; the entry carries the record number. */
        if (hip_store_put_pain(s, id, &e, &rec) != HIP_OK) {
            fprintf(stderr, "writer: %s\n", hip_store_last_error(s));
            _exit(4);
        }
        ack a = {n, (int32_t)rec.version};
        if (write(fd, &a, sizeof a) != (ssize_t)sizeof a) _exit(5);
    }
    hip_store_close(s);
    _exit(0);
}

static int32_t max_version[MAX_ACKS];

static void crash_rounds(const char *path, int rounds)
{
    int32_t next = 0;
    long total_acks = 0;
    for (int round = 0; round < rounds; round++) {
        int fds[2];
        if (pipe(fds) != 0) { perror("pipe"); exit(1); }
        int32_t first = next;
        int32_t count = 1000;
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            /* Both durability modes survive a killed process (NORMAL defers fsync, not the
             * write to the OS); odd rounds use NORMAL, which also makes more writes per round. */
            writer(path, fds[1], first, count, (unsigned)round * 7919u + 1u,
                   round % 2 ? HIP_STORE_SYNC_NORMAL : HIP_STORE_SYNC_FULL);
        }
        close(fds[1]);
        /* Kill after a random 20..400 ms: in the middle of a write most of the time (open,
         * BEGIN, INSERT, COMMIT, fsync). */
        sleep_us(20000 + (long)(rng() % 380000));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        ack a;
        long acks = 0;
        while (read(fds[0], &a, sizeof a) == (ssize_t)sizeof a) {
            if (a.n >= 0 && a.n < MAX_ACKS && a.version > max_version[a.n]) max_version[a.n] = a.version;
            if (a.n + 1 > next) next = a.n + 1;
            acks++;
        }
        close(fds[0]);
        total_acks += acks;
        if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
            CHECK(0, "round %d: writer failed with exit code %d", round, WEXITSTATUS(status));

        /* Reopen: integrity, every acknowledged write present, everything readable. */
        hip_store *s = NULL;
        char err[256];
        hip_status st = hip_store_open(path, NULL, &s, err, sizeof err);
        CHECK(st == HIP_OK, "round %d: reopen: %s", round, err);
        if (st != HIP_OK) return;
        st = hip_store_check(s);
        CHECK(st == HIP_OK, "round %d: integrity: %s", round, hip_store_last_error(s));
        for (int32_t n = 0; n < next && n < MAX_ACKS; n++) {
            if (!max_version[n]) continue;
            char id[32];
            snprintf(id, sizeof id, "r%d", (int)n);
            hip_store_record r;
            st = hip_store_get(s, HIP_STORE_KIND_PAIN, id, 0, &r);
            CHECK(st == HIP_OK && (int32_t)r.version >= max_version[n],
                  "round %d: acknowledged %s version %d missing (status %d, version %u)", round, id,
                  (int)max_version[n], (int)st, st == HIP_OK ? r.version : 0);
        }
        hip_painlog *log = NULL;
        hip_painlog_create(NULL, &log);
        st = hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log);
        CHECK(st == HIP_OK, "round %d: load: %s", round, hip_store_last_error(s));
        hip_store_query q;
        hip_store_query_init(&q);
        size_t listed = 0;
        hip_store_list(s, &q, NULL, 0, &listed);
        CHECK(hip_painlog_count(log) == listed, "round %d: %zu records, %zu entries read back",
              round, listed, hip_painlog_count(log));
        hip_painlog_destroy(log);
        hip_store_close(s);
        /* A record written but not acknowledged before the kill may exist: the next round starts
         * after it. */
        if (listed > (size_t)next) next = (int32_t)listed;
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) next = first + count;
    }
    printf("crash: %d kills (half with sync FULL, half NORMAL), %ld acknowledged writes, all "
           "present, integrity ok\n", rounds, total_acks);
}

/* Readers while a writer writes: every read is one snapshot, and a snapshot named by a sequence
 * number (as_of_seq) gives the same answer however often it is asked. */
static void concurrent_readers(const char *path)
{
    hip_store *w = NULL;
    if (hip_store_open(path, NULL, &w, NULL, 0) != HIP_OK) { CHECK(0, "create %s", path); return; }
    hip_store_close(w);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *devnull = fopen("/dev/null", "wb");
        if (!devnull) _exit(6);
        writer(path, fileno(devnull), 0, 1000, 99u, HIP_STORE_SYNC_NORMAL);
    }
    hip_store *s = NULL;
    char err[256];
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.read_only = 1;
    hip_status st = hip_store_open(path, &cfg, &s, err, sizeof err);
    CHECK(st == HIP_OK, "reader open: %s", err);
    if (st != HIP_OK) { kill(pid, SIGKILL); waitpid(pid, NULL, 0); return; }
    int reads = 0, grew = 0;
    size_t last_count = 0;
    int status = 0;
    hip_painlog *log = NULL;
    hip_painlog_create(NULL, &log);
    for (;;) {
        int done = waitpid(pid, &status, WNOHANG) == pid;
        int64_t seq = 0;
        st = hip_store_last_seq(s, &seq);
        CHECK(st == HIP_OK, "reader: last_seq: %s", hip_store_last_error(s));
        if (seq == 0 && !done) { sleep_us(1000); continue; }  /* as_of_seq 0 means "now" */
        hip_store_query q;
        hip_store_query_init(&q);
        q.as_of_seq = seq;
        q.all_versions = 1;
        size_t n1 = 0, n2 = 0;
        st = hip_store_list(s, &q, NULL, 0, &n1);
        CHECK(st == HIP_OK, "reader: list: %s", hip_store_last_error(s));
        /* Every version up to seq is there: a snapshot has no holes. */
        CHECK(n1 == (size_t)seq, "reader: %zu versions as of seq %lld", n1, (long long)seq);
        q.all_versions = 0;
        st = hip_store_list(s, &q, NULL, 0, &n1);
        sleep_us(500);
        /* A full load (every 8th read: it grows with the store) sees the same snapshot. */
        size_t loaded = n1;
        if (reads % 8 == 0) {
            hip_status st2 = hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN,
                                                    HIPTRACK_STORE_DAY_MAX, seq, log);
            CHECK(st2 == HIP_OK, "reader: load: %s", hip_store_last_error(s));
            loaded = hip_painlog_count(log);
        }
        st = hip_store_list(s, &q, NULL, 0, &n2);
        CHECK(n1 == n2 && n1 == loaded, "reader: snapshot %lld changed: %zu, %zu records, %zu loaded",
              (long long)seq, n1, n2, loaded);
        if (n1 > last_count && reads > 0) grew++;
        last_count = n1;
        reads++;
        if (done) break;
    }
    hip_painlog_destroy(log);
    hip_store_close(s);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "concurrent writer failed");
    CHECK(grew > 0, "reader never saw the writer's progress (%d reads)", reads);
    printf("concurrency: %d snapshot reads during 1000 writes, %d saw new data, all consistent\n",
           reads, grew);
}

int main(void)
{
    char dir[] = "/tmp/hip_store_crash_XXXXXX";
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
    char path[128];
    snprintf(path, sizeof path, "%s/crash.db", dir);
    int rounds = 20;
    const char *env = getenv("HIPTRACK_CRASH_ROUNDS");
    if (env && atoi(env) > 0) rounds = atoi(env);
    crash_rounds(path, rounds);
    char path2[128];
    snprintf(path2, sizeof path2, "%s/concurrent.db", dir);
    concurrent_readers(path2);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    if (failures) fprintf(stderr, "%d failures\n", failures);
    return failures ? 1 : 0;
}
