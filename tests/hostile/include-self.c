/* attack: a file that includes itself, without a guard: the compiler must
 *         stop (its nesting limit or the grader's time limit), costing only
 *         this exercise
 * as: mag_db_ex.c
 * expect: mag_db_ex.c: not graded:
 */
#include "mag_db_ex.c"
#include "mag_db_ex.c"
