/* cli.c — option parsing, errors, input, output and progress for every
 * dsplab command (see cli.h). */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *cli_command = NULL;

/* The output a failing command must remove, and a progress line to clear. */
static struct dsp_matfile *open_output;
static struct cli_progress *active_progress;

/* One output of the running command: written to `staged` (beside `path`,
 * "<path>.tmpXXXXXX", plus ".npy" when path ends so, since the writer picks
 * the format by the name), renamed over path by cli_commit_outputs(). A path
 * written in place (standard output, an existing device or FIFO) has
 * staged == NULL. */
struct staged_output {
    char *path, *staged, *backup;
};
enum { MAX_STAGED = 16 };
static struct staged_output staged_outputs[MAX_STAGED];
static size_t n_staged;
static char *made_dir;   /* the --out-dir this command created, removed if left empty */
static int defer_commit;   /* cli_defer_commit(): cli_output_commit leaves the renaming */

static void discard_staged(void);

static void cleanup_before_exit(void)
{
    if (active_progress)
        cli_progress_end(active_progress);
    dsp_matfile_abort(open_output);   /* NULL is a no-op */
    open_output = NULL;
    discard_staged();
    fflush(stdout);
}

void cli_usage_error(const char *fmt, ...)
{
    cleanup_before_exit();
    va_list ap;
    va_start(ap, fmt);
    fputs("dsplab: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (cli_command)
        fprintf(stderr, "\nTry 'dsplab %s --help'.\n", cli_command);
    else
        fputs("\nTry 'dsplab --help'.\n", stderr);
    exit(2);
}

void cli_runtime_error(const char *file, const char *fmt, ...)
{
    cleanup_before_exit();
    char reason[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    /* Library messages usually start with the file already; the writer
     * calls standard output "-". */
    const char *r = reason;
    if (file && strcmp(file, "standard output") == 0 && strncmp(r, "-: ", 3) == 0)
        r += 3;
    size_t len = file ? strlen(file) : 0;
    if (file && !(strncmp(r, file, len) == 0 && r[len] == ':'))
        fprintf(stderr, "dsplab: %s: %s\n", file, r);
    else
        fprintf(stderr, "dsplab: %s\n", r);
    exit(1);
}

/* ---- options ---------------------------------------------------------- */

static char optname_buf[64];

const char *cli_optname(void)
{
    return optname_buf;
}

/* The option word argv[i] without any "=value" part, for messages. */
static const char *option_word(const char *arg)
{
    snprintf(optname_buf, sizeof optname_buf, "%.*s", (int)strcspn(arg, "="), arg);
    return optname_buf;
}

int cli_getopt(int argc, char **argv, const struct option *longopts, const char *help)
{
    static char **parsing;         /* the argv being parsed: reset when it changes */
    static char shortopts[64];
    if (parsing != argv) {
        parsing = argv;
        optind = 0;                /* glibc: 0 re-initialises getopt completely */
        opterr = 0;                /* errors are reported here, in our words */
        size_t k = 0;
        shortopts[k++] = ':';      /* ':' on a missing argument, '?' otherwise */
        for (const struct option *o = longopts; o->name && k + 3 < sizeof shortopts; o++) {
            if (o->val <= 0 || o->val > 127 || !isprint(o->val) || o->flag)
                continue;
            shortopts[k++] = (char)o->val;
            if (o->has_arg == required_argument)
                shortopts[k++] = ':';
            else if (o->has_arg == optional_argument) {
                shortopts[k++] = ':';
                shortopts[k++] = ':';
            }
        }
        shortopts[k] = '\0';
    }

    int index = -1;
    int c = getopt_long(argc, argv, shortopts, longopts, &index);
    if (c == -1)
        return -1;
    if (c == '?') {
        const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
        if (optopt == 0)
            cli_usage_error("unrecognized option '%s'", option_word(word));
        if (strncmp(word, "--", 2) == 0)
            cli_usage_error("option '%s' doesn't allow an argument", option_word(word));
        if (isdigit(optopt))
            cli_usage_error("invalid option '%s' (negative numbers are not allowed here)",
                            option_word(word));
        cli_usage_error("invalid option '-%c'", isprint(optopt) ? optopt : '?');
    }
    if (c == ':') {
        const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
        cli_usage_error("option '%s' requires an argument", option_word(word));
    }
    if (index >= 0)
        snprintf(optname_buf, sizeof optname_buf, "--%s", longopts[index].name);
    else
        snprintf(optname_buf, sizeof optname_buf, "-%c", c);
    if (c == 'h') {
        fputs(help, stdout);
        if (fflush(stdout) != 0 || ferror(stdout))
            cli_runtime_error("standard output", "write error");
        exit(0);
    }
    return c;
}

char **cli_operands(int argc, char **argv, int count, const char *const *what)
{
    int have = argc - optind;
    if (have < count)
        cli_usage_error("missing %s argument", what[have]);
    if (have > count)
        cli_usage_error("unexpected argument '%s'", argv[optind + count]);
    return argv + optind;
}

size_t cli_parse_size(const char *name, const char *text, size_t min)
{
    /* strtoull alone accepts " 12", "+12" and "-12" (wrapping it round). */
    if (!isdigit((unsigned char)text[0])) {
        if (text[0] == '-' && isdigit((unsigned char)text[1]))
            cli_usage_error("%s must be at least %zu (got %s)", name, min, text);
        cli_usage_error("%s: '%s' is not a whole number", name, text);
    }
    errno = 0;
    char *end;
    unsigned long long v = strtoull(text, &end, 10);
    if (*end != '\0')
        cli_usage_error("%s: '%s' is not a whole number", name, text);
    if (errno == ERANGE || v > SIZE_MAX)
        cli_usage_error("%s: '%s' is too large", name, text);
    if (v < min)
        cli_usage_error("%s must be at least %zu (got %llu)", name, min, v);
    return (size_t)v;
}

size_t cli_parse_size_max(const char *name, const char *text, size_t min, size_t max)
{
    /* A number beyond size_t is "too large" too: say the limit instead. */
    if (isdigit((unsigned char)text[0]) && strspn(text, "0123456789") == strlen(text)) {
        errno = 0;
        unsigned long long v = strtoull(text, NULL, 10);
        if (errno == ERANGE || v > max)
            cli_usage_error("%s: '%s' is too large (at most %zu)", name, text, max);
    }
    return cli_parse_size(name, text, min);
}

void cli_check_sizes(const char *path, size_t len, size_t m, const char *m_name, size_t n,
                     const char *n_name, void *to_free)
{
    const char *name = NULL;
    size_t v = 0;
    if (m > CLI_FREE_SIZE && m > len)
        name = m_name, v = m;
    else if (n_name && n > CLI_FREE_SIZE && n > len)
        name = n_name, v = n;
    if (!name)
        return;
    free(to_free);
    cli_usage_error("%s (%zu) is longer than %s (%zu samples); sizes above %zu may not exceed "
                    "the input's length",
                    name, v, path, len, CLI_FREE_SIZE);
}

double cli_max_memory;

static double default_budget(void)
{
    double budget = 4.0 * 1024 * 1024 * 1024;
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0 && (double)pages * (double)page < budget)
        budget = (double)pages * (double)page;
    return budget;
}

/* "512M", "4G", "1000000": bytes, with a K/M/G/T suffix (optionally
 * followed by "B" or "iB") in powers of 1024. */
static double parse_memory(const char *text)
{
    errno = 0;
    char *end;
    double v = isdigit((unsigned char)text[0]) ? strtod(text, &end) : -1;
    if (v < 0 || errno == ERANGE)
        cli_usage_error("--max-memory: '%s' is not a size (e.g. 512M, 4G)", text);
    double unit = 1;
    const char *units = "KMGT";
    const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (*end && u) {
        for (const char *k = units; k <= u; k++)
            unit *= 1024;
        end++;
        if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
            end += strlen(end);
    } else if (strcmp(end, "B") == 0) {
        end++;
    }
    if (*end || !(v * unit >= 1))
        cli_usage_error("--max-memory: '%s' is not a size of at least 1 byte (e.g. 512M, 4G)",
                        text);
    return v * unit;
}

int cli_global_options(int argc, char **argv)
{
    cli_max_memory = default_budget();
    int k = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (i < argc)
                argv[k++] = argv[i++];
            break;
        }
        if (strcmp(a, "--max-memory") == 0) {
            if (i + 1 >= argc)
                cli_usage_error("option '--max-memory' requires an argument");
            cli_max_memory = parse_memory(argv[++i]);
        } else if (strncmp(a, "--max-memory=", 13) == 0) {
            cli_max_memory = parse_memory(a + 13);
        } else {
            argv[k++] = argv[i];
        }
    }
    argv[k] = NULL;
    return k;
}

/* 217.3 GiB, 12.0 MiB, 512 bytes: the units --max-memory takes. */
static void format_bytes(double b, char *buf, size_t size)
{
    const char *unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (b >= 1024 && u < 6) {
        b /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(buf, size, "%.0f bytes", b);
    else
        snprintf(buf, size, "%.1f %s", b, unit[u]);
}

void cli_check_memory(const char *file, double bytes, const char *what_fmt, ...)
{
    if (cli_max_memory <= 0)
        cli_max_memory = default_budget();
    if (!(bytes > cli_max_memory))
        return;
    char what[512];
    va_list ap;
    va_start(ap, what_fmt);
    vsnprintf(what, sizeof what, what_fmt, ap);
    va_end(ap);
    char need[32], have[32];
    format_bytes(bytes, need, sizeof need);
    format_bytes(cli_max_memory, have, sizeof have);
    cli_runtime_error(file, "%s would need %s of memory, more than the budget of %s "
                      "(--max-memory)", what, need, have);
}

double cli_parse_double(const char *name, const char *text)
{
    if (text[0] == '\0' || isspace((unsigned char)text[0]))
        cli_usage_error("%s: '%s' is not a number", name, text);
    errno = 0;
    char *end;
    double v = strtod(text, &end);
    if (*end != '\0')
        cli_usage_error("%s: '%s' is not a number", name, text);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1.0))
        cli_usage_error("%s: '%s' is not a finite number", name, text);
    return v;
}

/* ---- analysis options ------------------------------------------------- */

int cli_analysis_option(struct cli_analysis *a, int c, const char *arg)
{
    switch (c) {
    case CLI_OPT_WINDOW:
        a->window = arg;
        return 1;
    case CLI_OPT_SIZE:
        a->m = cli_parse_size_max(cli_optname(), arg, 1, CLI_MAX_SIZE);
        return 1;
    case CLI_OPT_FFT:
        a->n_fft = cli_parse_size_max(cli_optname(), arg, 1, CLI_MAX_SIZE);
        return 1;
    case CLI_OPT_HOP:
        a->hop = cli_parse_size_max(cli_optname(), arg, 1, CLI_MAX_SIZE);
        return 1;
    case CLI_OPT_BETA:
        a->beta = cli_parse_double(cli_optname(), arg);
        if (a->beta < 0)
            cli_usage_error("--beta must be at least 0 (got %s)", arg);
        if (a->beta > DSP_KAISER_BETA_MAX)   /* I0(beta) would overflow */
            cli_usage_error("--beta must be at most %g (got %s)", DSP_KAISER_BETA_MAX, arg);
        a->has_beta = 1;
        return 1;
    case CLI_OPT_SIGMA:
        a->sigma = cli_parse_double(cli_optname(), arg);
        if (!(a->sigma > 0))
            cli_usage_error("--sigma must be greater than 0 (got %s)", arg);
        a->has_sigma = 1;
        return 1;
    default:
        return 0;
    }
}

void cli_analysis_finish(struct cli_analysis *a, size_t def_m, size_t def_n, size_t def_hop,
                         enum dsp_window *type)
{
    int n_given = a->n_fft != 0;
    if (!a->window)
        a->window = "hann";
    if (!a->m)
        a->m = def_m;
    if (!a->n_fft)
        a->n_fft = def_n > a->m ? def_n : a->m;
    if (!a->hop)
        a->hop = def_hop;
    if (a->n_fft < a->m) {
        if (n_given)
            cli_usage_error("FFT size --fft (%zu) must be at least the window size (%zu)",
                            a->n_fft, a->m);
        cli_usage_error("FFT size (%zu) must be at least the window size (%zu)", a->n_fft,
                        a->m);
    }
    if (dsp_window_from_name(a->window, type) != DSP_OK)
        cli_usage_error("%s", dsp_last_error());
    if (*type == DSP_WIN_KAISER && !a->has_beta)
        cli_usage_error("the kaiser window needs --beta B (B >= 0, e.g. 8.6)");
    if (*type == DSP_WIN_GAUSSIAN && !a->has_sigma)
        cli_usage_error("the gaussian window needs --sigma S (in samples, S > 0)");
    if (*type != DSP_WIN_KAISER && a->has_beta)
        cli_usage_error("--beta is only for the kaiser window (window is %s)", a->window);
    if (*type != DSP_WIN_GAUSSIAN && a->has_sigma)
        cli_usage_error("--sigma is only for the gaussian window (window is %s)", a->window);
}

double cli_analysis_bytes(const struct cli_analysis *a)
{
    /* window and frame (M each), the real FFT's input, output and FFTW's
     * scratch (about 6 N doubles), a row of N/2+1 */
    return 8.0 * (3.0 * (double)a->m + 6.0 * (double)a->n_fft);
}

double cli_window_param(const struct cli_analysis *a, enum dsp_window type)
{
    if (type == DSP_WIN_KAISER)
        return a->beta;
    if (type == DSP_WIN_GAUSSIAN)
        return a->sigma;
    return 0.0;
}

double *cli_window_new(enum dsp_window type, double param, enum dsp_window_symmetry sym,
                       size_t m)
{
    double *w = cli_malloc(m, sizeof *w);
    if (dsp_window_fill(type, param, sym, w, m) != DSP_OK) {
        free(w);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    return w;
}

struct dsp_stft *cli_stft_new(const struct cli_analysis *a, enum dsp_window type)
{
    cli_check_memory(NULL, cli_analysis_bytes(a), "the analysis (window %zu, FFT %zu)", a->m,
                     a->n_fft);
    double *w = cli_window_new(type, cli_window_param(a, type), DSP_WINDOW_PERIODIC, a->m);
    struct dsp_stft *st = dsp_stft_new(w, a->m, a->n_fft, a->hop);
    free(w);
    if (!st)
        cli_runtime_error(NULL, "%s", dsp_last_error());
    return st;
}

void cli_analysis_header(struct dsp_matfile *f, const struct cli_analysis *a,
                         enum dsp_window type)
{
    double param = cli_window_param(a, type);
    cli_output_header(f, "window", "%s", dsp_window_name(type));
    if (type == DSP_WIN_KAISER)
        cli_output_header(f, "beta", "%.17g", param);
    if (type == DSP_WIN_GAUSSIAN)
        cli_output_header(f, "sigma", "%.17g", param);
    cli_output_header(f, "window_size", "%zu", a->m);
    cli_output_header(f, "fft_size", "%zu", a->n_fft);
}

/* ---- input ------------------------------------------------------------ */

void cli_read_mono(const char *path, double **x, size_t *n, double *sample_rate)
{
    /* The header says how much the samples take: refuse before reading. */
    struct dsp_audio info;
    if (dsp_audio_probe(path, &info) != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    cli_check_memory(path, 8.0 * (double)info.frames * (info.channels + 1.0),
                     "reading %zu frames of %d channels", info.frames, info.channels);
    if (dsp_audio_read_mono(path, x, n, sample_rate) != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
}

void *cli_malloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        cli_runtime_error(NULL, "out of memory (%zu x %zu bytes)", count, size);
    size_t bytes = count * size;
    void *p = malloc(bytes > 0 ? bytes : 1);
    if (!p)
        cli_runtime_error(NULL, "out of memory (%zu bytes)", bytes);
    return p;
}

/* ---- output ----------------------------------------------------------- */

/* The command line as typed: getopt_long permutes argv, so keep a copy of
 * the pointers (the strings themselves stay put). */
enum { MAX_SAVED_ARGS = 64 };
static int saved_argc;
static char *saved_argv[MAX_SAVED_ARGS];

void cli_set_args(int argc, char **argv)
{
    saved_argc = argc < MAX_SAVED_ARGS ? argc : MAX_SAVED_ARGS;
    for (int i = 0; i < saved_argc; i++)
        saved_argv[i] = argv[i];
}

void cli_make_out_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            cli_runtime_error(dir, "not a folder (--out-dir)");
        return;
    }
    if (errno != ENOENT || mkdir(dir, 0777) != 0)
        cli_runtime_error(dir, "cannot create the output folder: %s", strerror(errno));
    free(made_dir);
    made_dir = strdup(dir);   /* NULL on no memory: then the folder just stays */
}

void cli_keep_out_dir(void)
{
    free(made_dir);
    made_dir = NULL;
}

const char *cli_output_name(const char *path)
{
    return !path || strcmp(path, "-") == 0 ? "standard output" : path;
}

/* A header value must stay on one line: control characters become '?'. */
static void one_line(char *s)
{
    for (; *s; s++)
        if (iscntrl((unsigned char)*s))
            *s = '?';
}

static const char *output_path;

/* An option left out of the "# command:" line (cli_header_omit). */
static const char *omitted_option;

void cli_header_omit(const char *long_name)
{
    omitted_option = long_name;
}

/* How many words, from saved_argv[i], the omitted option takes: 2 for
 * "--name VALUE" (or an unambiguous prefix "--na VALUE"), 1 for
 * "--name=VALUE", else 0. */
static int omitted_words(int i)
{
    const char *w = saved_argv[i];
    if (!omitted_option || strncmp(w, "--", 2) != 0)
        return 0;
    size_t n = strcspn(w + 2, "="), full = strlen(omitted_option);
    if (n < 2 || n > full || strncmp(w + 2, omitted_option, n) != 0)
        return 0;
    return w[2 + n] == '=' ? 1 : 2;
}

struct dsp_matfile *cli_output_open(const char *path, size_t cols, const char *file,
                                    double sample_rate)
{
    if (!path)
        path = "-";
    const char *staged = cli_stage_output(path);
    struct dsp_matfile *f = dsp_matfile_create(staged, cols);
    if (!f)
        cli_runtime_error(cli_output_name(path), "%s", cli_unstaged_error(path));
    open_output = f;
    output_path = path;

    /* dsp_matfile_header takes values up to 1023 characters: cut longer ones. */
    char line[1000] = "dsplab";
    size_t len = strlen(line);
    for (int i = 1; i < saved_argc && len + 1 < sizeof line; i++) {
        int skip = omitted_words(i);
        if (skip) {
            i += skip - 1;
            continue;
        }
        int k = snprintf(line + len, sizeof line - len, " %s", saved_argv[i]);
        len = k < 0 || (size_t)k >= sizeof line - len ? sizeof line - 1 : len + (size_t)k;
    }
    one_line(line);
    cli_output_header(f, "command", "%s", line);
    if (file) {
        char name[1000];
        snprintf(name, sizeof name, "%s", file);
        one_line(name);
        cli_output_header(f, "file", "%s", name);
        cli_output_header(f, "sample_rate", "%.17g", sample_rate);
    }
    return f;
}

void cli_output_header(struct dsp_matfile *f, const char *key, const char *fmt, ...)
{
    char value[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    if (dsp_matfile_header(f, key, "%s", value) != DSP_OK)
        cli_runtime_error(cli_output_name(output_path), "%s", cli_unstaged_error(output_path));
}

void cli_output_row(struct dsp_matfile *f, const double *row)
{
    if (dsp_matfile_write_row(f, row) != DSP_OK)
        cli_runtime_error(cli_output_name(output_path), "%s", cli_unstaged_error(output_path));
}

void cli_output_text_row(struct dsp_matfile *f, const char *line, size_t len)
{
    if (dsp_matfile_write_text_row(f, line, len) != DSP_OK)
        cli_runtime_error(cli_output_name(output_path), "%s", cli_unstaged_error(output_path));
}

void cli_output_commit(struct dsp_matfile *f)
{
    if (f == open_output)
        open_output = NULL;   /* commit frees f whatever happens */
    if (dsp_matfile_commit(f) != DSP_OK)
        cli_runtime_error(cli_output_name(output_path), "%s", cli_unstaged_error(output_path));
    if (!defer_commit)
        cli_commit_outputs();
}

void cli_defer_commit(void)
{
    defer_commit = 1;
}

/* ---- all outputs of a command, or none ------------------------------- */


static void discard_staged(void)
{
    for (size_t i = 0; i < n_staged; i++) {
        struct staged_output *o = &staged_outputs[i];
        if (o->staged)
            unlink(o->staged);
        if (o->backup)
            unlink(o->backup);   /* a link to a file that is still in place */
        free(o->path);
        free(o->staged);
        free(o->backup);
    }
    n_staged = 0;
    if (made_dir) {
        rmdir(made_dir);   /* only if empty: a failure leaves no new folder either */
        free(made_dir);
        made_dir = NULL;
    }
}

/* The same file: the same name, or the same inode when both exist. */
static int same_file(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* "dir/name" and "./dir//name" name the same place even when neither exists
 * yet: the same last component in the same folder. */
static int same_place(const char *a, const char *b)
{
    if (same_file(a, b))
        return 1;
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    if (strcmp(sa ? sa + 1 : a, sb ? sb + 1 : b) != 0)
        return 0;
    char da[4096], db[4096];
    snprintf(da, sizeof da, "%.*s", sa ? (int)(sa - a) + 1 : 1, sa ? a : ".");
    snprintf(db, sizeof db, "%.*s", sb ? (int)(sb - b) + 1 : 1, sb ? b : ".");
    return same_file(da, db);
}

void cli_check_outputs(const char *const *inputs, size_t n_in, const char *const *outputs,
                       const char *const *names, size_t n_out)
{
    for (size_t i = 0; i < n_out; i++) {
        const char *o = outputs[i];
        if (!o || strcmp(o, "-") == 0)
            continue;
        for (size_t k = 0; k < n_in; k++)
            if (inputs[k] && same_file(inputs[k], o))
                cli_usage_error("%s '%s' is also the input '%s' (an output never replaces an "
                                "input; write elsewhere)",
                                names[i], o, inputs[k]);
        for (size_t k = 0; k < i; k++)
            if (outputs[k] && strcmp(outputs[k], "-") != 0 && same_place(outputs[k], o))
                cli_usage_error("%s '%s' and %s '%s' name the same file", names[k], outputs[k],
                                names[i], o);
    }
}

static int ends_with_npy(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && strcmp(path + n - 4, ".npy") == 0;
}

const char *cli_stage_output(const char *path)
{
    if (strcmp(path, "-") == 0)
        return path;
    for (size_t i = 0; i < n_staged; i++)
        if (strcmp(staged_outputs[i].path, path) == 0)
            return staged_outputs[i].staged ? staged_outputs[i].staged : path;
    if (n_staged == MAX_STAGED)
        cli_runtime_error(path, "too many outputs for one command (%d)", MAX_STAGED);
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        cli_runtime_error(path, "is a folder, not a file");
    struct staged_output *o = &staged_outputs[n_staged];
    memset(o, 0, sizeof *o);
    o->path = strdup(path);
    if (!o->path)
        cli_runtime_error(NULL, "out of memory");
    n_staged++;
    if (exists && !S_ISREG(st.st_mode))
        return path;   /* a device or a FIFO: written in place (see outfile.h) */
    /* Reserve the name now: an unwritable folder fails before any work. */
    size_t size = strlen(path) + 16;
    o->staged = cli_malloc(size, 1);
    static unsigned counter;
    for (int attempt = 0;; attempt++) {
        unsigned long r = ((unsigned long)getpid() * 2654435761u) ^
                          (unsigned long)time(NULL) ^ (++counter * 40503u);
        snprintf(o->staged, size, "%s.tmp%06lx%s", path, r & 0xffffffu,
                 ends_with_npy(path) ? ".npy" : "");
        int fd = open(o->staged, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0) {
            close(fd);
            break;
        }
        if (errno != EEXIST || attempt == 100) {
            int e = errno;
            free(o->staged);
            o->staged = NULL;
            cli_runtime_error(path, "cannot create the output file: %s", strerror(e));
        }
    }
    return o->staged;
}

const char *cli_unstaged_error(const char *path)
{
    const char *msg = dsp_last_error();
    for (size_t i = 0; path && i < n_staged; i++) {
        const char *t = staged_outputs[i].staged;
        size_t len = t ? strlen(t) : 0;
        if (strcmp(staged_outputs[i].path, path) == 0 && len && strncmp(msg, t, len) == 0 &&
            msg[len] == ':') {
            static char buf[1200];
            snprintf(buf, sizeof buf, "%s%s", path, msg + len);
            return buf;
        }
    }
    return msg;
}

void cli_commit_outputs(void)
{
    /* With several outputs a rename that fails after others succeeded must
     * put the old files back: each existing target is first hard-linked to
     * a backup name, so it never stops existing under its own name. */
    int several = n_staged > 1;
    for (size_t i = 0; several && i < n_staged; i++) {
        struct staged_output *o = &staged_outputs[i];
        struct stat st;
        if (!o->staged || lstat(o->path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        size_t size = strlen(o->path) + 16;
        o->backup = cli_malloc(size, 1);
        snprintf(o->backup, size, "%s.tmpbak%03zu", o->path, i);
        unlink(o->backup);
        if (link(o->path, o->backup) != 0) {
            /* a file system without hard links: no way back for this one,
             * but the renames below still happen only after all is written */
            free(o->backup);
            o->backup = NULL;
        }
    }
    for (size_t i = 0; i < n_staged; i++) {
        struct staged_output *o = &staged_outputs[i];
        if (!o->staged || rename(o->staged, o->path) == 0) {
            free(o->staged);
            o->staged = NULL;
            continue;
        }
        int e = errno;
        for (size_t k = 0; k < i; k++) {   /* undo the renames already done */
            struct staged_output *u = &staged_outputs[k];
            if (u->backup) {
                rename(u->backup, u->path);
                free(u->backup);
                u->backup = NULL;
            } else {
                struct stat st;
                if (lstat(u->path, &st) == 0 && S_ISREG(st.st_mode))
                    unlink(u->path);
            }
        }
        cli_runtime_error(o->path, "cannot rename %s into place: %s", o->staged, strerror(e));
    }
    for (size_t i = 0; i < n_staged; i++) {
        if (staged_outputs[i].backup)
            unlink(staged_outputs[i].backup);
        free(staged_outputs[i].path);
        free(staged_outputs[i].backup);
    }
    n_staged = 0;
    free(made_dir);
    made_dir = NULL;
}

/* ---- progress --------------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void cli_progress_begin(struct cli_progress *p, const char *label)
{
    p->label = label;
    p->start = now_seconds();
    p->shown = -1;
    p->tty = isatty(STDERR_FILENO);
    active_progress = p;
}

void cli_progress_update(struct cli_progress *p, size_t done, size_t total)
{
    if (!p->tty || total == 0)
        return;
    int pct = (int)((double)done * 100.0 / (double)total);
    if (pct == p->shown || now_seconds() - p->start < 1.0)
        return;
    fprintf(stderr, "%s: %d%%\r", p->label, pct);
    fflush(stderr);
    p->shown = pct;
}

void cli_progress_end(struct cli_progress *p)
{
    if (p->shown >= 0)
        fprintf(stderr, "%*s\r", (int)strlen(p->label) + 6, "");
    p->shown = -1;
    if (active_progress == p)
        active_progress = NULL;
}
