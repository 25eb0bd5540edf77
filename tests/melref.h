/*
 * melref.h — what the mel tests (test_melspec, test_mfcc, test_vggish)
 * share with tests/gen/mel_ref.py, the numpy script that wrote their
 * reference files in tests/data/: the same test signal, and a reader for
 * those files.
 *
 *     double x[11125], ref[22 * 128];
 *     mel_ref_signal(x, 11125, 22050.0, 0.01);
 *     CU_ASSERT_EQUAL(mel_ref_read("tests/data/mel_a.txt", ref, 22 * 128), 22 * 128);
 */
#ifndef DSPLAB_MELREF_H
#define DSPLAB_MELREF_H

#include <stddef.h>

/* mel_ref.py's test_signal(): 0.5 sin(2 pi 440 t/sr) + 0.25 sin(2 pi 3000.5
 * t/sr + 0.3) + noise * u, u uniform in [-0.5, 0.5) from the LCG seeded
 * 12345 (mel_ref.py uses noise 0.01; 0 gives the two sines alone). The
 * same operations in the same order as the script, so both sides start
 * from the same samples up to libm's last-ulp differences in sin. */
void mel_ref_signal(double *x, size_t n, double sr, double noise);

/* Every number of a text file whose '#' lines are skipped, the first max
 * into v. Returns how many the file holds (0, with a message, when it
 * cannot be opened: run the tests from the repository root). */
size_t mel_ref_read(const char *path, double *v, size_t max);

#endif
