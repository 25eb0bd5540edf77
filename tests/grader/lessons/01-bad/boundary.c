/* Fixture lesson 01-bad: how its exercises cross the sandbox (grader/rpc.h). */
#include <complex.h>
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

RPC_FILES = {
    {"bad.c",
     "ramp_ex loop_ex segv_ex abort_ex fpe_ex stack_ex exit_ex fake_ex flood_ex alloc_ex "
     "sleep_ex escape_ex scaled_ex conj_ex shift_ex",
     ""},
    {"todo.c", "todo_ex", ""},
};

/* y has n values */
#define ARRAY_EXERCISE(name)                                        \
    RPC_FUNCTION(name, (double *y, size_t n), (y, n))               \
    {                                                               \
        RPC_SCALAR(n);                                              \
        RPC_OUT(y, n);                                              \
        return RPC_CALL(name(y, n));                                \
    }
ARRAY_EXERCISE(ramp_ex)
ARRAY_EXERCISE(fake_ex)
ARRAY_EXERCISE(flood_ex)
ARRAY_EXERCISE(scaled_ex)
ARRAY_EXERCISE(shift_ex)

#define VOID_EXERCISE(name)              \
    RPC_FUNCTION_VOID(name)              \
    {                                    \
        return RPC_CALL(name());         \
    }
VOID_EXERCISE(loop_ex)
VOID_EXERCISE(segv_ex)
VOID_EXERCISE(abort_ex)
VOID_EXERCISE(fpe_ex)
VOID_EXERCISE(exit_ex)
VOID_EXERCISE(alloc_ex)
VOID_EXERCISE(sleep_ex)
VOID_EXERCISE(escape_ex)
VOID_EXERCISE(todo_ex)

RPC_FUNCTION(stack_ex, (int depth), (depth))
{
    RPC_SCALAR(depth);
    return RPC_CALL(stack_ex(depth));
}

RPC_FUNCTION(conj_ex, (double complex *X, size_t n), (X, n))
{
    RPC_SCALAR(n);
    RPC_OUT(X, n);
    return RPC_CALL(conj_ex(X, n));
}

RPC_LESSON(ramp_ex, loop_ex, segv_ex, abort_ex, fpe_ex, stack_ex, exit_ex, fake_ex, flood_ex,
           alloc_ex, sleep_ex, escape_ex, todo_ex, scaled_ex, conj_ex, shift_ex);
