#include "clitest.h"

#include <dirent.h>
#include <dsplab/audio.h>
#include <dsplab/status.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct cli_test_config config;

void cli_test_init(const struct cli_test_config *c)
{
    config = *c;
}

/* Runs the tool on an already formatted argument string. */
static int run(const char *args)
{
    if (!config.out || !config.err) {
        fprintf(stderr, "clitest: cli_test_init() was not called before dsplab()\n");
        abort();
    }
    char cmd[8192 + 4200];
    snprintf(cmd, sizeof cmd, "'%s' %s", test_dsplab(), args);
    int rc = test_sh(cmd, config.out, config.out_size, config.err, config.err_size);
    if (rc > 2 || (rc != 0 && config.print_nonzero))
        fprintf(stderr, "\n  dsplab %s\n  exit %d: %s", args, rc, config.err);
    return rc;
}

int dsplab(const char *fmt, ...)
{
    char args[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return run(args);
}

static int skip_dots(const struct dirent *e)
{
    return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

int count_entries(const char *path, char *list, size_t size)
{
    struct dirent **names;
    int n = scandir(path, &names, skip_dots, alphasort);
    if (n < 0)
        fprintf(stderr, "\n  cannot read the folder %s\n", path);
    CU_ASSERT_FATAL(n >= 0);
    list[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(list);
        snprintf(list + len, size - len, "%s%s", i ? " " : "", names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return n;
}

void expect_dir(const char *path, const char *want)
{
    char list[4096];
    count_entries(path, list, sizeof list);
    if (strcmp(list, want) != 0)
        fprintf(stderr, "\n  %s holds \"%s\", expected \"%s\"\n", path, list, want);
    CU_ASSERT_STRING_EQUAL(list, want);
}

void assert_outdir_empty(const char *what)
{
    if (!config.outdir)
        return;
    char list[4096];
    int n = count_entries(config.outdir, list, sizeof list);
    if (n != 0)
        fprintf(stderr, "\n  %s left in %s: %s\n", what, config.outdir, list);
    CU_ASSERT_EQUAL(n, 0);
}

void expect_usage(const char *msg, const char *fmt, ...)
{
    char args[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    int rc = run(args);
    const char *err = config.err;
    int ok = rc == 2 && strncmp(err, "dsplab: ", 8) == 0 && strstr(err, msg) &&
             strstr(err, "Try 'dsplab ") && strstr(err, "--help'.");
    if (!ok)
        fprintf(stderr, "\n  dsplab %s\n  exit %d, stderr: %s  expected exit 2 and \"%s\"\n", args,
                rc, err, msg);
    CU_ASSERT(ok);
    assert_outdir_empty(args);
}

void expect_runtime(const char *file, const char *msg, const char *fmt, ...)
{
    char args[8192], prefix[4300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    int rc = run(args);
    const char *err = config.err;
    snprintf(prefix, sizeof prefix, "dsplab: %s: ", file);
    const char *eol = strchr(err, '\n');
    int ok = rc == 1 && strncmp(err, prefix, strlen(prefix)) == 0 && strstr(err, msg) && eol &&
             eol[1] == '\0';   /* one line only */
    if (!ok)
        fprintf(stderr, "\n  dsplab %s\n  exit %d, stderr: %s  expected exit 1 and \"%s...%s\"\n",
                args, rc, err, prefix, msg);
    CU_ASSERT(ok);
    assert_outdir_empty(args);
}

void expect_command_help(const char *const *names, size_t n)
{
    CU_ASSERT_EQUAL(dsplab("--help"), 0);
    char *help = malloc(config.out_size);
    CU_ASSERT_FATAL(help != NULL);
    memcpy(help, config.out, config.out_size);
    for (size_t i = 0; i < n; i++) {
        char line[64];
        snprintf(line, sizeof line, "\n  %s ", names[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(help, line));
        CU_ASSERT_EQUAL(dsplab("%s --help", names[i]), 0);
        snprintf(line, sizeof line, "Usage: dsplab %s ", names[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(config.out, line));
        CU_ASSERT_STRING_EQUAL(config.err, "");
    }
    free(help);
}

void expect_lines(const char *what, const char *text, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strstr(text, lines[i])) {
            char msg[256];
            fprintf(stderr, "\n  %s \"%s\" missing\n", what, lines[i]);
            snprintf(msg, sizeof msg, "%s line missing: %s", what, lines[i]);
            /* CU_FAIL with a message built here (CUnit copies it) */
            CU_assertImplementation(CU_FALSE, __LINE__, msg, __FILE__, "", CU_FALSE);
        }
}

void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(text, f);
    CU_ASSERT_FATAL(fclose(f) == 0);
}

void write_mono_wav(const char *path, const double *x, size_t n, double sample_rate)
{
    int s = dsp_audio_write_wav(path, x, n, 1, sample_rate, DSP_WAV_FLOAT32);
    if (s != DSP_OK)
        fprintf(stderr, "\n  %s\n", dsp_last_error());
    CU_ASSERT_FATAL(s == DSP_OK);
}

void make_dir(const char *path)
{
    int made = mkdir(path, 0777) == 0;
    if (!made)
        perror(path);
    CU_ASSERT_FATAL(made);
}

void read_mat(const char *path, struct dsp_mat *m)
{
    int s = dsp_mat_read(path, m);
    if (s != DSP_OK)
        fprintf(stderr, "\n  %s\n", dsp_last_error());
    CU_ASSERT_FATAL(s == DSP_OK);
}
