/* attack: #include of a system file, hoping the compiler's error message
 *         quotes its first lines
 * as: idft_ex.c
 * expect: idft_ex.c: not graded: it does not compile
 */
#include "/etc/passwd"
#include "@REPO@/data/reference/02-sinusoids-dft/piano-dft.txt"
