/*
 * fdio.h — whole reads and writes on a pipe, retried on EINTR: the judge's
 * proxy and the worker speak the same framing (rpc.h), so they share these.
 * Header-only, because the worker links nothing else of the grader.
 */
#ifndef DSPLAB_GRADER_FDIO_H
#define DSPLAB_GRADER_FDIO_H

#include <errno.h>
#include <stddef.h>
#include <unistd.h>

/* Reads exactly n bytes: 0, or -1 at end of file or on an error. */
static inline int fd_read_full(int fd, void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t k = read(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Writes exactly n bytes: 0, or -1 on an error (a closed pipe: EPIPE). */
static inline int fd_write_full(int fd, const void *buf, size_t n)
{
    const unsigned char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

#endif
