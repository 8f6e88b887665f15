/* Small helpers: checksums, SQLite errors, record ids, kind names. */
#include "store_internal.h"

#include <string.h>

uint32_t hip__store_crc32(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

hip_status hip__store_status_of(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE: return HIP_OK;
    case SQLITE_NOMEM: return HIP_ERR_NOMEM;
    case SQLITE_CORRUPT: return HIP_ERR_CORRUPT;
    case SQLITE_NOTADB: return HIP_ERR_FORMAT;
    case SQLITE_CANTOPEN: return HIP_ERR_NOT_FOUND;
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_PERM:
    case SQLITE_AUTH: return HIP_ERR_STATE;
    case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_PROTOCOL: return HIP_ERR_STATE;
    default: return HIP_ERR_CORRUPT;  /* a schema the store does not know, a constraint broken */
    }
}

hip_status hip__store_sqlerr(hip_store *s, int rc, const char *what)
{
    hip_status st = hip__store_status_of(rc);
    if (st == HIP_OK) st = HIP_ERR_CORRUPT;
    const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    return hip__seterr(&s->err, st, "%s: %s (SQLite %d)", what, msg, rc);
}

int hip__store_valid_record_id(const char *id)
{
    if (!id) return 0;
    size_t n = 0;
    for (; n < HIPTRACK_ID_CAP && id[n]; n++) {
        char c = id[n];
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok || (n == 0 && !(c >= 'a' && c <= 'z'))) return 0;
    }
    return n >= 1 && n < HIPTRACK_ID_CAP;
}

static const char *const kind_names[] = {"any", "program", "session", "pain", "outcome", "decision", "assessment"};

const char *hip_store_kind_name(hip_store_kind kind)
{
    return (unsigned)kind <= HIP__STORE_KIND_LAST ? kind_names[kind] : "?";
}

hip_status hip_store_kind_from_name(const char *name, hip_store_kind *kind_out)
{
    if (!name || !kind_out) return HIP_ERR_INVALID;
    for (unsigned i = 0; i <= HIP__STORE_KIND_LAST; i++)
        if (strcmp(name, kind_names[i]) == 0) { *kind_out = (hip_store_kind)i; return HIP_OK; }
    return HIP_ERR_NOT_FOUND;
}
