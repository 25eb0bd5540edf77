/*
 * Lesson @NN@ — how each exercise's arguments cross the sandbox.
 *
 * The suite never calls the student's code directly: each exercise call is
 * sent to the worker (the student's objects, in the bubblewrap sandbox) and
 * its results come back. This file says, once per exercise, which arguments
 * are values, which arrays the exercise reads and which it writes, and how
 * long each is (grader/rpc.h). It is compiled into the judge and the worker
 * alike, so both sides agree by construction. Lengths are exactly what
 * exercise.h promises the caller allocates.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* Each exercise file, the functions it must define (and nothing else), and
 * the library functions it may not call (the library's own version of the
 * exercise; a trailing '*' is a prefix). */
RPC_FILES = {
    {"example_ex.c", "example_ex", "dsp_gen_*"},
};

RPC_FUNCTION(example_ex, (const double *x, size_t n, double gain, double *y), (x, n, gain, y))
{
    RPC_SCALAR(n);      /* values first: the lengths below use them */
    RPC_SCALAR(gain);
    RPC_IN(x, n);       /* n values the exercise reads */
    RPC_OUT(y, n);      /* n values it writes */
    return RPC_CALL(example_ex(x, n, gain, y));
}

RPC_LESSON(example_ex);
