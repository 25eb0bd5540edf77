#include "testutil.h"

#include <dsplab/signal.h>
#include <dsplab/status.h>
#include <math.h>
#include <string.h>

static void test_energy_and_snr(void)
{
    double ref[4] = {1, -2, 3, 0}, est[4] = {1.1, -2, 2.9, 0};
    CU_ASSERT_DOUBLE_EQUAL(dsp_energy(ref, 4), 14.0, 0.0);
    /* 10 log10(14 / 0.02) = 28.4509804... */
    CU_ASSERT_DOUBLE_EQUAL(dsp_snr_db(ref, est, 4), 10.0 * log10(14.0 / 0.02), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_snr_db(ref, est, 4), 28.450980400142569, 1e-12);
}

static void test_snr_edges(void)
{
    double ref[3] = {1, 2, 3}, zero[3] = {0, 0, 0}, nan3[3] = {1, NAN, 3};
    CU_ASSERT(isinf(dsp_snr_db(ref, ref, 3)) && dsp_snr_db(ref, ref, 3) > 0);   /* identical */
    CU_ASSERT(isinf(dsp_snr_db(zero, zero, 3)) && dsp_snr_db(zero, zero, 3) > 0);
    CU_ASSERT(isinf(dsp_snr_db(zero, ref, 3)) && dsp_snr_db(zero, ref, 3) < 0);  /* silent ref */
    CU_ASSERT_DOUBLE_EQUAL(dsp_snr_db(ref, zero, 3), 0.0, 1e-15);   /* error = signal: 0 dB */
    CU_ASSERT(isnan(dsp_snr_db(ref, nan3, 3)));
    CU_ASSERT(isnan(dsp_snr_db(ref, ref, 0)));   /* nothing compared */
}

static void test_zero_pad(void)
{
    double x[3] = {1, 2, 3}, y[6], buf[6] = {4, 5, 6, 9, 9, 9};
    double want[6] = {1, 2, 3, 0, 0, 0}, want_buf[6] = {4, 5, 6, 0, 0, 0};
    CU_ASSERT_EQUAL(dsp_zero_pad(x, 3, y, 6), DSP_OK);
    test_close("padded", y, want, 6, 0.0, 0.0);
    CU_ASSERT_EQUAL(dsp_zero_pad(buf, 3, buf, 6), DSP_OK);   /* in place */
    test_close("padded in place", buf, want_buf, 6, 0.0, 0.0);
    CU_ASSERT_EQUAL(dsp_zero_pad(x, 3, y, 2), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "(2)") && strstr(dsp_last_error(), "(3)"));
}

static void test_interp_matches_numpy(void)
{
    /* /usr/bin/python3, numpy 1.24.2:
     *   np.interp([-1, 0, .3, 1, 1.75, 2.5, 3.9, 4, 10], [0, 1, 2.5, 4], [1, 3, -2, .5]) */
    double xp[4] = {0.0, 1.0, 2.5, 4.0}, fp[4] = {1.0, 3.0, -2.0, 0.5};
    double q[9] = {-1.0, 0.0, 0.3, 1.0, 1.75, 2.5, 3.9, 4.0, 10.0}, out[9];
    double want[9] = {1.0, 1.0, 1.6, 3.0, 0.5, -2.0, 0.3333333333333335, 0.5, 0.5};
    CU_ASSERT_EQUAL(dsp_interp_linear(xp, fp, 4, q, out, 9), DSP_OK);
    /* Same formula as numpy (slope*(x - xp[j]) + fp[j]); 1 ulp allowed. */
    test_close("interp vs numpy", out, want, 9, 0.0, 4e-16);
    double one_x = 2.0, one_f = 7.0;
    CU_ASSERT_EQUAL(dsp_interp_linear(&one_x, &one_f, 1, q, out, 9), DSP_OK);
    for (int i = 0; i < 9; i++)
        CU_ASSERT_EQUAL(out[i], 7.0);   /* one point: constant everywhere */
    double bad[3] = {0, 2, 1};
    CU_ASSERT_EQUAL(dsp_interp_linear(bad, fp, 3, q, out, 9), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "xp[1]") != NULL);
    CU_ASSERT_EQUAL(dsp_interp_linear(xp, fp, 0, q, out, 9), DSP_EINVAL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"energy and SNR", test_energy_and_snr},
        {"SNR edge cases", test_snr_edges},
        {"zero padding", test_zero_pad},
        {"interp matches numpy.interp", test_interp_matches_numpy},
    };
    return test_run("signal", cases, TEST_COUNT(cases));
}
