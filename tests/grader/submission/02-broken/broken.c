#include "exercise.h"

/* A syntax error on purpose: the missing semicolon below. */
int broken_ex(int x)
{
    return x * 2
}
