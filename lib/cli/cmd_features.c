/* cmd_features.c — `dsplab features FILE...`: spectral descriptors per frame,
 * or a summary per sound (features.h), for one file, a batch (--out-dir), or
 * a whole labelled folder in one table (--table), the class of each sound
 * being the name of its folder. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    OPT_OUTPUT = 'o',
    OPT_N_FFT = CLI_OPT_FIRST_FREE,
    OPT_HOP,
    OPT_ROLLOFF,
    OPT_N_MELS,
    OPT_N_MFCC,
    OPT_SUMMARY,
    OPT_TABLE,
};

static const char help[] =
    "Usage: dsplab features FILE [--summary] [--n-fft N] [--hop H] [--rolloff F]\n"
    "                       [--n-mels M] [--n-mfcc Q] [-o OUT]\n"
    "       dsplab features FILE... | --list LIST  --out-dir DIR [--format npy|txt]\n"
    "                       [--force] [--jobs N] [the options above]\n"
    "       dsplab features FILE|FOLDER... | --list LIST  --table OUT.txt|OUT.npy|OUT.csv\n"
    "                       [the options above]\n"
    "Describes FILE (mono downmix) with the descriptors of\n"
    "lib/include/dsplab/features.h. Frames of N samples centred on k*H (zeros\n"
    "outside the signal), periodic Hann window divided by its sum, |X| over N/2+1\n"
    "bins: one row per frame, 6 columns: centroid (Hz), spread (Hz), flatness,\n"
    "rolloff (Hz), flux, zero-crossing rate. With --summary, one row instead: the\n"
    "means of Q MFCCs and of the 6 descriptors over the frames, then their\n"
    "standard deviations (2 * (Q + 6) values), the vector lesson 10 classifies.\n"
    "With --table, one summary row per input in one file (a FOLDER stands for the\n"
    "sound files under it, in sorted order): the first column is the\n"
    "class, the name of the folder holding the input (data/clips/piano/x.wav ->\n"
    "piano), numbered in sorted order (header class_names); a .csv table has a\n"
    "header row and the file and class names instead. `dsplab plot scatter` draws\n"
    "two columns of a table, one colour per class.\n"
    "\n"
    "      --summary       one summary row per file (see above)\n"
    "      --n-fft N       FFT size, even, N >= 4 (default 512)\n"
    "      --hop H         hop size in samples (default 256)\n"
    "      --rolloff F     rolloff fraction, 0 < F <= 1 (default 0.85)\n"
    "      --n-mels M      mel bands for the MFCCs (default 40)\n"
    "      --n-mfcc Q      MFCCs in the summary, 1 <= Q <= M (default 13)\n"
    "      --table OUT     all inputs' summaries in one table (not with --out-dir)\n"
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n" CLI_BATCH_HELP
    "  -h, --help          show this help\n"
    "\n"
    "Examples: dsplab features data/clips/piano/piano-00.wav -o piano-desc.txt\n"
    "          dsplab features data/clips/*/*.wav --summary --out-dir feats --jobs 2\n"
    "          dsplab features data/clips --table clips.txt\n";

struct features_ctx {
    struct dsp_features_params p;   /* sample_rate filled per input */
    int summary;
    struct dsp_features *ft;        /* for the last sample rate seen */
};

static struct dsp_features *features_for(struct features_ctx *c, double fs, const char *path)
{
    if (c->ft && c->p.sample_rate == fs)
        return c->ft;
    dsp_features_free(c->ft);
    c->p.sample_rate = fs;
    c->ft = dsp_features_new(&c->p);
    if (!c->ft)
        cli_runtime_error(path, "%s", dsp_last_error());
    return c->ft;
}

/* Column names of a summary: mfcc0_mean .. zcr_mean, mfcc0_std .. zcr_std. */
static void summary_names(const struct features_ctx *c, char *buf, size_t size, const char *sep)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int stat = 0; stat < 2; stat++) {
        const char *suffix = stat ? "std" : "mean";
        for (size_t q = 0; q < c->p.n_mfcc + DSP_FEAT_COUNT && k < size; q++) {
            if (q < c->p.n_mfcc)
                k += (size_t)snprintf(buf + k, size - k, "%s%smfcc%zu_%s", k ? sep : "", "",
                                      q, suffix);
            else
                k += (size_t)snprintf(buf + k, size - k, "%s%s_%s", k ? sep : "",
                                      dsp_feature_name((enum dsp_feature)(q - c->p.n_mfcc)),
                                      suffix);
        }
    }
}

static void parameters_header(struct dsp_matfile *f, const struct features_ctx *c)
{
    cli_output_header(f, "n_fft", "%zu", c->p.n_fft);
    cli_output_header(f, "hop", "%zu", c->p.hop);
    cli_output_header(f, "framing", "centered: frame k centred on sample k*hop, zeros outside");
    cli_output_header(f, "window", "hann (periodic), divided by its sum");
    cli_output_header(f, "rolloff", "%.17g", c->p.rolloff);
}

/* The summary of one file into v (dsp_features_summary_len values). */
static double *summarise(struct features_ctx *c, const char *path, size_t *n)
{
    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    if (len == 0) {
        free(x);
        cli_runtime_error(path, "the sound has no samples");
    }
    struct dsp_features *ft = features_for(c, fs, path);
    *n = dsp_features_summary_len(ft);
    double *v = cli_malloc(*n, sizeof *v);
    if (dsp_features_summary(ft, x, len, v, *n) != DSP_OK) {
        free(x);
        free(v);
        cli_runtime_error(path, "%s", dsp_last_error());
    }
    free(x);
    return v;
}

static void one_file(void *ctx, const char *path, const char *out, int in_batch)
{
    struct features_ctx *c = ctx;
    (void)in_batch;
    if (c->summary) {
        size_t n;
        double *v = summarise(c, path, &n);
        char names[4096];
        summary_names(c, names, sizeof names, " ");
        struct dsp_matfile *f = cli_output_open(out, n, path, c->p.sample_rate);
        parameters_header(f, c);
        cli_output_header(f, "n_mels", "%zu", c->p.n_mels);
        cli_output_header(f, "n_mfcc", "%zu", c->p.n_mfcc);
        cli_output_header(f, "mfcc", "power mel (slaney, 0 - sample_rate/2), dB ref 1 amin "
                          "1e-10 top_db 80, orthonormal DCT-II");
        cli_output_header(f, "column_names", "%s", names);
        cli_output_row(f, v);
        free(v);
        cli_output_commit(f);
        return;
    }
    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    if (len == 0) {
        free(x);
        cli_runtime_error(path, "the sound has no samples");
    }
    struct dsp_features *ft = features_for(c, fs, path);
    size_t frames = dsp_features_num_frames(ft, len);
    double *D = cli_malloc(frames * DSP_FEAT_COUNT, sizeof *D);
    if (dsp_features_frames(ft, x, len, D, frames) != DSP_OK) {
        free(x);
        free(D);
        cli_runtime_error(path, "%s", dsp_last_error());
    }
    free(x);
    struct dsp_matfile *f = cli_output_open(out, DSP_FEAT_COUNT, path, fs);
    parameters_header(f, c);
    cli_output_header(f, "frames", "%zu", frames);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g (centre of frame k)", c->p.hop, fs);
    cli_output_header(f, "column_names", "centroid spread flatness rolloff flux zcr");
    cli_output_header(f, "units", "Hz Hz ratio Hz magnitude crossings/pair");
    for (size_t k = 0; k < frames; k++)
        cli_output_row(f, D + k * DSP_FEAT_COUNT);
    free(D);
    cli_output_commit(f);
}

/* ---- --table ------------------------------------------------------------ */

/* The name of the folder holding path ("data/clips/piano/a.wav" -> "piano";
 * "a.wav" -> the current folder's name). */
static char *class_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return strdup(".");
        const char *b = strrchr(cwd, '/');
        return strdup(b && b[1] ? b + 1 : cwd);
    }
    const char *end = slash;
    while (end > path && end[-1] == '/')
        end--;
    const char *start = end;
    while (start > path && start[-1] != '/')
        start--;
    if (start == end)
        return strdup("/");
    return strndup(start, (size_t)(end - start));
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A growing list of owned paths. */
struct paths {
    char **v;
    size_t n, cap;
};

static void paths_add(struct paths *p, char *path)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v)
            cli_runtime_error(NULL, "out of memory");
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = path;
}

static int is_sound_name(const char *name)
{
    static const char *const ext[] = {".wav", ".flac", ".ogg", ".aif", ".aiff"};
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t e = strlen(ext[i]);
        if (len > e && strcasecmp(name + len - e, ext[i]) == 0)
            return 1;
    }
    return 0;
}

/* The sound files under folder dir (.wav .flac .ogg .aif .aiff, at any
 * depth, hidden entries skipped), in sorted order, so that a folder per
 * class can be given as it is. */
static void add_folder(struct paths *p, const char *dir, int depth)
{
    if (depth > 16)
        cli_runtime_error(dir, "folders nested more than 16 deep");
    DIR *d = opendir(dir);
    if (!d)
        cli_runtime_error(dir, "%s", strerror(errno));
    struct paths names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') {
            char *name = strdup(e->d_name);
            if (!name)
                cli_runtime_error(NULL, "out of memory");
            paths_add(&names, name);
        }
    closedir(d);
    if (names.n > 1)   /* qsort wants a non-NULL base even for 0 items */
        qsort(names.v, names.n, sizeof *names.v, compare_strings);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    for (size_t i = 0; i < names.n; i++) {
        size_t len = dl + 1 + strlen(names.v[i]) + 1;
        char *path = cli_malloc(len, 1);
        snprintf(path, len, "%.*s/%s", (int)dl, dir, names.v[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            add_folder(p, path, depth + 1);
            free(path);
        } else if (is_sound_name(names.v[i])) {
            paths_add(p, path);
        } else {
            free(path);
        }
        free(names.v[i]);
    }
    free(names.v);
}

/* The inputs: the operands (a folder stands for the sounds under it), or
 * the lines of --list (blank lines and '#' comments skipped). */
static void table_inputs(int argc, char **argv, const char *list, struct paths *in)
{
    if (!list) {
        for (int i = optind; i < argc; i++) {
            struct stat st;
            if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                size_t before = in->n;
                add_folder(in, argv[i], 0);
                if (in->n == before)
                    cli_runtime_error(argv[i], "no sound files (.wav .flac .ogg .aif .aiff) "
                                      "in this folder");
            } else {
                char *copy = strdup(argv[i]);
                if (!copy)
                    cli_runtime_error(NULL, "out of memory");
                paths_add(in, copy);
            }
        }
        return;
    }
    if (argc > optind)
        cli_usage_error("give the inputs as FILE operands or with --list, not both");
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f)
        cli_runtime_error(list, "%s", strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t l = (size_t)got;
        while (l > 0 && strchr("\r\n \t", line[l - 1]))
            line[--l] = '\0';
        if (l == 0 || line[0] == '#')
            continue;
        char *copy = strdup(line);
        if (!copy)
            cli_runtime_error(NULL, "out of memory");
        paths_add(in, copy);
    }
    int bad = ferror(f);
    free(line);
    if (f != stdin)
        fclose(f);
    if (bad)
        cli_runtime_error(list, "read error");
}

/* A CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static char csv_tmp[PATH_MAX + 16];

static void remove_csv_tmp(void)
{
    if (csv_tmp[0])
        unlink(csv_tmp);
}

static int table_main(struct features_ctx *c, int argc, char **argv, const char *table,
                      const char *list)
{
    struct paths in = {0};
    table_inputs(argc, argv, list, &in);
    char **inputs = in.v;
    size_t n = in.n;
    if (n == 0)
        cli_usage_error("missing FILE argument (the sounds to tabulate)");
    char **cls = cli_malloc(n, sizeof *cls), **names = cli_malloc(n, sizeof *names);
    size_t n_names = 0;
    for (size_t i = 0; i < n; i++) {
        cls[i] = class_of(inputs[i]);
        if (!cls[i])
            cli_runtime_error(NULL, "out of memory");
        names[n_names++] = cls[i];
    }
    qsort(names, n_names, sizeof *names, compare_strings);
    size_t u = 0;
    for (size_t i = 0; i < n_names; i++)
        if (u == 0 || strcmp(names[u - 1], names[i]) != 0)
            names[u++] = names[i];
    n_names = u;
    /* every summary first: a failing input leaves no table behind */
    double **rows = cli_malloc(n, sizeof *rows);
    size_t dim = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d;
        rows[i] = summarise(c, inputs[i], &d);
        if (i > 0 && d != dim)
            cli_runtime_error(inputs[i], "its summary has %zu values, the others %zu", d, dim);
        dim = d;
    }
    char colnames[4096], class_list[4096];
    size_t k = 0;
    class_list[0] = '\0';
    for (size_t i = 0; i < n_names && k < sizeof class_list; i++)
        k += (size_t)snprintf(class_list + k, sizeof class_list - k, "%s%s", i ? " " : "",
                              names[i]);
    size_t len = strlen(table);
    if (len >= 4 && strcmp(table + len - 4, ".csv") == 0) {
        summary_names(c, colnames, sizeof colnames, ",");
        snprintf(csv_tmp, sizeof csv_tmp, "%s.tmpXXXXXX", table);
        int fd = mkstemp(csv_tmp);
        if (fd < 0) {
            int e = errno;
            csv_tmp[0] = '\0';
            cli_runtime_error(table, "%s", strerror(e));
        }
        atexit(remove_csv_tmp);
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
        FILE *f = fdopen(fd, "w");
        if (!f)
            cli_runtime_error(table, "%s", strerror(errno));
        fprintf(f, "file,class,%s\n", colnames);
        for (size_t i = 0; i < n; i++) {
            csv_field(f, inputs[i]);
            fputc(',', f);
            csv_field(f, cls[i]);
            for (size_t j = 0; j < dim; j++)
                fprintf(f, ",%.17g", rows[i][j]);
            fputc('\n', f);
        }
        if (fflush(f) != 0 || ferror(f) | (fclose(f) != 0))
            cli_runtime_error(table, "write error (disk full?)");
        struct stat st;
        if (stat(table, &st) == 0 && !S_ISREG(st.st_mode))
            cli_runtime_error(table, "exists and is not a regular file");
        if (rename(csv_tmp, table) != 0)
            cli_runtime_error(table, "%s", strerror(errno));
        csv_tmp[0] = '\0';
    } else {
        summary_names(c, colnames, sizeof colnames, " ");
        struct dsp_matfile *f = cli_output_open(table, dim + 1, NULL, 0);
        parameters_header(f, c);
        cli_output_header(f, "n_mels", "%zu", c->p.n_mels);
        cli_output_header(f, "n_mfcc", "%zu", c->p.n_mfcc);
        cli_output_header(f, "inputs", "%zu sounds, one row each, in the order given", n);
        cli_output_header(f, "class_names", "%s", class_list);
        cli_output_header(f, "column_names", "class %s", colnames);
        double *row = cli_malloc(dim + 1, sizeof *row);
        for (size_t i = 0; i < n; i++) {
            size_t id = 0;
            while (strcmp(names[id], cls[i]) != 0)
                id++;
            row[0] = (double)id;
            memcpy(row + 1, rows[i], dim * sizeof *row);
            cli_output_row(f, row);
        }
        free(row);
        cli_output_commit(f);
    }
    fprintf(stderr, "features: %zu sounds in %zu classes (%s) -> %s\n", n, n_names, class_list,
            table);
    for (size_t i = 0; i < n; i++) {
        free(rows[i]);
        free(cls[i]);
        free(inputs[i]);
    }
    free(rows);
    free(cls);
    free(names);
    free(inputs);
    return 0;
}

CLI_COMMAND(features)
{
    static const struct option opts[] = {
        {"n-fft", required_argument, NULL, OPT_N_FFT},
        {"hop", required_argument, NULL, OPT_HOP},
        {"rolloff", required_argument, NULL, OPT_ROLLOFF},
        {"n-mels", required_argument, NULL, OPT_N_MELS},
        {"n-mfcc", required_argument, NULL, OPT_N_MFCC},
        {"summary", no_argument, NULL, OPT_SUMMARY},
        {"table", required_argument, NULL, OPT_TABLE},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_BATCH_OPTIONS,
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    struct features_ctx c = {.p = dsp_features_defaults(0)};
    struct cli_batch b;
    cli_batch_init(&b, argc, argv);
    const char *out = NULL, *table = NULL, *list = NULL;
    int other_batch = 0, ch;
    while ((ch = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (ch) {
        case OPT_N_FFT:
            c.p.n_fft = cli_parse_size_max(cli_optname(), optarg, 4, CLI_MAX_SIZE);
            if (c.p.n_fft % 2)
                cli_usage_error("%s must be even (got %zu)", cli_optname(), c.p.n_fft);
            break;
        case OPT_HOP:
            c.p.hop = cli_parse_size_max(cli_optname(), optarg, 1, CLI_MAX_SIZE);
            break;
        case OPT_ROLLOFF:
            c.p.rolloff = cli_parse_double(cli_optname(), optarg);
            if (!(c.p.rolloff > 0 && c.p.rolloff <= 1))
                cli_usage_error("%s must be in (0, 1] (got %s)", cli_optname(), optarg);
            break;
        case OPT_N_MELS:
            c.p.n_mels = cli_parse_size_max(cli_optname(), optarg, 1, CLI_MAX_COUNT);
            break;
        case OPT_N_MFCC:
            c.p.n_mfcc = cli_parse_size_max(cli_optname(), optarg, 1, CLI_MAX_COUNT);
            break;
        case OPT_SUMMARY:
            c.summary = 1;
            break;
        case OPT_TABLE:
            table = optarg;
            break;
        case OPT_OUTPUT:
            out = optarg;
            break;
        default:
            if (ch == CLI_OPT_LIST)
                list = optarg;
            else if (ch != CLI_OPT_OUT_DIR)
                other_batch = 1;
            if (!cli_batch_option(&b, ch, optarg))
                cli_usage_error("unexpected option %s", cli_optname());
        }
    }
    if (c.p.n_mfcc > c.p.n_mels)
        cli_usage_error("--n-mfcc (%zu) must be at most --n-mels (%zu)", c.p.n_mfcc, c.p.n_mels);
    if (table) {
        if (out || b.out_dir || other_batch)
            cli_usage_error("--table writes one file: not with -o, --out-dir, --format, "
                            "--force or --jobs");
        c.summary = 1;
        free(b.typed);   /* the batch machinery is not used: what init holds */
        free(b.batch_args);
        int status = table_main(&c, argc, argv, table, list);
        dsp_features_free(c.ft);
        return status;
    }
    cli_batch_finish(&b, argc, argv, out);
    int status = cli_batch_run(&b, one_file, &c);
    dsp_features_free(c.ft);
    return status;
}
