#include "testutil.h"

#include <dsplab/spectrum.h>
#include <float.h>
#include <math.h>

#define M_PI_VALUE 3.141592653589793

static void test_db_round_trips(void)
{
    double amps[] = {1.0, 0.5, 1e-3, 123.456, 1e-300, 3e5};
    for (size_t i = 0; i < sizeof amps / sizeof amps[0]; i++) {
        /* log10 and pow each round to ~1 ulp, amplified by |ln(10) * db/20|
         * (< 36 for 1e-300): 1e-13 relative covers it. */
        CU_ASSERT_DOUBLE_EQUAL(dsp_db_to_amp(dsp_amp_to_db(amps[i])), amps[i], 1e-13 * amps[i]);
        CU_ASSERT_DOUBLE_EQUAL(dsp_db_to_power(dsp_power_to_db(amps[i])), amps[i],
                               1e-13 * amps[i]);
    }
    CU_ASSERT_DOUBLE_EQUAL(dsp_amp_to_db(10.0), 20.0, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(dsp_power_to_db(10.0), 10.0, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(dsp_amp_to_db(0.5), -6.020599913279624, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(dsp_db_to_amp(-6.0), 0.50118723362727224, 1e-16);
    double a[3] = {1.0, 0.1, 0.01}, d[3];
    dsp_amp_to_db_array(a, d, 3);
    CU_ASSERT_DOUBLE_EQUAL(d[2], -40.0, 1e-13);
    dsp_db_to_amp_array(d, d, 3);   /* in place */
    test_close("amp -> dB -> amp", d, a, 3, 0.0, 1e-14);
}

static void test_db_floor(void)
{
    /* Zero, negative and denormal amplitudes all land on the floor, never -inf. */
    double in[] = {0.0, -0.0, -1.0, 4.9e-324, DBL_MIN};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        double db = dsp_amp_to_db(in[i]);
        CU_ASSERT(isfinite(db));
        CU_ASSERT_DOUBLE_EQUAL(db, DSP_DB_FLOOR, 1e-9);
        CU_ASSERT(isfinite(dsp_power_to_db(in[i])));
        CU_ASSERT_DOUBLE_EQUAL(dsp_power_to_db(in[i]), DSP_DB_FLOOR / 2, 1e-9);
    }
    CU_ASSERT_DOUBLE_EQUAL(20.0 * log10(DBL_MIN), DSP_DB_FLOOR, 1e-9);   /* the constant */
    CU_ASSERT(isnan(dsp_amp_to_db(NAN)));   /* a NaN stays visible */
}

static void test_magnitude_phase(void)
{
    double complex X[5] = {3 + 4 * I, -2, -2 - 0.0 * I, CMPLX(0, -1), 0};
    double mag[5], ph[5];
    dsp_magnitude(X, mag, 5);
    dsp_phase(X, ph, 5);
    double want_mag[5] = {5, 2, 2, 1, 0};
    double want_ph[5] = {atan2(4, 3), M_PI_VALUE, M_PI_VALUE, -M_PI_VALUE / 2, 0};
    test_close("magnitude", mag, want_mag, 5, 1e-15, 0.0);
    /* (-pi, pi]: a negative real axis is +pi whatever the sign of its zero. */
    test_close("phase", ph, want_ph, 5, 0.0, 0.0);
}

static void test_unwrap_matches_numpy(void)
{
    /* /usr/bin/python3: numpy 1.24.2
     *   np.unwrap([0, 3, -3, 0.5, pi, -pi, 6, -1, 2.9, -2.9]) */
    double p[10] = {0.0, 3.0, -3.0, 0.5, M_PI_VALUE, -M_PI_VALUE, 6.0, -1.0, 2.9, -2.9};
    double want[10] = {0.0, 3.0, 3.2831853071795862, 0.5, 3.141592653589793, 3.141592653589793,
                       6.0, 5.283185307179586, 2.9, 3.3831853071795863};
    dsp_unwrap(p, 10);
    test_close("unwrap vs numpy", p, want, 10, 0.0, 0.0);   /* same operations: bit-exact */

    /* A steady ramp of 1 rad per step, wrapped, unwraps to the ramp. */
    double r[50], ramp[50];
    for (int i = 0; i < 50; i++) {
        ramp[i] = 0.25 + i;
        r[i] = atan2(sin(ramp[i]), cos(ramp[i]));
    }
    dsp_unwrap(r, 50);
    test_close("wrapped ramp", r, ramp, 50, 1e-12, 0.0);
    dsp_unwrap(r, 0);   /* nothing to do, must not touch memory */
    dsp_unwrap(r, 1);
    CU_ASSERT_DOUBLE_EQUAL(r[0], 0.25, 1e-15);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"dB round trips and known values", test_db_round_trips},
        {"dB floor at DBL_MIN, never -inf", test_db_floor},
        {"magnitude and phase in (-pi, pi]", test_magnitude_phase},
        {"unwrap matches numpy.unwrap", test_unwrap_matches_numpy},
    };
    return test_run("spectrum", cases, TEST_COUNT(cases));
}
