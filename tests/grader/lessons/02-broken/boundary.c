/* Fixture lesson 02-broken: its one exercise crosses the sandbox (grader/rpc.h). */
#include "exercise.h"
#include "rpc.h"

RPC_FILES = {
    {"broken.c", "broken_ex", ""},
};

RPC_FUNCTION(broken_ex, (int x), (x))
{
    RPC_SCALAR(x);
    return RPC_CALL(broken_ex(x));
}

RPC_LESSON(broken_ex);
