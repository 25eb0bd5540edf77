#ifndef FIXTURE_BROKEN_EXERCISE_H
#define FIXTURE_BROKEN_EXERCISE_H
#include <dsplab/status.h>
int broken_ex(int x);
#endif
