/*
 * test_lesson_hints.c — the lessons' own hints, proved on wrong submissions.
 *
 * Each case is a lesson's solution with one typical mistake (or two at
 * once): tests/grader/lessonNN-wrong/<case>/NN-topic/ holds only the file
 * the mistake changes, marked "MISTAKE" in its source, and the test lays it
 * over a copy of lessons/NN-topic/solution/; the EXPECTED.md beside them lists what each must
 * lose. The real `make grade` grades it, and this program checks that
 * exactly the listed tests fail (or are skipped because a test they depend
 * on failed, or crash), every other test of the lesson passes, the score,
 * and that each hint appears under its test. The hints come from the
 * lessons' suite.c files (grade_note), not from the grader's generic checks.
 * The older lesson-02 cases (wrong sign, missing 1/N, ...) are checked by
 * test_grader.c.
 */
#include "clitest.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SAN_BUILD TEST_SAN_BUILD

static char tmp[1024];

struct lesson {
    const char *num, *dir; /* "02", "02-sinusoids-dft" */
    int tests, points;     /* the whole suite */
};
static const struct lesson L01 = {"01", "01-sounds", 20, 29};
static const struct lesson L02 = {"02", "02-sinusoids-dft", 21, 27};
static const struct lesson L04 = {"04", "04-stft", 21, 27};
static const struct lesson L11 = {"11", "11-fft-and-speed", 21, 31};
static const struct lesson L10 = {"10", "10-sound-description", 27, 34};

struct hint {
    const char *test, *text;
};
struct wrong_case {
    const struct lesson *lesson;
    const char *name;
    const char *fail[6];    /* a failed check */
    const char *skipped[4]; /* "skipped: depends on ..." */
    const char *crash[6];   /* killed by a signal (or, under SAN=1, a sanitizer report) */
    int score;
    struct hint hints[4];
};

static const struct wrong_case cases[] = {
    {&L01, "energy-no-size-check", {NULL}, {NULL}, {"energy: n < size at several hops"}, 28,
     {{NULL, NULL}}},
    {&L01, "float-scale", {"scale: in place", "normalize: example"},
     {"normalize: speech to -1 dBFS", "normalize: bad input"}, {NULL}, 24,
     {{"scale: in place", "hint: the largest error is 4.9e-08 of the largest value: about "
                          "float's precision (7 digits), not a wrong formula"},
      {"normalize: example", "about float's precision"}}},
    {&L02, "power-floor", {"mag_db: zeros use the floor"}, {NULL}, {NULL}, 26,
     {{"mag_db: zeros use the floor",
       "hint: every value is 10 log10(DBL_MIN) = -3076.5266 dB: the floor went on the power"}}},
    {&L02, "dft-missing-last-term",
     {"dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random", "dft: piano frame"},
     {"idft: round trip"}, {NULL}, 20,
     {{"dft: example {1,2,3,4}",
       "hint: X is the DFT of x without its last sample x[3]: the sum over m stops one term "
       "early"},
      {"dft: piano frame", "without its last sample x[255]"}}},
    {&L02, "float-dft",
     {"dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random", "dft: piano frame"},
     {"idft: round trip"}, {NULL}, 20,
     {{"dft: example {1,2,3,4}", "about float's precision (7 digits), not a wrong formula"},
      {"dft: piano frame", "about float's precision"}}},
    {&L02, "idft-sign", {"idft: example", "idft: one bin", "idft: random", "idft: round trip"},
     {NULL}, {NULL}, 22,
     {{"idft: example",
       "hint: x[m] = expected[(n - m) mod n], the signal reversed in time (x[0] stays): the "
       "sign of the exponent. The inverse uses e^{+j 2 pi k m / n}"},
      {"idft: one bin", "the signal reversed in time"}}},
    {&L02, "idft-sign-and-scale",
     {"idft: example", "idft: one bin", "idft: random", "idft: round trip"}, {NULL}, {NULL}, 22,
     {{"idft: example", "hint: x[m] = 4 * expected[(n - m) mod n]: two mistakes at once"},
      {"idft: example", "4 x too large: the 1/n is missing"},
      {"idft: random", "x[m] = 50 * expected[(n - m) mod n]"}}},
    {&L02, "sine-i-le-n", {NULL},
     {"sine: phase -pi/2", "sine: random", "sine: bad fs"}, {"sine: example"}, 22,
     {{"sine: example", "gen_sine_ex wrote x[4], one past the end of its 4 values "
                        "(sine_ex.c:13)\n"}}},
    {&L02, "dft-m-le-n", {NULL}, {"dft: n = 0", "idft: round trip"},
     {"dft: impulse", "dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random",
      "dft: piano frame"},
     18,
     {{"dft: impulse", "dft_ex read x[8], one past the end of its 8 values (dft_ex.c:15)\n"},
      {"dft: piano frame", "dft_ex read x[256], one past the end of its 256 values"}}},
    {&L04, "stft-odd-m-shift", {"stft: noise against the library"},
     {"stft: short signal, long hop, bad arguments", "stft: speech"}, {NULL}, 23,
     {{"stft: noise against the library",
       "hint: every frame starts one sample too early: frame k starts at k*hop - h with "
       "h = floor(M/2) = 400 for M = 801 ((M+1)/2 rounds up: one too many)"}}},
    {&L04, "envelope-20log", {"envelope: one sinusoid per band"},
     {"envelope: band edges", "envelope: speech"}, {NULL}, 22,
     {{"envelope: one sinusoid per band",
       "hint: 2x the expected dB value: 20*log10 of an energy. A sum of |X|^2 is a power"}}},
    /* memory errors: the fence after each array (or, under SAN=1,
     * AddressSanitizer) names the array, the index and the student's line */
    {&L04, "odf-k-le-n", {NULL}, {"odf: speech envelopes", "odf: random"},
     {"odf: example", "odf: one frame, silence, n = 0"}, 23,
     {{"odf: example", "odf_ex read env[5], one past the end of its 5 values (odf.c:10)\n"},
      {"odf: one frame, silence, n = 0",
       "odf_ex read env[1], one past the end of its 1 value (odf.c:10)\n"},
      {"odf: example", "hint: a loop bound off by one"}}},
    {&L11, "fft-no-bitrev",
     {"fft: {1, 2, 3, 4}", "fft: impulses, a constant, one exponential (n = 8)",
      "rfft: random, n = 2, 4, ..., 65536 against FFTW", "rfft: flute, n = 4096 (reference)",
      "fftbench: exp(j 2 pi 3 m / 64)"},
     {"fft: random, n = 1, 2, 4, ..., 65536 against FFTW", "fft: piano, n = 2048 (reference)",
      "fftbench: random, n = 1024 and 4096"},
     {NULL}, 17,
     {{"fft: {1, 2, 3, 4}", "hint: your X matches an FFT whose butterflies ran on x in "
                            "natural order"},
      {"rfft: random, n = 2, 4, ..., 65536 against FFTW",
       "note: fft_ex (Part 3) does not pass its own example yet"}}},
    {&L11, "fft-no-stride",
     {"fft: impulses, a constant, one exponential (n = 8)",
      "fft: random, n = 1, 2, 4, ..., 65536 against FFTW", "fft: piano, n = 2048 (reference)",
      "rfft: random, n = 2, 4, ..., 65536 against FFTW", "rfft: flute, n = 4096 (reference)",
      "fftbench: exp(j 2 pi 3 m / 64)"},
     {"fftbench: random, n = 1024 and 4096"}, {NULL}, 19,
     {{"fft: impulses, a constant, one exponential (n = 8)",
       "hint: your X matches an FFT that uses w[j] in every stage"},
      {"fft: random, n = 1, 2, 4, ..., 65536 against FFTW", "w[j * (n/len)]"}}},
    {&L11, "twiddle-plus-sign",
     {"twiddle: n = 8", "fft: {1, 2, 3, 4}", "fft: impulses, a constant, one exponential (n = 8)",
      "rfft: random, n = 2, 4, ..., 65536 against FFTW", "rfft: flute, n = 4096 (reference)",
      "fftbench: exp(j 2 pi 3 m / 64)"},
     {"twiddle: n = 2, 4, ..., 65536", "fft: random, n = 1, 2, 4, ..., 65536 against FFTW",
      "fft: piano, n = 2048 (reference)", "fftbench: random, n = 1024 and 4096"},
     {NULL}, 14,
     {{"twiddle: n = 8", "is exp(+j pi/4): use exp(-j 2 pi k/n)"},
      {"fft: {1, 2, 3, 4}", "hint: your X matches an FFT with twiddles exp(+j 2 pi k/n)"}}},
    {&L11, "rfft-even-odd-swapped", {"rfft: {1, 2, 3, 4} and {5, -3}"},
     {"rfft: random, n = 2, 4, ..., 65536 against FFTW", "rfft: flute, n = 4096 (reference)"},
     {NULL}, 26,
     {{"rfft: {1, 2, 3, 4} and {5, -3}",
       "hint: your X matches z[m] = x[2m+1] + j x[2m]: the even samples are the real parts"}}},
    {&L11, "rfft-no-nyquist", {"rfft: {1, 2, 3, 4} and {5, -3}"},
     {"rfft: random, n = 2, 4, ..., 65536 against FFTW", "rfft: flute, n = 4096 (reference)"},
     {NULL}, 26,
     {{"rfft: {1, 2, 3, 4} and {5, -3}", "hint: X[2] (bin n/2) was never written"}}},
    {&L11, "winmag-no-sqrt", {"winmag: {3+4j, 2j, 1-1j}"},
     {"winmag: random, n = 0, 1, 7, 1000, 1023",
      "winmag: piano spectrum under a triangle (reference)"},
     {NULL}, 27,
     {{"winmag: {3+4j, 2j, 1-1j}",
       "hint: mag is w (re^2 + im^2): the magnitude needs the square root"}}},
    {&L10, "centroid-in-bins",
     {"centroid: worked example", "spread: worked example and a tone",
      "spread: silence, a flat spectrum, bad arguments", "descriptors: a 1000 Hz sine"},
     {"centroid: a 1000 Hz tone", "descriptors: a piano note", "descriptors: a spoken word"},
     {NULL}, 24,
     {{"centroid: worked example", "you returned 2, the centroid in BINS"},
      {"descriptors: a 1000 Hz sine", "the centroid is in bins"}}},
    {&L10, "rolloff-strict", {"rolloff: worked example, three fractions"}, {NULL}, {NULL}, 32,
     {{"rolloff: worked example, three fractions",
       "one bin too high: the running sum must be >= fraction * total, not >"}}},
    {&L10, "zcr-divide-by-n",
     {"zcr: worked example", "descriptors: a piano note", "descriptors: a spoken word"},
     {"zcr: a sine crosses 2f times a second"}, {NULL}, 30,
     {{"zcr: worked example", "3/5: divide by the n - 1 = 4 pairs"},
      {"descriptors: a piano note", "the zcr is 511/512 of the expected one"}}},
    {&L10, "summary-sample-std",
     {"summary: worked example", "summary: one frame, bad arguments"},
     {"summary: MFCCs of a spoken word"}, {NULL}, 30,
     {{"summary: worked example", "divides by T - 1 (the sample std)"}}},
    {&L10, "confusion-transposed",
     {"confusion: worked example", "crossval: 100 clips, accuracy above 0.85"}, {NULL}, {NULL},
     31,
     {{"confusion: worked example", "your matrix is the transpose"},
      {"crossval: 100 clips, accuracy above 0.85", "your matrix is the transpose"}}},
    {&L10, "crossval-scale-all-rows", {"crossval: 100 clips, accuracy above 0.85"}, {NULL},
     {NULL}, 32,
     {{"crossval: 100 clips, accuracy above 0.85", "this is what scaling with ALL rows gives"}}},
};

static int in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n && list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return 1;
    return 0;
}

/* The indented detail lines under the test's own line in report s. */
static const char *detail_of(const char *s, const char *test, size_t *len)
{
    char key[256];
    snprintf(key, sizeof key, "\n%s: ", test);
    const char *p = strstr(s, key);
    if (!p)
        return NULL;
    p = strchr(p + 1, '\n');
    if (!p)
        return NULL;
    const char *e = ++p;
    while (*e == ' ') {
        const char *nl = strchr(e, '\n');
        e = nl ? nl + 1 : e + strlen(e);
    }
    *len = (size_t)(e - p);
    return p;
}

static void check_case(const struct wrong_case *c)
{
    const struct lesson *l = c->lesson;
    char cmd[4096], path[1200];
    snprintf(path, sizeof path, "%s/%s.txt", tmp, c->name);
    char cases_dir[64];
    snprintf(cases_dir, sizeof cases_dir, "lesson%s-wrong", l->num);
    const char *sub = test_wrong_submission(cases_dir, c->name, l->dir, tmp);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sub);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade V=1 LESSON=%s GRADE_HIDDEN=skip SUBMISSION=%s "
             "GRADE_REPORT_DIR=%s/out-%s >%s 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", l->num, sub, tmp, c->name, path);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    size_t n = 0;
    char *s = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    int ok = rc == 0;
    if (rc != 0)
        printf("\n  %s: make grade exited %d\n", c->name, rc);

    /* Every "name: STATUS" line: FAIL or CRASH exactly where listed. */
    int n_tests = 0;
    for (const char *line = s, *next; *line; line = next) {
        size_t len = strcspn(line, "\n");
        next = line + len + (line[len] == '\n');
        if (len == 0 || line[0] == ' ' || strncmp(line, "== ", 3) == 0 ||
            strncmp(line, "Part ", 5) == 0 || strncmp(line, "Score: ", 7) == 0 ||
            line[0] == '(' || strncmp(line, "Hidden: ", 8) == 0 /* hidden tests, not run */)
            continue;
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)len, line);
        /* the status follows the test name's last ": " (names contain ": ") */
        char *colon = NULL;
        for (char *q = strstr(text, ": "); q; q = strstr(q + 1, ": "))
            if (strncmp(q + 2, "OK", 2) == 0 || strncmp(q + 2, "FAIL", 4) == 0 ||
                strncmp(q + 2, "CRASH", 5) == 0 || strncmp(q + 2, "TIMEOUT", 7) == 0)
                colon = q;
        if (!colon) {
            printf("\n  %s: unexpected line \"%s\"\n", c->name, text);
            ok = 0;
            continue;
        }
        *colon = '\0';
        const char *status = colon + 2;
        n_tests++;
        int crash = in_list(c->crash, 6, text);
        int fail = in_list(c->fail, 6, text) || in_list(c->skipped, 4, text);
        int good = crash ? strncmp(status, "CRASH", 5) == 0
                         : strncmp(status, fail ? "FAIL" : "OK", fail ? 4 : 2) == 0;
        /* under SAN=1 a memory error may be reported as a failed test */
        if (crash && SAN_BUILD)
            good = strncmp(status, "OK", 2) != 0;
        if (!good) {
            printf("\n  %s: %s: got \"%s\", expected %s\n", c->name, text, status,
                   crash ? "CRASH" : fail ? "FAIL" : "OK");
            ok = 0;
        }
        size_t dlen = 0;
        const char *d = detail_of(s, text, &dlen);
        const char *sk = d ? strstr(d, "skipped: depends on") : NULL;
        int says_skipped = sk && (size_t)(sk - d) < dlen;
        if (fail && says_skipped != in_list(c->skipped, 4, text)) {
            printf("\n  %s: %s: \"skipped: depends on\" %s\n", c->name, text,
                   says_skipped ? "shown for a test that should fail on its own" : "missing");
            ok = 0;
        }
    }
    if (n_tests != l->tests) {
        printf("\n  %s: %d test lines, expected %d\n", c->name, n_tests, l->tests);
        ok = 0;
    }

    for (size_t i = 0; i < 4 && c->hints[i].test; i++) {
        size_t dlen = 0;
        const char *d = detail_of(s, c->hints[i].test, &dlen);
        char block[8192] = "";
        if (d)
            snprintf(block, sizeof block, "%.*s", (int)dlen, d);
        if (!strstr(block, c->hints[i].text)) {
            printf("\n  %s: under \"%s\" no \"%s\"; got:\n%s", c->name, c->hints[i].test,
                   c->hints[i].text, block);
            ok = 0;
        }
    }

    char part[128], score[64];
    snprintf(part, sizeof part, "\nPart %s score: %d/%d\n", l->dir, c->score, l->points);
    snprintf(score, sizeof score, "\nScore: %d/%d", c->score, l->points);
    size_t end = n;
    while (end > 0 && s[end - 1] == '\n')
        end--;
    size_t sl = strlen(score);
    if (!strstr(s, part) || end < sl || strncmp(s + end - sl, score, sl) != 0) {
        printf("\n  %s: expected \"%s\" and \"%s\" last\n", c->name, part + 1, score + 1);
        ok = 0;
    }
    if (!ok)
        printf("\n  --- %s: the report ---\n%.6000s\n", c->name, s);
    CU_ASSERT(ok);
    free(s);
}

static void test_lesson01(void)
{
    for (size_t i = 0; i < TEST_COUNT(cases); i++)
        if (cases[i].lesson == &L01)
            check_case(&cases[i]);
}

static void test_lesson02(void)
{
    for (size_t i = 0; i < TEST_COUNT(cases); i++)
        if (cases[i].lesson == &L02)
            check_case(&cases[i]);
}

static void test_lesson04(void)
{
    for (size_t i = 0; i < TEST_COUNT(cases); i++)
        if (cases[i].lesson == &L04)
            check_case(&cases[i]);
}

static void test_lesson11(void)
{
    for (size_t i = 0; i < TEST_COUNT(cases); i++)
        if (cases[i].lesson == &L11)
            check_case(&cases[i]);
}

static void test_lesson10(void)
{
    for (size_t i = 0; i < TEST_COUNT(cases); i++)
        if (cases[i].lesson == &L10)
            check_case(&cases[i]);
}

/* A leak is looked for under SAN=1 only (LeakSanitizer, after each call
 * returns): there every dft test fails, naming the bytes, the blocks and
 * the line of the malloc; without the sanitizer the submission is right. */
static void test_leak(void)
{
    static const struct wrong_case leak_san = {
        &L02, "dft-leak", {NULL}, {"dft: n = 0", "idft: round trip"},
        {"dft: impulse", "dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random",
         "dft: piano frame"},
        18,
        {{"dft: impulse", "dft_ex returned without freeing 64 bytes it allocated (1 block) "
                          "(dft_ex.c:12)\n"},
         {"dft: impulse", "hint: free() every block malloc() or calloc() gave"},
         {"dft: piano frame", "without freeing 2048 bytes"}}};
    static const struct wrong_case leak_plain = {
        &L02, "dft-leak", {NULL}, {NULL}, {NULL}, 27, {{NULL, NULL}}};
    check_case(SAN_BUILD ? &leak_san : &leak_plain);
}

static const struct test_case tests[] = {
    {"lesson 01: wrong submissions lose exactly their tests", test_lesson01},
    {"lesson 02: wrong submissions lose exactly their tests, with the suite's hints",
     test_lesson02},
    {"lesson 04: wrong submissions lose exactly their tests, with the suite's hints",
     test_lesson04},
    {"lesson 11: wrong submissions lose exactly their tests, with the suite's hints",
     test_lesson11},
    {"lesson 10: wrong submissions lose exactly their tests, with the suite's hints",
     test_lesson10},
    {"a leak: under SAN=1 every call that leaks fails, naming the malloc's line", test_leak},
};

int main(void)
{
    snprintf(tmp, sizeof tmp, "%s", test_tmpdir());
    int rc = test_run("lesson hints", tests, TEST_COUNT(tests));
    test_rmdir(tmp);
    return rc;
}
