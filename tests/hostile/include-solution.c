/* attack: #include of the reference solution by its absolute path
 * as: dft_ex.c
 * expect: dft_ex.c: not graded: it does not compile
 */
#include "@REPO@/lessons/02-sinusoids-dft/solution/dft_ex.c"
