/*
 * test_grader.c — drives the real `make grade` on the fixture lessons under
 * tests/grader/ (see tests/grader/README.md), whose submission misbehaves in
 * every way the grader must survive, and checks each test's status and
 * points, the final Score line, the size of what reaches the terminal, and
 * that results.json and junit.xml parse. The report writers' escaping and the
 * tolerant file comparison are tested directly (report.c is compiled in).
 */
#include "clitest.h"
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../grader/report.c"

#define SAN_BUILD TEST_SAN_BUILD

static char tmp[1024];  /* this program's scratch folder */
static char *out;          /* the fixture run's terminal output */
static size_t out_len;
static int run_status = -1;

/* Runs make grade on the fixtures with extra arguments; output into file. */
static int run_grade(const char *extra, const char *outfile)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 "
             "make --no-print-directory -s BUILD=%s %s grade LESSONS_DIR=tests/grader/lessons "
             "REFERENCE_DIR=tests/grader/reference SUBMISSION=tests/grader/submission "
             "GRADE_REPORT_DIR=%s/out %s >%s 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", tmp, extra, outfile);
    return test_sh(cmd, NULL, 0, NULL, 0);
}

/* The fixture run happens once; every case reads its output. */
static int ensure_run(void)
{
    if (out)
        return 1;
    char path[1200];
    snprintf(path, sizeof path, "%s/grade.txt", tmp);
    run_status = run_grade("V=1", path);
    out = test_slurp(path, &out_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    return out != NULL;
}

/* The status after "name: " on the test's line, without a "(1.2s)" suffix. */
static int line_status(const char *name, char *status, size_t size)
{
    char key[256];
    snprintf(key, sizeof key, "\n%s: ", name);
    const char *p = strstr(out, key);
    if (!p)
        return 0;
    p += strlen(key);
    size_t n = strcspn(p, "\n");
    const char *time = strstr(p, " (");
    /* "(SIG..." belongs to CRASH; a trailing " (1.2s)" is the time. */
    if (time && time < p + n && time[2] >= '0' && time[2] <= '9')
        n = (size_t)(time - p);
    snprintf(status, size, "%.*s", (int)n, p);
    return 1;
}

static void expect_status(const char *name, const char *want)
{
    char got[256] = "";
    int found = line_status(name, got, sizeof got);
    if (!found || strcmp(got, want) != 0)
        printf("\n  %s: got \"%s\", expected \"%s\"\n", name, found ? got : "(no line)", want);
    CU_ASSERT(found && strcmp(got, want) == 0);
}

static void expect_text(const char *text)
{
    int found = strstr(out, text) != NULL;
    if (!found)
        printf("\n  missing from the output: %s\n", text);
    CU_ASSERT(found);
}

/* The fixture's escape_ex left a grandchild in a session of its own,
 * sleeping, named "dsplab-escapee": no process of that name may be left. */
static void expect_grandchild_gone(void)
{
    long found = 0;
    DIR *d = opendir("/proc");
    CU_ASSERT_FATAL(d != NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[300], comm[64] = "";
        snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        if (fgets(comm, sizeof comm, f) && strncmp(comm, "dsplab-escapee", 14) == 0) {
            found = atol(e->d_name);
            kill((pid_t)found, SIGKILL);
        }
        fclose(f);
    }
    closedir(d);
    if (found)
        printf("\n  the fixture's grandchild (pid %ld) is still running\n", found);
    CU_ASSERT_EQUAL(found, 0);
}

static void test_every_misbehaviour_gets_its_status(void)
{
    if (!ensure_run())
        return;
    expect_status("ramp: basic", "OK");
    expect_status("ramp: reference file", "OK");
    expect_status("ramp: missing reference", "FAIL");
    expect_status("ramp: bare CU_ASSERT", "FAIL");
    expect_status("loop: forever", "TIMEOUT");
    expect_status("exit: exit(0)", "FAIL");
    expect_status("fake: prints OK", "FAIL");
    expect_status("flood: 10 MB of output", "OK");
    expect_status("sleep: sleep(1000)", "TIMEOUT");
    expect_status("escape: grandchild in its own session", "FAIL");
    expect_grandchild_gone();
    expect_status("todo: stub", "FAIL");
    expect_status("after: depends on the stub", "FAIL");
    expect_status("scaled: missing 1/N", "FAIL");
    expect_status("shift: off by one", "FAIL");
    expect_status("conj: conjugated", "FAIL");
    expect_status("noisy: float rounding", "FAIL");
    expect_status("noisy: varying dB error", "FAIL");
    expect_status("offset: dB offset", "FAIL");
    expect_status("abort: abort()", "CRASH (SIGABRT: aborted)");
    if (!SAN_BUILD) {
        expect_status("fpe: SIGFPE", "CRASH (SIGFPE: floating-point exception)");
        /* Under ASan these become sanitizer reports or ASan's own failures. */
        expect_status("segv: null pointer", "CRASH (SIGSEGV: segmentation fault)");
        expect_status("stack: overflow", "CRASH (SIGSEGV: segmentation fault)");
        expect_status("alloc: 4 GB", "FAIL");
    } else {
        char s[256];
        CU_ASSERT(line_status("fpe: SIGFPE", s, sizeof s) && strncmp(s, "CRASH", 5) == 0);
        CU_ASSERT(line_status("segv: null pointer", s, sizeof s) && strncmp(s, "CRASH", 5) == 0);
        CU_ASSERT(line_status("stack: overflow", s, sizeof s) && strncmp(s, "CRASH", 5) == 0);
        CU_ASSERT(line_status("alloc: 4 GB", s, sizeof s) && strcmp(s, "OK") != 0);
    }
}

static void test_feedback_explains_each_failure(void)
{
    if (!ensure_run())
        return;
    expect_text("not implemented yet (todo_ex returned DSP_ETODO)");
    expect_text("escape_ex returned -3 (DSP_EIO)");
    expect_text("skipped: depends on \"todo: stub\"");
    expect_text("the program exited (status 0) before the test finished");
    expect_text("over the 1 s CPU-time limit");
    expect_text("still running after 3 s of wall-clock time");
    expect_text("hint: y is 16 x too large: a missing 1/N normalisation?");
    expect_text("hint: got[i] matches expected[i+1]: shifted by one");
    expect_text("hint: got is the complex conjugate of expected");
    expect_text("hint: mX (dB) = expected -30.103 dB everywhere: a constant factor 0.03125");
    expect_text("check failed: y[3] == 4.0");
    expect_text("make references");
    expect_text("fake_ex: its process sent a malformed reply");
    expect_text("broken.c: not graded: it does not compile");
    expect_text("error: expected");
    expect_text("broken.c was not graded: it does not compile");
    /* memory errors in the student's terms, with the student's line (the
     * fence's fault handler, or under SAN=1 AddressSanitizer's report) */
    /* (under SAN=1, UBSan's null check reports the store first) */
    expect_text(SAN_BUILD ? "    undefined behaviour: store to null pointer of type 'volatile int' "
                            "(bad.c:32)\n"
                          : "    segv_ex wrote through a NULL pointer (address 0x0) (bad.c:32)\n");
    expect_text("    stack_ex overflowed the stack (bad.c:");
    expect_text("    hint: a recursion that does not stop, or a very large local array?\n");
}

static void test_points_and_final_score(void)
{
    if (!ensure_run())
        return;
    /* Grading that ran exits 0 whatever the score. */
    CU_ASSERT_EQUAL(run_status, 0);
    /* ramp: basic (2) + reference file (1) + flood (1); broken lesson 0/3.
     * escape_ex cannot fork in the worker (its seccomp filter). */
    expect_text("\nPart 01-bad score: 4/24\n");
    expect_text("\nPart 02-broken score: 0/3\n");
    size_t n = out_len;
    while (n > 0 && out[n - 1] == '\n')
        n--;
    const char *last = out + n;
    while (last > out && last[-1] != '\n')
        last--;
    CU_ASSERT(strncmp(last, "Score: 4/27", (size_t)(out + n - last)) == 0 &&
              out + n - last == 11);
}

static void test_fake_lines_earn_nothing_and_output_stays_small(void)
{
    if (!ensure_run())
        return;
    /* The fake lines appear only as quoted output, never as the grader's. */
    CU_ASSERT_PTR_NULL(strstr(out, "\nScore: 100/100"));
    CU_ASSERT_PTR_NULL(strstr(out, "\nOK\n"));
    expect_text("    | Score: 100/100");
    /* 10 MB printed: the terminal shows a few lines and the byte count. */
    CU_ASSERT(out_len < 16 * 1024);
    CU_ASSERT_PTR_NULL(strstr(out, "xxxxxxxxxx"));
}

static int have_python(void)
{
    return access("/usr/bin/python3", X_OK) == 0;
}

static void test_reports_parse(void)
{
    if (!ensure_run())
        return;
    char cmd[4096], path[1200];
    snprintf(path, sizeof path, "%s/out/results.json", tmp);
    size_t n = 0;
    char *json = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    CU_ASSERT(json[0] == '{' && strstr(json, "\"tests\": [") && strstr(json, "\"score\": 4,"));
    free(json);
    if (!have_python())
        return;
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c 'import json, sys, xml.dom.minidom\n"
             "d = json.load(open(sys.argv[1]))\n"
             "assert d[\"score\"] == 4 and d[\"max_score\"] == 27, d[\"score\"]\n"
             "assert isinstance(d[\"execution_time\"], float)\n"
             "assert len(d[\"tests\"]) == 24, len(d[\"tests\"])\n"
             "for t in d[\"tests\"]:\n"
             "    assert set(t) >= {\"name\", \"score\", \"max_score\", \"status\", \"output\"}\n"
             "    assert t[\"status\"] == (\"passed\" if t[\"score\"] == t[\"max_score\"] > 0 or "
             "t[\"output\"].startswith(\"OK\") else \"failed\")\n"
             "x = xml.dom.minidom.parse(sys.argv[2])\n"
             "assert len(x.getElementsByTagName(\"testcase\")) == 24\n"
             "' %s/out/results.json %s/out/junit.xml",
             tmp, tmp);
    char err[2048] = "";
    int rc = test_sh(cmd, NULL, 0, err, sizeof err);
    if (rc != 0)
        printf("\n%s\n", err);
    CU_ASSERT_EQUAL(rc, 0);
}

static void test_strict_and_only(void)
{
    if (!ensure_run())
        return;
    char path[1200];
    snprintf(path, sizeof path, "%s/only.txt", tmp);
    int rc = run_grade("LESSON=01 ONLY=ramp STRICT=1", path);
    size_t n = 0;
    char *s = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_NOT_EQUAL(rc, 0); /* 3/5 is not full marks */
    /* make grade's default view: one line per exercise, the first failure's
     * message on it, the file's compiler warnings under it. */
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "\nramp: 3/5 FAIL  ramp: missing reference: cannot read "));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n    bad.c: compiler warnings:\n"));
    CU_ASSERT_PTR_NULL(strstr(s, "ramp: basic"));
    CU_ASSERT_PTR_NULL(strstr(s, "loop:"));
    CU_ASSERT_PTR_NULL(strstr(s, "02-broken"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "Score: 3/5"));
    free(s);

    /* An exercise whose every test says "not implemented yet" is one line. */
    snprintf(path, sizeof path, "%s/todo.txt", tmp);
    CU_ASSERT_EQUAL(run_grade("LESSON=01 ONLY=todo,after", path), 0);
    s = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "\ntodo: not started (1 test, 1 point)\n"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(s, "\nafter: 0/1 FAIL  after: depends on the stub: skipped: depends on "));
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "make grade V=1"));
    free(s);
}

static void test_json_and_xml_escape_any_bytes(void)
{
    static const char nasty[] = "quote\" back\\slash \x01\x1b[31m red\x7f tab\t nl\n"
                                "bad \xff\xfe \xc3\x28 \xed\xa0\x80 ok \xc3\xa9 \xf0\x9f\x98\x80";
    struct rep_test t = {NULL, (char *)"x: <&>", 0, 1, (char *)"FAIL", 0.5, (char *)nasty, 0};
    struct rep_lesson l = {(char *)"01-\"odd\"", 1, 0, 1, &t, 1, NULL, 0, 0};
    char json[1200], xml[1200], frag[1200];
    snprintf(json, sizeof json, "%s/esc.json", tmp);
    snprintf(xml, sizeof xml, "%s/esc.xml", tmp);
    snprintf(frag, sizeof frag, "%s/esc.frag", tmp);
    CU_ASSERT_EQUAL(rep_write_json(json, &l, 1, 1.5), 0);
    CU_ASSERT_EQUAL(rep_write_junit(xml, &l, 1), 0);

    /* A fragment round-trips the output byte for byte. */
    CU_ASSERT_EQUAL(rep_write_fragment(frag, &l), 0);
    struct rep_lesson back;
    CU_ASSERT_EQUAL(rep_read_fragment(frag, &back), 0);
    CU_ASSERT_EQUAL(back.n_tests, 1);
    if (back.n_tests == 1)
        CU_ASSERT_STRING_EQUAL(back.tests[0].output, nasty);
    rep_lesson_free(&back);

    if (!have_python())
        return;
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c 'import json, sys, xml.dom.minidom\n"
             "d = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
             "o = d[\"tests\"][0][\"output\"]\n"
             "assert \"quote\\\" back\\\\slash\" in o and \"\\x1b\" in o and \"\\ufffd\" in o, o\n"
             "assert \"\\u00e9\" in o and \"\\U0001f600\" in o\n"
             "assert d[\"tests\"][0][\"name\"] == \"01-\\\"odd\\\": x: <&>\"\n"
             "x = xml.dom.minidom.parse(sys.argv[2])\n"
             "c = x.getElementsByTagName(\"testcase\")[0]\n"
             "assert c.getAttribute(\"name\") == \"x: <&>\"\n"
             "' %s %s",
             json, xml);
    char err[2048] = "";
    int rc = test_sh(cmd, NULL, 0, err, sizeof err);
    if (rc != 0)
        printf("\n%s\n", err);
    CU_ASSERT_EQUAL(rc, 0);
}

/* Hidden tests: a fragment keeps which tests are hidden and how many were
 * not run (the student edition), and results.json gives each test its
 * Gradescope visibility. */
static void test_hidden_tests_in_reports(void)
{
    struct rep_test t[2] = {{NULL, (char *)"a: public", 1, 1, (char *)"OK", 0.1, (char *)"", 0},
                            {NULL, (char *)"a: hidden", 0, 2, (char *)"FAIL", 0.1, (char *)"", 1}};
    struct rep_lesson l = {(char *)"01-x", 1, 1, 3, t, 2, NULL, 3, 7};
    char frag[1200], json[1200];
    snprintf(frag, sizeof frag, "%s/hidden.frag", tmp);
    snprintf(json, sizeof json, "%s/hidden.json", tmp);
    CU_ASSERT_EQUAL_FATAL(rep_write_fragment(frag, &l), 0);
    struct rep_lesson back;
    CU_ASSERT_EQUAL_FATAL(rep_read_fragment(frag, &back), 0);
    CU_ASSERT_EQUAL(back.n_tests, 2);
    CU_ASSERT_EQUAL(back.hidden_skipped, 3);
    CU_ASSERT_EQUAL(back.hidden_points, 7);
    if (back.n_tests == 2) {
        CU_ASSERT_EQUAL(back.tests[0].hidden, 0);
        CU_ASSERT_EQUAL(back.tests[1].hidden, 1);
    }
    rep_set_hidden_visibility("hidden");
    CU_ASSERT_EQUAL(rep_write_json(json, &back, 1, 0), 0);
    rep_set_hidden_visibility("after_published");
    rep_lesson_free(&back);
    size_t text_len = 0;
    char *text = test_slurp(json, &text_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"01-x: a: public\", \"score\": 1, \"max_score\": 1, "
                                        "\"status\": \"passed\", \"visibility\": \"visible\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\"01-x: a: hidden\", \"score\": 0, \"max_score\": 2, "
                                        "\"status\": \"failed\", \"visibility\": \"hidden\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "and 3 hidden tests, 7 points, not run here"));
    free(text);
}

static void test_reference_comparison_tolerance(void)
{
    char a[1200], b[1200], c[1200];
    snprintf(a, sizeof a, "%s/a.txt", tmp);
    snprintf(b, sizeof b, "%s/b.txt", tmp);
    snprintf(c, sizeof c, "%s/c.txt", tmp);
    write_text(a, "# rows: 1\n# columns: 3\n1 2.5 -3e-20\n");
    /* Last-bit differences: within 1e-9 + 1e-9|b|. */
    write_text(b, "# rows: 1\n# columns: 3\n1.0000000000000002 2.4999999999999996 0\n");
    /* One value off by 1e-6, and a header that differs. */
    write_text(c, "# rows: 1\n# columns: 4\n1 2.500001 -3e-20\n");
    CU_ASSERT_EQUAL(rep_compare_files(a, b, 1e-9, 1e-9, 5), 0);
    CU_ASSERT_EQUAL(rep_compare_files(a, c, 1e-9, 1e-9, 5), 2);
    CU_ASSERT_EQUAL(rep_compare_files(a, "/nonexistent/x.txt", 1e-9, 1e-9, 5), -1);
}

/* The student edition (make release) has no solutions: the tests that need
 * them say they are skipped. */
static int student_edition(const char *what)
{
    if (access("STUDENT_EDITION", F_OK) != 0)
        return 0;
    printf("\n  skipped in the student edition (no solutions): %s\n", what);
    return 1;
}

/* make check-references: every lesson's refgen, run on its solution, must
 * reproduce the committed data/reference/ within 1e-9 + 1e-9|b|. */
static void test_committed_references_reproduce(void)
{
    if (student_edition("make check-references"))
        return;
    char cmd[4096], path[1200];
    snprintf(path, sizeof path, "%s/refs.txt", tmp);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s BUILD=%s %s "
             "check-references >%s 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", path);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    if (rc != 0) {
        size_t n = 0;
        char *s = test_slurp(path, &n);
        printf("\n%.4000s\n", s ? s : "(no output)");
        free(s);
    }
    CU_ASSERT_EQUAL(rc, 0);
}

/* A file that is still the lesson's stub is not compiled (the judge's own
 * object of the stub stands in); an edited file is. The obj folder of the
 * submission's build shows which files the gate compiled. */
static void test_unchanged_stub_not_compiled(void)
{
    char cmd[8192], sub[1200], gdir[1200], obj[1400];
    snprintf(sub, sizeof sub, "%s/stubmix", tmp);
    snprintf(gdir, sizeof gdir, "%s/stubmix-build", tmp);
    snprintf(cmd, sizeof cmd,
             "L=02-sinusoids-dft; mkdir -p '%s'/$L && cp lessons/$L/stub/*.c '%s'/$L/ && "
             "cp lessons/$L/solution/dft_ex.c '%s'/$L/ && "
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade LESSON=02 SUBMISSION='%s' GRADE_DIR='%s' "
             "GRADE_REPORT_DIR='%s/out' >/dev/null 2>&1; true",
             sub, sub, sub, test_build_dir(), SAN_BUILD ? "SAN=1" : "", sub, gdir, sub);
    CU_ASSERT_EQUAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
    struct stat st;
    snprintf(obj, sizeof obj, "%s/02-sinusoids-dft/build/obj/dft_ex.c.o", gdir);
    CU_ASSERT_EQUAL(stat(obj, &st), 0);  /* edited: compiled */
    snprintf(obj, sizeof obj, "%s/02-sinusoids-dft/build/obj/idft_ex.c.o", gdir);
    CU_ASSERT_NOT_EQUAL(stat(obj, &st), 0); /* the stub: not compiled */
    snprintf(obj, sizeof obj, "%s/out/points.tsv", sub);
    size_t n = 0;
    char *points = test_slurp(obj, &n);
    /* dft's 10 points, and none of the stubs' */
    CU_ASSERT(points && strstr(points, "02-sinusoids-dft\t10\t31"));
    if (points && !strstr(points, "02-sinusoids-dft\t10\t31"))
        printf("\n  points.tsv: %s\n", points);
    free(points);
}

/* make grade-check: every lesson's solution/ scores full marks and every
 * stub/ compiles (with -Werror), scores 0 and crashes nothing. */
static void test_solutions_full_stubs_zero(void)
{
    char cmd[4096], path[1200];
    snprintf(path, sizeof path, "%s/grade-check.txt", tmp);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade-check GRADE_WERROR=1 >%s 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", path);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    size_t n = 0;
    char *s = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    /* Both runs ended with their Score line (the second one 0/...); the
     * student edition checks the stubs only. */
    const char *stubs = access("STUDENT_EDITION", F_OK) == 0 ? s : strstr(s, "=== stubs");
    int ok = rc == 0 && stubs && strstr(stubs, "\nScore: 0/");
    if (!ok)
        printf("\n  make grade-check exited %d:\n%.6000s\n", rc, s);
    CU_ASSERT(ok);
    free(s);
}

/* tests/grader/lesson02-wrong/: the lesson-02 solution with one classic
 * mistake each (a case holds only the file it changes). The table is tests/grader/lesson02-wrong/EXPECTED.md:
 * exactly these tests fail (a skipped test also shows FAIL, with "skipped:
 * depends on" under it), every other one of the 21 passes, the score, and a
 * hint that must appear under a named test. */
#define L02_TESTS 21
#define L02_POINTS 27
struct wrong_hint {
    const char *test, *text;
};
struct wrong_case {
    const char *name;
    const char *fail[6];    /* a failed check */
    const char *skipped[3]; /* failed because a test it depends on failed */
    int score;
    struct wrong_hint hints[4];
};
static const struct wrong_case wrong_cases[] = {
    {"off-by-one-bin",
     {"dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random", "dft: piano frame"},
     {"idft: round trip"},
     20,
     {{"dft: example {1,2,3,4}", "got[k] matches expected[k+1]: shifted by one bin (off by one?)"}}},
    {"wrong-sign",
     {"dft: example {1,2,3,4}", "dft: random", "dft: piano frame"},
     {"idft: round trip"},
     21,
     {{"dft: example {1,2,3,4}",
       "got is the complex conjugate of expected: the sign of the exponent"}}},
    {"missing-1-over-n",
     {"idft: example", "idft: one bin", "idft: random", "idft: round trip"},
     {NULL},
     22,
     {{"idft: example", "x is 4 x too large: a missing 1/N normalisation?"},
      {"idft: one bin", "x is 8 x too large"},
      {"idft: random", "x is 50 x too large"},
      {"idft: round trip", "x is 100 x too large"}}},
    {"db-of-power",
     {"mag_db: example", "mag_db: odd n", "mag_db: piano frame"},
     {NULL},
     23,
     {{"mag_db: example",
       "mX (dB) is 2x the expected dB values: 20*log10 of a power (|X|^2)?"}}},
    {"swapped-re-im",
     {"dft: impulse", "dft: example {1,2,3,4}", "dft: cosine in bin 3", "dft: random",
      "dft: piano frame"},
     {"dft: n = 0", "idft: round trip"},
     18,
     {{"dft: impulse", "the real and imaginary parts are swapped"}}},
    {"nan-output",
     {"mag_db: example", "mag_db: odd n", "mag_db: zeros use the floor", "mag_db: piano frame"},
     {NULL},
     22,
     {{"mag_db: example", "values are NaN or Inf, the first at index 1"}}},
    {"wrong-length",
     {"mag_db: example", "mag_db: odd n", "mag_db: zeros use the floor", "mag_db: piano frame"},
     {NULL},
     22,
     {{"mag_db: example", "n_bins: length 2, expected 3 (off by one?)"}}},
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

static void check_wrong_case(const struct wrong_case *c)
{
    char cmd[4096], path[1200], outdir[1200];
    snprintf(path, sizeof path, "%s/%s.txt", tmp, c->name);
    snprintf(outdir, sizeof outdir, "%s/out-%s", tmp, c->name);
    const char *sub = test_wrong_submission("lesson02-wrong", c->name, "02-sinusoids-dft", tmp);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sub);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade V=1 LESSON=02 GRADE_HIDDEN=skip SUBMISSION=%s "
             "GRADE_REPORT_DIR=%s >%s 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", sub, outdir, path);
    int rc = test_sh(cmd, NULL, 0, NULL, 0);
    size_t n = 0;
    char *s = test_slurp(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(rc, 0);
    int ok = rc == 0;

    /* Every "name: STATUS" line of the lesson: FAIL exactly where listed. */
    size_t n_fail = 0, n_skip = 0, n_tests = 0;
    for (size_t i = 0; i < 6 && c->fail[i]; i++)
        n_fail++;
    for (size_t i = 0; i < 3 && c->skipped[i]; i++)
        n_skip++;
    for (const char *line = s, *next; *line; line = next) {
        size_t len = strcspn(line, "\n");
        next = line + len + (line[len] == '\n');
        if (len == 0 || line[0] == ' ' || strncmp(line, "== ", 3) == 0 ||
            strncmp(line, "Part ", 5) == 0 || strncmp(line, "Score: ", 7) == 0 ||
            line[0] == '(' || strncmp(line, "Hidden: ", 8) == 0 /* hidden tests, not run */)
            continue;
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)len, line);
        char *colon = NULL;
        for (char *q = strstr(text, ": "); q; q = strstr(q + 1, ": "))
            colon = q;
        if (!colon) {
            printf("\n  %s: unexpected line \"%s\"\n", c->name, text);
            ok = 0;
            continue;
        }
        *colon = '\0';
        const char *status = colon + 2;
        char *time = strstr(colon + 2, " (");
        if (time)
            *time = '\0';
        n_tests++;
        int want_fail = in_list(c->fail, 6, text) || in_list(c->skipped, 3, text);
        if (strcmp(status, want_fail ? "FAIL" : "OK") != 0) {
            printf("\n  %s: %s: got %s, expected %s\n", c->name, text, status,
                   want_fail ? "FAIL" : "OK");
            ok = 0;
        }
        size_t dlen = 0;
        const char *d = detail_of(s, text, &dlen);
        int says_skipped = d && dlen > 0 && strstr(d, "skipped: depends on") &&
                           (size_t)(strstr(d, "skipped: depends on") - d) < dlen;
        if (want_fail && says_skipped != in_list(c->skipped, 3, text)) {
            printf("\n  %s: %s: \"skipped: depends on\" %s\n", c->name, text,
                   says_skipped ? "shown for a test that should fail on its own" : "missing");
            ok = 0;
        }
    }
    if (n_tests != L02_TESTS) {
        printf("\n  %s: %zu test lines, expected %d\n", c->name, n_tests, L02_TESTS);
        ok = 0;
    }

    /* The hints, each under its own test. */
    for (size_t i = 0; i < 4 && c->hints[i].test; i++) {
        size_t dlen = 0;
        const char *d = detail_of(s, c->hints[i].test, &dlen);
        char block[4096] = "";
        if (d)
            snprintf(block, sizeof block, "%.*s", (int)dlen, d);
        const char *want = c->hints[i].text;
        if (!strstr(block, want)) {
            printf("\n  %s: under \"%s\" no \"%s\"; got:\n%s", c->name, c->hints[i].test,
                   want, block);
            ok = 0;
        }
    }

    /* Part line and the final Score line, last. */
    char part[128], score[64];
    snprintf(part, sizeof part, "\nPart 02-sinusoids-dft score: %d/%d\n", c->score, L02_POINTS);
    snprintf(score, sizeof score, "\nScore: %d/%d", c->score, L02_POINTS);
    size_t end = n;
    while (end > 0 && s[end - 1] == '\n')
        end--;
    size_t sl = strlen(score);
    if (!strstr(s, part) || end < sl || strncmp(s + end - sl, score, sl) != 0) {
        printf("\n  %s: expected \"%s\" and \"%s\" last\n", c->name, part + 1, score + 1);
        ok = 0;
    }

    /* results.json: same score, the same failed tests. */
    if (have_python()) {
        char names[1024] = "";
        for (size_t i = 0; i < n_fail; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s|", c->fail[i]);
        for (size_t i = 0; i < n_skip; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s|", c->skipped[i]);
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 -c 'import json, sys\n"
                 "d = json.load(open(sys.argv[1]))\n"
                 "assert d[\"score\"] == %d and d[\"max_score\"] == %d, (d[\"score\"], d[\"max_score\"])\n"
                 "assert len(d[\"tests\"]) == %d, len(d[\"tests\"])\n"
                 "failed = {t[\"name\"].split(\": \", 1)[1] for t in d[\"tests\"] if t[\"status\"] == \"failed\"}\n"
                 "want = set(sys.argv[2].split(\"|\")) - {\"\"}\n"
                 "assert failed == want, (failed ^ want)\n"
                 "assert sum(t[\"score\"] for t in d[\"tests\"]) == d[\"score\"]\n"
                 "' %s/results.json '%s'",
                 c->score, L02_POINTS, L02_TESTS, outdir, names);
        char err[2048] = "";
        int prc = test_sh(cmd, NULL, 0, err, sizeof err);
        if (prc != 0) {
            printf("\n  %s: results.json: %s\n", c->name, err);
            ok = 0;
        }
    }
    if (!ok)
        printf("\n  --- %s: the report ---\n%.4000s\n", c->name, s);
    CU_ASSERT(ok);
    free(s);
}

/* A hint appears only when its transformation explains the whole error. */
static void test_no_hint_for_a_varying_error(void)
{
    if (!ensure_run())
        return;
    static const char *const noisy[] = {"noisy: float rounding", "noisy: varying dB error"};
    for (size_t i = 0; i < TEST_COUNT(noisy); i++) {
        size_t len = 0;
        const char *d = detail_of(out, noisy[i], &len);
        char block[2048] = "";
        if (d)
            snprintf(block, sizeof block, "%.*s", (int)len, d);
        CU_ASSERT_PTR_NOT_NULL(strstr(block, "values differ"));
        if (strstr(block, "hint:"))
            printf("\n  %s: a hint for an error that varies:\n%s", noisy[i], block);
        CU_ASSERT_PTR_NULL(strstr(block, "hint:"));
    }
}

static void test_lesson02_wrong_submissions(void)
{
    if (student_edition("tests/grader/lesson02-wrong/ (solutions with a mistake)"))
        return;
    for (size_t i = 0; i < TEST_COUNT(wrong_cases); i++)
        check_wrong_case(&wrong_cases[i]);
}

/* Without a working bubblewrap: make grade says so in one line and grades
 * with the limits alone; class grading refuses unless UNSAFE=1. */
static void test_without_the_sandbox(void)
{
    char cmd[4096], gout[16384] = "", err[4096] = "";
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 DSPLAB_BWRAP= make "
             "--no-print-directory -s BUILD=%s %s grade LESSONS_DIR=tests/grader/lessons "
             "REFERENCE_DIR=tests/grader/reference SUBMISSION=tests/grader/submission "
             "GRADE_REPORT_DIR=%s/nosandbox ONLY=ramp,fake 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", tmp);
    CU_ASSERT_EQUAL(test_sh(cmd, gout, sizeof gout, err, sizeof err), 0);
    const char *note = strstr(gout, "bubblewrap (bwrap) is not installed");
    CU_ASSERT_PTR_NOT_NULL(note);
    if (note)
        CU_ASSERT_PTR_NULL(strstr(note + 1, "bubblewrap (bwrap) is not installed")); /* once */
    CU_ASSERT_PTR_NOT_NULL(strstr(gout, "\nramp: 3/5 FAIL  ramp: missing reference: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(gout, "\nfake: 0/1 FAIL  fake: prints OK: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(gout, "Score: 3/6"));

    char class_dir[1200], student[1300];
    snprintf(class_dir, sizeof class_dir, "%s/nosandbox-class", tmp);
    snprintf(student, sizeof student, "%s/one", class_dir);
    make_dir(class_dir);
    make_dir(student);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 DSPLAB_BWRAP= make "
             "--no-print-directory -s BUILD=%s %s grade-all LESSONS_DIR=tests/grader/lessons "
             "REFERENCE_DIR=tests/grader/reference SUBMISSIONS=%s GRADE_REPORT_DIR=%s/nsc 2>&1",
             test_build_dir(), SAN_BUILD ? "SAN=1" : "", class_dir, tmp);
    gout[0] = '\0';
    CU_ASSERT_NOT_EQUAL(test_sh(cmd, gout, sizeof gout, err, sizeof err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(gout, "class grading needs the sandbox"));
    char path[1400];
    snprintf(path, sizeof path, "%s/nsc/class/gradebook.csv", tmp);
    CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
    size_t n = strlen(cmd);
    snprintf(cmd + n - 5, sizeof cmd - n + 5, " UNSAFE=1 2>&1");
    CU_ASSERT_EQUAL(test_sh(cmd, gout, sizeof gout, err, sizeof err), 0);
    CU_ASSERT_EQUAL(access(path, F_OK), 0);
}

static const struct test_case cases[] = {
    {"without bubblewrap: one line, limits only; class grading refuses unless UNSAFE=1",
     test_without_the_sandbox},
    {"every misbehaviour gets its status", test_every_misbehaviour_gets_its_status},
    {"feedback explains each failure", test_feedback_explains_each_failure},
    {"points per lesson and the final Score line", test_points_and_final_score},
    {"fake OK lines earn nothing; 10 MB of printing stays off the terminal",
     test_fake_lines_earn_nothing_and_output_stays_small},
    {"results.json and junit.xml parse", test_reports_parse},
    {"STRICT=1 fails a partial score; LESSON and ONLY select", test_strict_and_only},
    {"JSON and XML escape any bytes", test_json_and_xml_escape_any_bytes},
    {"reference files compare within tolerance", test_reference_comparison_tolerance},
    {"hidden tests: fragments keep them, results.json gives visibility", test_hidden_tests_in_reports},
    {"committed references reproduce (make check-references)",
     test_committed_references_reproduce},
    {"every solution scores full marks, every stub 0 (make grade-check)",
     test_solutions_full_stubs_zero},
    {"a file still equal to its stub is not compiled", test_unchanged_stub_not_compiled},
    {"no hint names a transformation that does not explain the error",
     test_no_hint_for_a_varying_error},
    {"lesson 02: each wrong submission loses exactly its tests, with its hint",
     test_lesson02_wrong_submissions},
};

int main(void)
{
    snprintf(tmp, sizeof tmp, "%s", test_tmpdir());
    int rc = test_run("grader", cases, TEST_COUNT(cases));
    free(out);
    test_rmdir(tmp);
    return rc;
}
