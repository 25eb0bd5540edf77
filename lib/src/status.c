#include "dsplab/status.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[1024];

const char *dsp_strerror(int status)
{
    switch (status) {
    case DSP_OK: return "success";
    case DSP_EINVAL: return "invalid argument";
    case DSP_ENOMEM: return "out of memory";
    case DSP_EIO: return "input/output error";
    case DSP_EFORMAT: return "unsupported or malformed data";
    case DSP_EEMPTY: return "no samples";
    case DSP_ETODO: return "not implemented yet";
    default: return "unknown error";
    }
}

const char *dsp_last_error(void)
{
    return last_error;
}

int dsp_fail(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return status;
}
