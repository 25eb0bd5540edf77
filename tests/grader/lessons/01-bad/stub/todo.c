#include "exercise.h"

int todo_ex(void)
{
    /* YOUR CODE HERE */
    return DSP_ETODO;
}
