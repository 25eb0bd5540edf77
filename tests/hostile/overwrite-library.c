/* attack: defines a library function (dsp_last_error) and a worker symbol
 *         (rpc_reply), to change what the worker reports
 * as: sine_ex.c
 * expect: sine_ex.c: not graded: it defines the global symbol
 */
#include "exercise.h"

const char *dsp_last_error(void)
{
    return "all good";
}

int rpc_reply(int status);
int rpc_reply(int status)
{
    (void)status;
    return 0;
}

int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    (void)amp, (void)freq, (void)phase, (void)fs, (void)x, (void)n;
    return DSP_ETODO;
}
