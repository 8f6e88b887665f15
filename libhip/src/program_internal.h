/* Internal: the program handle, shared by program.c and program_json.c. */
#ifndef HIPTRACK_SRC_PROGRAM_INTERNAL_H
#define HIPTRACK_SRC_PROGRAM_INTERNAL_H

#include "hiptrack/hip_program.h"
#include "error.h"

/* A version's exercises are items[first .. first + info.exercise_count). */
typedef struct hip__version {
    hip_program_version info;
    size_t first;
} hip__version;

struct hip_program {
    hip_allocator alloc;
    hip__error err;
    hip__version *versions;
    size_t n_versions, versions_cap;
    hip_prescription *items;
    size_t n_items, items_cap;
    int draft_open;
    hip_program_version draft_info;
    hip_prescription *draft;
    size_t n_draft, draft_cap;
};

extern const char *const hip__side_names[4];

/* Validates one prescription; messages name fields below path. */
hip_status hip__prescription_validate(const hip_prescription *p, const char *path, hip__error *e);
/* Index in list of an entry with the same exercise and side, or -1 (skip: index to ignore). */
long hip__prescription_find(const hip_prescription *list, size_t n, const hip_prescription *p,
                            long skip);

#endif
