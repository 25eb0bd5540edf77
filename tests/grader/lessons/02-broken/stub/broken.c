#include "exercise.h"

int broken_ex(int x)
{
    (void)x;
    return DSP_ETODO;
}
