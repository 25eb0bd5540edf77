/* Fixture suite whose submission does not compile. */
#include "exercise.h"
#include "grade.h"

static void twice(void)
{
    if (grade_status(broken_ex(2), "broken_ex"))
        grade_true(1, "never fails");
}

static const struct grade_test tests[] = {
    {"broken: anything", 3, twice, NULL, 0},
};
GRADE_SUITE("02-broken", tests);
