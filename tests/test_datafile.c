#include "clitest.h"
#include "testutil.h"

#include <dsplab/datafile.h>
#include <dsplab/status.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[4096];

static const char *tmp_path(const char *name)
{
    static char path[2][4200];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", dir, name);
    return path[which];
}

/* what count_entries (clitest.h) lists; only the count is asserted */
static char listing[4096];

static size_t slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
    return n;
}

/* Bit-for-bit equality, so -0.0 differs from 0.0 and NaN equals itself. */
static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void test_text_round_trip(void)
{
    /* Values that %.6g or %g would damage: 0.1 needs 17 digits, -0.0 keeps
     * its sign, 1e-300 and 5e-324 (denormal) are far from 1. */
    double rows[3][4] = {
        {0.1, -0.0, 1e-300, 1.0 / 3.0},
        {5e-324, -1.7976931348623157e308, 2.0 / 3.0, 123456789.123456789},
        {INFINITY, -INFINITY, 0.0, -2.5},
    };
    const char *path = tmp_path("rt.txt");
    struct dsp_matfile *f = dsp_matfile_create(path, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(dsp_matfile_header(f, "file", "%s", "voice.wav"), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_header(f, "sample_rate", "%g", 44100.0), DSP_OK);
    CU_ASSERT_EQUAL(access(path, F_OK), -1);   /* not there before commit */
    for (int r = 0; r < 3; r++)
        CU_ASSERT_EQUAL(dsp_matfile_write_row(f, rows[r]), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_header(f, "late", "1"), DSP_EINVAL);   /* after a row */
    CU_ASSERT_EQUAL(dsp_matfile_commit(f), DSP_OK);

    char text[2048];
    slurp(path, text, sizeof text);
    CU_ASSERT(strncmp(text, "# file: voice.wav\n# sample_rate: 44100\n# rows: 3", 48) == 0);
    CU_ASSERT(strstr(text, "\n# columns: 4\n0.10000000000000001 -0 1e-300 0.33333333333333331\n") !=
              NULL);

    struct dsp_mat m;
    CU_ASSERT_EQUAL_FATAL(dsp_mat_read(path, &m), DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 3);
    CU_ASSERT_EQUAL(m.cols, 4);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            CU_ASSERT(same_bits(m.data[r * 4 + c], rows[r][c]));
    dsp_mat_free(&m);
    CU_ASSERT_PTR_NULL(m.data);

    char buf[64];
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "sample_rate", buf, sizeof buf), DSP_OK);
    CU_ASSERT_STRING_EQUAL(buf, "44100");
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "rows", buf, sizeof buf), DSP_OK);
    CU_ASSERT_STRING_EQUAL(buf, "3");
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "file", buf, sizeof buf), DSP_OK);
    CU_ASSERT_STRING_EQUAL(buf, "voice.wav");
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "hop", buf, sizeof buf), DSP_EFORMAT);
    CU_ASSERT(strstr(dsp_last_error(), "hop") && strstr(dsp_last_error(), path));
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "file", buf, 4), DSP_EINVAL);   /* too small */
}

static void test_streaming_rows_line(void)
{
    const char *path = tmp_path("stream.txt");
    struct dsp_matfile *f = dsp_matfile_create(path, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int r = 0; r < 1000; r++) {
        double row[2] = {r, r * 0.5};
        CU_ASSERT_EQUAL(dsp_matfile_write_row(f, row), DSP_OK);
    }
    CU_ASSERT_EQUAL(dsp_matfile_commit(f), DSP_OK);
    char buf[64];
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "rows", buf, sizeof buf), DSP_OK);
    CU_ASSERT_STRING_EQUAL(buf, "1000");
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "columns", buf, sizeof buf), DSP_OK);
    CU_ASSERT_STRING_EQUAL(buf, "2");
    struct dsp_mat m;
    CU_ASSERT_EQUAL_FATAL(dsp_mat_read(path, &m), DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 1000);
    CU_ASSERT_EQUAL(m.data[2 * 999 + 1], 499.5);
    dsp_mat_free(&m);
    /* The rows line must parse for other readers too: its first token after
     * "# rows:" is the count. */
    char text[256];
    slurp(path, text, sizeof text);
    unsigned long n = 0;
    CU_ASSERT(sscanf(text, "# rows: %lu", &n) == 1 && n == 1000);
}

static void test_blocks(void)
{
    const char *path = tmp_path("blocks.txt");
    struct dsp_matfile *f = dsp_matfile_create(path, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    double a[3] = {1, 2, 3}, b[3] = {4, 5, 6}, c[3] = {7, 8, 9};
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, a), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, b), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_new_block(f), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, c), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_commit(f), DSP_OK);
    char text[512];
    slurp(path, text, sizeof text);
    CU_ASSERT(strstr(text, "1 2 3\n4 5 6\n\n\n7 8 9\n") != NULL);   /* gnuplot's index break */
    struct dsp_mat m;
    CU_ASSERT_EQUAL_FATAL(dsp_mat_read(path, &m), DSP_OK);
    double want[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    CU_ASSERT_EQUAL(m.rows, 3);   /* blocks come back stacked */
    CU_ASSERT_EQUAL(m.cols, 3);
    test_close("stacked blocks", m.data, want, 9, 0.0, 0.0);
    dsp_mat_free(&m);
    char buf[32];
    dsp_datafile_header_value(path, "rows", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "3");   /* all blocks together */
}

static void test_npy(void)
{
    const char *path = tmp_path("m.npy");
    struct dsp_matfile *f = dsp_matfile_create(path, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(dsp_matfile_header(f, "sample_rate", "%d", 8000), DSP_OK);   /* dropped */
    double rows[2][3] = {{0.1, -0.0, 1e-300}, {1, 2, -3.5}};
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, rows[0]), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, rows[1]), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_new_block(f), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_matfile_commit(f), DSP_OK);

    /* The NPY 1.0 layout, byte for byte: magic, version 1.0, little-endian
     * header length 118 (so data starts at 128, a multiple of 64), the dict,
     * space padding and a final newline; then 6 little-endian doubles. */
    unsigned char bytes[512];
    size_t n = slurp(path, (char *)bytes, sizeof bytes);
    CU_ASSERT_EQUAL(n, 128 + 6 * 8);
    CU_ASSERT(memcmp(bytes, "\x93NUMPY\x01\x00\x76\x00", 10) == 0);
    const char *dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    CU_ASSERT(memcmp(bytes + 10, dict, strlen(dict)) == 0);
    int padded = 1;
    for (size_t i = 10 + strlen(dict); i < 127; i++)
        padded &= bytes[i] == ' ';
    CU_ASSERT(padded);
    CU_ASSERT_EQUAL(bytes[127], '\n');
    /* 0.1 = 0x3FB999999999999A, stored least significant byte first */
    CU_ASSERT(memcmp(bytes + 128, "\x9a\x99\x99\x99\x99\x99\xb9\x3f", 8) == 0);
    CU_ASSERT(memcmp(bytes + 136, "\x00\x00\x00\x00\x00\x00\x00\x80", 8) == 0);   /* -0.0 */

    struct dsp_mat m;
    CU_ASSERT_EQUAL_FATAL(dsp_mat_read(path, &m), DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 2);
    CU_ASSERT_EQUAL(m.cols, 3);
    for (int i = 0; i < 6; i++)
        CU_ASSERT(same_bits(m.data[i], rows[i / 3][i % 3]));
    dsp_mat_free(&m);

    /* Optional cross-check with NumPy itself when it is installed; the test
     * above does not depend on it. */
    if (access("/usr/bin/python3", X_OK) == 0 &&
        test_sh("/usr/bin/python3 -c 'import numpy' 2>/dev/null", NULL, 0, NULL, 0) == 0) {
        char cmd[4600], out[256];
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 -c \"import numpy as np; a = np.load('%s'); "
                 "print(a.shape, a.dtype, repr(a[0,0]), np.signbit(a[0,1]), a[1].tolist())\"",
                 path);
        CU_ASSERT_EQUAL(test_sh(cmd, out, sizeof out, NULL, 0), 0);
        CU_ASSERT_STRING_EQUAL(out, "(2, 3) float64 0.1 True [1.0, 2.0, -3.5]\n");
        /* and a 1-D array written by NumPy reads as one column */
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 -c \"import numpy as np; np.save('%s', np.arange(5.0) / 4)\"",
                 tmp_path("np1d.npy"));
        CU_ASSERT_EQUAL_FATAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
        CU_ASSERT_EQUAL_FATAL(dsp_mat_read(tmp_path("np1d.npy"), &m), DSP_OK);
        double want[5] = {0, 0.25, 0.5, 0.75, 1.0};
        CU_ASSERT(m.rows == 5 && m.cols == 1);
        test_close("numpy 1-D", m.data, want, 5, 0.0, 0.0);
        dsp_mat_free(&m);
    } else {
        printf("(numpy not found: cross-check skipped) ");
    }
}

static void test_npy_bad(void)
{
    /* A hand-made 1-D header claiming 1000 values with only 2 present. */
    unsigned char b[128 + 16];
    memset(b, ' ', sizeof b);
    memcpy(b, "\x93NUMPY\x01\x00\x76\x00", 10);
    const char *dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }";
    memcpy(b + 10, dict, strlen(dict));
    b[127] = '\n';
    const char *path = tmp_path("short.npy");
    FILE *fp = fopen(path, "wb");
    CU_ASSERT_FATAL(fp != NULL);
    fwrite(b, 1, sizeof b, fp);
    fclose(fp);
    struct dsp_mat m;
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);
    CU_ASSERT(strstr(dsp_last_error(), path) && strstr(dsp_last_error(), "truncated"));
    CU_ASSERT_PTR_NULL(m.data);

    memcpy(b + 10, "{'descr': '>f8'", 15);   /* big-endian: refused */
    fp = fopen(path, "wb");
    fwrite(b, 1, sizeof b, fp);
    fclose(fp);
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);
    CU_ASSERT(strstr(dsp_last_error(), "<f8") != NULL);
}

static void test_abort_and_failures(void)
{
    char clean[4300];
    snprintf(clean, sizeof clean, "%s/clean", dir);
    CU_ASSERT_FATAL(mkdir(clean, 0777) == 0);
    char path[4400];
    snprintf(path, sizeof path, "%s/aborted.txt", clean);
    struct dsp_matfile *f = dsp_matfile_create(path, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    double row[2] = {1, 2};
    dsp_matfile_write_row(f, row);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 1);   /* the temporary */
    dsp_matfile_abort(f);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 0);   /* gone, and no final file */
    dsp_matfile_abort(NULL);

    snprintf(path, sizeof path, "%s/aborted.npy", clean);
    f = dsp_matfile_create(path, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    dsp_matfile_write_row(f, row);
    dsp_matfile_abort(f);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 0);

    /* No folder to write into (a path through a missing folder; as root,
     * permission bits would not stop the write). */
    snprintf(path, sizeof path, "%s/missing/out.txt", clean);
    CU_ASSERT_PTR_NULL(dsp_matfile_create(path, 2));
    CU_ASSERT(strstr(dsp_last_error(), path) != NULL);
    CU_ASSERT_PTR_NULL(dsp_matfile_create(tmp_path("zero.txt"), 0));
    CU_ASSERT(strstr(dsp_last_error(), "zero.txt") != NULL);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 0);

    struct dsp_mat m;
    CU_ASSERT_EQUAL(dsp_mat_read(tmp_path("nothing.txt"), &m), DSP_EIO);
    CU_ASSERT(strstr(dsp_last_error(), "nothing.txt") != NULL);
}

static void test_malformed_text(void)
{
    const char *path = tmp_path("ragged.txt");
    write_text(path, "# rows: 3\n1 2 3\n\n4 5 6\n7 8\n");
    struct dsp_mat m;
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);
    char where[4300];
    snprintf(where, sizeof where, "%s:5:", path);   /* line 5 holds "7 8" */
    CU_ASSERT(strstr(dsp_last_error(), where) != NULL);
    CU_ASSERT_PTR_NULL(m.data);

    write_text(path, "1 2\n3 4 5\n");   /* a longer row is as wrong */
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);
    snprintf(where, sizeof where, "%s:2:", path);
    CU_ASSERT(strstr(dsp_last_error(), where) != NULL);

    write_text(path, "1 2\n3 abc\n");
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);
    CU_ASSERT(strstr(dsp_last_error(), where) && strstr(dsp_last_error(), "abc"));

    write_text(path, "1 2x\n");
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_EFORMAT);

    /* Comments and blank lines anywhere are fine; so is an empty matrix. */
    write_text(path, "\n# a comment\n  1   2\n# another\n3\t4\n\n");
    CU_ASSERT_EQUAL_FATAL(dsp_mat_read(path, &m), DSP_OK);
    CU_ASSERT(m.rows == 2 && m.cols == 2 && m.data[3] == 4.0);
    dsp_mat_free(&m);
    write_text(path, "# rows: 0\n# columns: 7\n");
    CU_ASSERT_EQUAL(dsp_mat_read(path, &m), DSP_OK);
    CU_ASSERT(m.rows == 0 && m.cols == 7);
    dsp_mat_free(&m);
}

static void test_stdout(void)
{
    /* "-" writes text to standard output: run in a child through the shell
     * would need a program; instead redirect our own stdout to a file. */
    const char *path = tmp_path("stdout.txt");
    fflush(stdout);
    int saved = dup(1);
    FILE *fp = fopen(path, "w");
    CU_ASSERT_FATAL(fp != NULL && saved >= 0);
    dup2(fileno(fp), 1);
    struct dsp_matfile *f = dsp_matfile_create("-", 2);
    int ok = f != NULL;
    double row[2] = {0.5, -1};
    if (f) {
        dsp_matfile_header(f, "kind", "test");
        dsp_matfile_write_row(f, row);
        ok = dsp_matfile_commit(f) == DSP_OK;
    }
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    fclose(fp);
    CU_ASSERT(ok);
    char text[256];
    slurp(path, text, sizeof text);
    /* No rows line on stdout: the count is unknown until the end. */
    CU_ASSERT_STRING_EQUAL(text, "# kind: test\n# columns: 2\n0.5 -1\n");
}

static void test_mat_alloc(void)
{
    struct dsp_mat m;
    CU_ASSERT_EQUAL(dsp_mat_alloc(&m, 3, 4), DSP_OK);
    CU_ASSERT(m.rows == 3 && m.cols == 4 && m.data[11] == 0.0);
    dsp_mat_free(&m);
    dsp_mat_free(&m);
    CU_ASSERT_EQUAL(dsp_mat_alloc(&m, SIZE_MAX / 2, 4), DSP_ENOMEM);
    CU_ASSERT_PTR_NULL(m.data);
}

/* A FIFO stands in for a device such as /dev/null: an existing target that
 * is not a regular file must be written in place. Renaming a temporary over
 * it would replace it with a plain file — which root may do to /dev/null. */
static void test_special_file_written_in_place(void)
{
    char fifo[4200];
    snprintf(fifo, sizeof fifo, "%s/out.fifo", dir);
    CU_ASSERT_FATAL(mkfifo(fifo, 0600) == 0);
    fflush(stdout);
    pid_t reader = fork();
    if (reader == 0) {
        FILE *in = fopen(fifo, "r");
        size_t bytes = 0;
        int c;
        while (in && (c = fgetc(in)) != EOF)
            bytes++;
        _exit(bytes > 0 ? 0 : 1);
    }
    struct dsp_matfile *f = dsp_matfile_create(fifo, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    double row[2] = {1.5, -2.0};
    CU_ASSERT_EQUAL(dsp_matfile_write_row(f, row), DSP_OK);
    CU_ASSERT_EQUAL(dsp_matfile_commit(f), DSP_OK);
    int status = 1;
    waitpid(reader, &status, 0);
    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);   /* the rows arrived */
    struct stat st;
    CU_ASSERT(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));     /* still a FIFO */
    unlink(fifo);
}

/* A line from dsp_matfile_format_row, written with
 * dsp_matfile_write_text_row, is the bytes dsp_matfile_write_row writes,
 * in float64 and float32, for the widest values %.17g prints; each line
 * fits dsp_matfile_row_text_max. .npy files have no text rows. */
static void test_formatted_rows(void)
{
    double row[6] = {-1.2345678901234567e-308, -4.9406564584124654e-324,
                     -1.7976931348623157e308, -INFINITY, NAN, -0.1};
    char a[8192], b[8192], line[6 * 25 + 2];
    for (int f32 = 0; f32 < 2; f32++) {
        struct dsp_matfile *fa = dsp_matfile_create(tmp_path("a.txt"), 6);
        struct dsp_matfile *fb = dsp_matfile_create(tmp_path("b.txt"), 6);
        CU_ASSERT_FATAL(fa && fb);
        if (f32) {
            dsp_matfile_set_float32(fa);
            dsp_matfile_set_float32(fb);
        }
        CU_ASSERT_EQUAL(dsp_matfile_row_text_max(fb), sizeof line);
        for (int r = 0; r < 3; r++) {
            CU_ASSERT_EQUAL(dsp_matfile_write_row(fa, row), DSP_OK);
            size_t len = dsp_matfile_format_row(fb, row, line, sizeof line);
            CU_ASSERT(len > 0 && len < sizeof line && line[len - 1] == '\n');
            CU_ASSERT_EQUAL(dsp_matfile_write_text_row(fb, line, len), DSP_OK);
        }
        /* a buffer below the maximum is refused, not overrun */
        CU_ASSERT_EQUAL(dsp_matfile_format_row(fb, row, line, sizeof line - 1), 0);
        CU_ASSERT_EQUAL(dsp_matfile_commit(fa), DSP_OK);
        CU_ASSERT_EQUAL(dsp_matfile_commit(fb), DSP_OK);
        size_t na = slurp(tmp_path("a.txt"), a, sizeof a), nb = slurp(tmp_path("b.txt"), b, sizeof b);
        CU_ASSERT(na > 100);
        CU_ASSERT_EQUAL(na, nb);
        CU_ASSERT(memcmp(a, b, na) == 0);
    }
    struct dsp_matfile *fn = dsp_matfile_create(tmp_path("n.npy"), 6);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fn);
    CU_ASSERT_EQUAL(dsp_matfile_row_text_max(fn), 0);
    CU_ASSERT_EQUAL(dsp_matfile_format_row(fn, row, line, sizeof line), 0);
    CU_ASSERT_EQUAL(dsp_matfile_write_text_row(fn, "1 2\n", 4), DSP_EINVAL);
    dsp_matfile_abort(fn);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    static const struct test_case cases[] = {
        {"text round trip is bit-exact (%.17g)", test_text_round_trip},
        {"rows line correct after streaming 1000 rows", test_streaming_rows_line},
        {"blocks are written and read back stacked", test_blocks},
        {".npy bytes, read back (and numpy.load if present)", test_npy},
        {".npy truncated or big-endian is refused", test_npy_bad},
        {"abort and unwritable paths leave no file", test_abort_and_failures},
        {"ragged or non-numeric rows name file:line", test_malformed_text},
        {"\"-\" writes text to stdout", test_stdout},
        {"dsp_mat_alloc and overflow", test_mat_alloc},
        {"a FIFO or device target is written in place, not replaced",
         test_special_file_written_in_place},
        {"formatted rows (for threads) are the bytes write_row writes", test_formatted_rows},
    };
    int s = test_run("datafile", cases, TEST_COUNT(cases));
    test_rmdir(dir);
    return s;
}
