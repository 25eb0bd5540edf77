#include "testutil.h"

#include <dsplab/status.h>
#include <string.h>

static void test_fail_records_message(void)
{
    int s = dsp_fail(DSP_EINVAL, "hop size (%d) must be at least 1", 0);
    CU_ASSERT_EQUAL(s, DSP_EINVAL);
    CU_ASSERT_STRING_EQUAL(dsp_last_error(), "hop size (0) must be at least 1");
}

static void test_strerror_names_every_code(void)
{
    int codes[] = {DSP_OK, DSP_EINVAL, DSP_ENOMEM, DSP_EIO, DSP_EFORMAT, DSP_EEMPTY, DSP_ETODO};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        CU_ASSERT(strcmp(dsp_strerror(codes[i]), "unknown error") != 0);
    CU_ASSERT_STRING_EQUAL(dsp_strerror(12345), "unknown error");
}

int main(void)
{
    static const struct test_case cases[] = {
        {"dsp_fail records a formatted message", test_fail_records_message},
        {"dsp_strerror names every code", test_strerror_names_every_code},
    };
    return test_run("status", cases, TEST_COUNT(cases));
}
