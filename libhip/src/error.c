#include "error.h"

#include <stdarg.h>
#include <stdio.h>

hip_status hip__seterr(hip__error *e, hip_status status, const char *fmt, ...)
{
    if (!e) return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    e->status = status;
    return status;
}

void hip__clearerr(hip__error *e)
{
    if (!e) return;
    e->status = HIP_OK;
    e->message[0] = '\0';
}

const char *hip__errmsg(const hip__error *e)
{
    return e ? e->message : "";
}
