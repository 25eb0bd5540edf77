/* attack: an #include that never finishes reading (a device of endless
 *         zeros): the compile must be stopped, costing only this exercise
 * as: kernel_ex.c
 * expect: kernel_ex.c: not graded:
 */
#include "/dev/zero"
