/* cmd_plot.c — `dsplab plot KIND INPUT...`: figures through gnuplot.
 *
 * The tool does the numbers, gnuplot only draws. For each figure the tool
 * reads or computes the data, reduces it to what the output can show (a
 * min/max envelope per pixel column for a waveform; the max over the frames
 * and bins that fall in one pixel for a spectrogram), writes it into a
 * private temporary folder as raw little-endian binary (float64 records or a
 * float32 image array), writes a small file of gnuplot variables, and runs
 *     gnuplot VARS.gp plots/KIND.gp
 * The script (one per figure kind, in plots/) sets the terminal from the
 * variables, loads the shipped palette and plots the binary files.
 *
 * gnuplot is looked up in PATH at run time; without it the command says
 * which Debian package to install and exits 1. The scripts are found in
 * $DSPLAB_PLOTS, else in the source tree the tool was built in (the tool's
 * folder/../../plots, as in build/bin/dsplab), else in ./plots.
 */
#include "cli.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

enum {
    OPT_OUTPUT = 'o',
    OPT_WIDTH = CLI_OPT_FIRST_FREE,
    OPT_HEIGHT,
    OPT_TITLE,
    OPT_FROM,
    OPT_TO,
    OPT_START,
    OPT_LOG,
    OPT_RANGE,
    OPT_FMIN,
    OPT_FMAX,
    OPT_MATRIX,
    OPT_SOUND,
    OPT_SYMMETRIC,
    OPT_LABELS,
    OPT_X,
    OPT_Y,
    OPT_LOGX,
    OPT_LOGY,
};

static const char help[] =
    "Usage: dsplab plot KIND INPUT... [options] [-o OUT.png|OUT.svg]\n"
    "Draws a figure with gnuplot (found in PATH). The tool computes and reduces the\n"
    "data to the output's pixel size; plots/KIND.gp draws it. Without -o: a window\n"
    "when $DISPLAY names a display that answers and gnuplot has a window terminal\n"
    "(close it to end), else INPUT-KIND.png in the current folder.\n"
    "\n"
    "Kinds (SOUND: any file libsndfile reads; DATA: dsplab text output or .npy):\n"
    "  waveform SOUND              min/max envelope per pixel column [--from --to]\n"
    "  dft SOUND|DATA              magnitude (dB) and phase of one frame: a SOUND\n"
    "                              with --start S --size M --fft N --window W, or\n"
    "                              the output of `dsplab dft`\n"
    "  window NAME                 shape and spectrum of a window (--size M), with\n"
    "                              the main-lobe width and highest side lobe\n"
    "                              measured (also printed on stdout)\n"
    "  spectrogram SOUND|DATA      dB heat map: a SOUND (stft options) or the output\n"
    "                              of `dsplab stft`; [--log] [--range DB] [--fmin F]\n"
    "                              [--fmax F] [--from --to]\n"
    "  melspec SOUND|DATA          mel spectrogram (rows frames, columns bands)\n"
    "  mfcc SOUND|DATA             MFCCs (rows frames, columns coefficients)\n"
    "  tracks DATA --sound SOUND   sinusoidal tracks (3 blocks freq/mag/phase, rows\n"
    "                              frames, columns tracks, 0 = silent) over the\n"
    "                              sound's spectrogram\n"
    "  f0 DATA --sound SOUND       an f0 contour (rows: time_s f0_hz; f0 <= 0 is\n"
    "                              unvoiced) over the sound's spectrogram\n"
    "  decomposition SOUND...      1 to 4 sounds (e.g. sines, residual, stochastic)\n"
    "                              as stacked spectrograms [--labels a,b,c]\n"
    "  feedback DATA               a grader comparison (columns: index got expected\n"
    "                              [error]; headers atol, rtol, what): both curves,\n"
    "                              the mismatching region shaded, the error below\n"
    "  scatter DATA                two columns of a `dsplab features --table` text\n"
    "                              table, one colour per class [--x NAME --y NAME]\n"
    "\n"
    "  -o, --output OUT    OUT.png (pngcairo) or OUT.svg\n"
    "      --width W       pixels (default 1000)\n"
    "      --height H      pixels (default 600)\n"
    "      --title T       figure title (default: the input's name)\n"
    "      --from S        start time in seconds (waveform, spectrograms)\n"
    "      --to S          end time in seconds\n"
    "      --start S       first sample of the frame (dft; default 0)\n"
    "      --window NAME, --size M, --fft N, --hop H, --beta B, --sigma S\n"
    "                      analysis of a SOUND (as in dsplab stft / dft)\n"
    "      --symmetric     symmetric window (window; default periodic)\n"
    "      --log           logarithmic frequency axis (spectrograms)\n"
    "      --range DB      dynamic range shown, dB below the maximum (default 80)\n"
    "      --fmin F, --fmax F  frequency range in Hz (spectrograms)\n"
    "      --sound SOUND   the sound under tracks or f0\n"
    "      --labels L      panel labels separated by ',' or ';' (decomposition)\n"
    "      --x NAME, --y NAME  the table columns on each axis (scatter; default\n"
    "                      centroid_mean and flatness_mean)\n"
    "      --logx, --logy  logarithmic axes (scatter)\n"
    "      --matrix OUT    also write the reduced data sent to gnuplot as text\n"
    "                      (the image matrix, rows = pixel rows from the bottom)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab plot spectrogram voice.wav --log --range 70 -o voice.png\n";

/* ---- options ----------------------------------------------------------- */

struct plot_opts {
    const char *kind;
    const char *out;
    size_t width, height;
    const char *title;
    int has_from, has_to;
    double from, to;            /* seconds */
    int has_start;
    size_t start;               /* samples */
    int logf;
    double range_db;
    int has_fmin, has_fmax;
    double fmin, fmax;          /* Hz */
    const char *matrix;
    const char *sound;
    const char *labels;
    int symmetric;
    const char *xcol, *ycol;    /* scatter */
    int logx, logy;
    struct cli_analysis a;
};

/* ---- the temporary folder and the gnuplot run --------------------------- */

static char tmpdir[PATH_MAX];     /* "" when none */
static char tmp_output[PATH_MAX + 32]; /* gnuplot's output before the rename */
static FILE *vars;                /* the variables file being written */

static void remove_tmp(void)
{
    if (vars) {
        fclose(vars);
        vars = NULL;
    }
    if (tmp_output[0]) {
        unlink(tmp_output);
        tmp_output[0] = '\0';
    }
    if (!tmpdir[0])
        return;
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *e;
        char path[PATH_MAX + 300];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(tmpdir);
    tmpdir[0] = '\0';
}

/* A path for a file in the temporary folder (static buffer per slot). */
static const char *tmp_path(const char *name)
{
    static char buf[8][PATH_MAX + 64];
    static int slot;
    slot = (slot + 1) % 8;
    snprintf(buf[slot], sizeof buf[slot], "%s/%s", tmpdir, name);
    return buf[slot];
}

static void make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    if (!base || !base[0])
        base = "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/dsplab-plot-XXXXXX", base);
    if (!mkdtemp(tmpdir)) {
        int e = errno;
        char shown[PATH_MAX];
        snprintf(shown, sizeof shown, "%s", tmpdir);
        tmpdir[0] = '\0';
        cli_runtime_error(shown, "cannot create a temporary folder: %s", strerror(e));
    }
    atexit(remove_tmp);
    vars = fopen(tmp_path("vars.gp"), "w");
    if (!vars)
        cli_runtime_error(tmp_path("vars.gp"), "%s", strerror(errno));
}

/* The gnuplot executable in PATH, or NULL. */
static const char *find_gnuplot(void)
{
    static char path[PATH_MAX];
    const char *p = getenv("PATH");
    if (!p)
        return NULL;
    while (*p) {
        size_t len = strcspn(p, ":");
        if (len > 0 && len + 9 < sizeof path) {
            snprintf(path, sizeof path, "%.*s/gnuplot", (int)len, p);
            if (access(path, X_OK) == 0)
                return path;
        }
        p += len;
        if (*p == ':')
            p++;
    }
    return NULL;
}

/* The folder holding the gnuplot scripts (see the top of this file). */
static const char *find_scripts(const char *kind)
{
    static char dir[PATH_MAX + 32];
    char probe[PATH_MAX + 96];
    const char *env = getenv("DSPLAB_PLOTS");
    if (env && env[0]) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            /* build/bin/dsplab in the source tree, or PREFIX/bin/dsplab
             * with the scripts installed in PREFIX/share/dsplab/plots */
            static const char *const beside[] = {"../../plots", "../share/dsplab/plots"};
            for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
                snprintf(dir, sizeof dir, "%s/%s", exe, beside[i]);
                snprintf(probe, sizeof probe, "%s/%s.gp", dir, kind);
                if (access(probe, R_OK) == 0)
                    return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "plots");
    snprintf(probe, sizeof probe, "%s/%s.gp", dir, kind);
    if (access(probe, R_OK) == 0)
        return dir;
    cli_runtime_error(NULL, "cannot find the gnuplot script %s.gp (set DSPLAB_PLOTS to the "
                            "folder holding plots/*.gp)", kind);
}

/* gnuplot variables. Strings are single-quoted; '' is a quote inside. */
static void var_str(const char *name, const char *value)
{
    fprintf(vars, "%s = '", name);
    for (const char *s = value ? value : ""; *s; s++) {
        if (*s == '\'')
            fputs("''", vars);
        else if (iscntrl((unsigned char)*s))
            fputc('?', vars);
        else
            fputc(*s, vars);
    }
    fputs("'\n", vars);
}

static void var_num(const char *name, double value)
{
    if (isfinite(value))
        fprintf(vars, "%s = %.17g\n", name, value);
    else
        fprintf(vars, "%s = NaN\n", name);
}

static void var_int(const char *name, long long value)
{
    fprintf(vars, "%s = %lld\n", name, value);
}

/* gnuplot's enhanced text treats _ ^ @ & { } as markup; titles are plain. */
static void var_text(const char *name, const char *value)
{
    char buf[1024];
    size_t k = 0;
    for (const char *s = value ? value : ""; *s && k + 3 < sizeof buf; s++) {
        if (strchr("_^@&{}~", *s))
            buf[k++] = '\\';
        buf[k++] = *s;
    }
    buf[k] = '\0';
    var_str(name, buf);
}

/* Binary outputs: raw native doubles / floats, checked. */
static FILE *bin_open(const char *name)
{
    FILE *f = fopen(tmp_path(name), "wb");
    if (!f)
        cli_runtime_error(tmp_path(name), "%s", strerror(errno));
    return f;
}

static void bin_close(FILE *f, const char *name)
{
    if (ferror(f) | (fclose(f) != 0))
        cli_runtime_error(tmp_path(name), "write error (disk full?)");
}

static void put_doubles(FILE *f, const double *v, size_t n)
{
    fwrite(v, sizeof *v, n, f);
}

/* A text file for the --matrix option, atomically through dsp_matfile. */
static struct dsp_matfile *matrix_open(const struct plot_opts *o, size_t cols)
{
    return o->matrix ? cli_output_open(o->matrix, cols, NULL, 0) : NULL;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A data file (dsplab text, .npy) rather than a sound, by its name. */
static int is_data_file(const char *path)
{
    return has_suffix(path, ".txt") || has_suffix(path, ".npy") || has_suffix(path, ".dat") ||
           has_suffix(path, ".csv");
}

/* Whether the X display named by $DISPLAY answers a connection: a
 * window terminal given a display that is gone (a stale DISPLAY over ssh,
 * a CI job) would otherwise leave gnuplot waiting forever for a window
 * that never opens. ":N" and "unix:N" are the socket /tmp/.X11-unix/XN,
 * "host:N" is TCP port 6000+N (1 s to answer); a path-like DISPLAY
 * (XQuartz's launchd socket) is trusted as it is. */
static int display_reachable(const char *display)
{
    if (!display || !display[0])
        return 0;
    if (display[0] == '/')
        return 1;
    const char *colon = strrchr(display, ':');
    if (!colon || !isdigit((unsigned char)colon[1]))
        return 0;
    long n = strtol(colon + 1, NULL, 10);
    size_t hostlen = (size_t)(colon - display);
    char host[256];
    if (hostlen >= sizeof host || n < 0 || n > 60000)
        return 0;
    memcpy(host, display, hostlen);
    host[hostlen] = '\0';
    int ok = 0;
    if (hostlen == 0 || strcmp(host, "unix") == 0) {
        struct sockaddr_un sa;
        memset(&sa, 0, sizeof sa);
        sa.sun_family = AF_UNIX;
        snprintf(sa.sun_path, sizeof sa.sun_path, "/tmp/.X11-unix/X%ld", n);
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd >= 0) {
            ok = connect(fd, (const struct sockaddr *)&sa, sizeof sa) == 0;
            close(fd);
        }
        return ok;
    }
    char port[16];
    snprintf(port, sizeof port, "%ld", 6000 + n);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return 0;
    for (struct addrinfo *ai = res; ai && !ok; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            fcntl(fd, F_SETFL, fl | O_NONBLOCK);
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            ok = 1;
        } else if (errno == EINPROGRESS) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            int err = 0;
            socklen_t len = sizeof err;
            ok = poll(&pfd, 1, 1000) == 1 &&
                 getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
        }
        close(fd);
    }
    freeaddrinfo(res);
    return ok;
}

/* A kind drawn by another script than KIND.gp (feedback on a matrix). */
static const char *script_kind;

/* ": " and the first line of what gnuplot wrote on stderr that says
 * something (its messages name the script line, then the problem), or "". */
static void gnuplot_said(char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(tmp_path("gnuplot.log"), "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        const char *p = line + strspn(line, " \t^");
        /* gnuplot echoes the failing command, then a caret, then the
         * message ("... line 12: undefined variable: x"): keep the
         * message, the line with a colon that is not the echo */
        if (*p && strstr(p, ": ") && strstr(p, "line ")) {
            snprintf(buf, size, ": gnuplot said: %s", p);
            break;
        }
        if (*p && !buf[0])
            snprintf(buf, size, ": gnuplot said: %s", p);
    }
    fclose(f);
}

/* Sets the terminal variables, runs gnuplot on the script, moves the output
 * into place. */
static void run_gnuplot(const struct plot_opts *o, const char *gnuplot, const char *input)
{
    int staged_image = 0;
    const char *no_window_reason = NULL;
    const char *scripts = find_scripts(o->kind);
    char out[PATH_MAX];
    const char *term;
    if (o->out) {
        if (strlen(o->out) >= sizeof out)
            cli_runtime_error(NULL, "the output name is too long (%zu characters)",
                              strlen(o->out));
        snprintf(out, sizeof out, "%s", o->out);
        term = has_suffix(o->out, ".svg") ? "svg" : "png";
    } else {
        /* input-KIND.png in the current folder: the figure without a
         * display, and the fallback when gnuplot has no window terminal
         * (Debian's gnuplot-nox) */
        const char *b = base_name(input);
        const char *dot = strrchr(b, '.');
        int len = dot && dot != b ? (int)(dot - b) : (int)strlen(b);
        snprintf(out, sizeof out, "%.*s-%s.png", len, b, o->kind);
        const char *display = getenv("DISPLAY");
        term = display_reachable(display) ? "window" : "png";
        if (display && display[0] && strcmp(term, "png") == 0)
            no_window_reason = "the display cannot be reached";
    }
    {
        /* The figure is renamed into place, which would replace a device
         * such as /dev/null (as root) with a plain file: refuse instead. */
        struct stat target;
        if (stat(out, &target) == 0 && !S_ISREG(target.st_mode))
            cli_runtime_error(out, "exists and is not a regular file");
        if (strcmp(term, "window") != 0 && strlen(out) + 32 < sizeof tmp_output) {
            /* A file: staged with --matrix's output, both renamed together
             * once gnuplot has drawn (cli_commit_outputs). */
            snprintf(tmp_output, sizeof tmp_output, "%s", cli_stage_output(out));
            staged_image = 1;
        }
    }
    if (!staged_image) {
        snprintf(tmp_output, sizeof tmp_output, "%s.tmpXXXXXX", out);
        int fd = mkstemp(tmp_output);
        if (fd < 0) {
            int e = errno;
            tmp_output[0] = '\0';
            cli_runtime_error(out, "%s", strerror(e));
        }
        /* mkstemp makes the file 0600: give the figure the usual mode */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
        close(fd);
    }
    var_str("term", term);
    var_str("outfile", tmp_output);
    var_int("width", (long long)o->width);
    var_int("height", (long long)o->height);
    var_str("plotdir", scripts);
    if (fflush(vars) != 0 || ferror(vars) || fclose(vars) != 0) {
        vars = NULL;
        cli_runtime_error(tmp_path("vars.gp"), "write error");
    }
    vars = NULL;

    char script[PATH_MAX + 64];
    snprintf(script, sizeof script, "%s/%s.gp", scripts, script_kind ? script_kind : o->kind);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        cli_runtime_error(NULL, "cannot start gnuplot: %s", strerror(errno));
    if (pid == 0) {
        /* gnuplot's own messages go to a file: on failure the first one is
         * put in dsplab's one-line error, on success they are not shown. */
        int log = open(tmp_path("gnuplot.log"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (log >= 0) {
            dup2(log, STDERR_FILENO);
            close(log);
        }
        char *args[] = {(char *)"gnuplot", (char *)tmp_path("vars.gp"), script, NULL};
        execv(gnuplot, args);
        fprintf(stderr, "dsplab: %s: %s\n", gnuplot, strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            cli_runtime_error(NULL, "waiting for gnuplot: %s", strerror(errno));
    }
    char said[512];
    gnuplot_said(said, sizeof said);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            cli_runtime_error(gnuplot, "cannot run gnuplot%s", said);
        cli_runtime_error(input, "gnuplot could not draw the %s figure (%s %d)%s", o->kind,
                          WIFEXITED(status) ? "exit status" : "signal",
                          WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), said);
    }
    struct stat st;
    int wrote = stat(tmp_output, &st) == 0 && st.st_size > 0;
    if (strcmp(term, "window") == 0 && !wrote) {
        cli_commit_outputs();   /* --matrix's file */
        return;   /* shown in a window; remove_tmp() deletes the empty file */
    }
    if (!wrote) {
        /* gnuplot's PNG and SVG writers do not check their writes: a full
         * disk shows only as a short or empty file. Say which. */
        struct statvfs fs;
        char dirname[PATH_MAX];
        const char *slash = strrchr(out, '/');
        snprintf(dirname, sizeof dirname, "%.*s", slash ? (int)(slash - out) + 1 : 1,
                 slash ? out : ".");
        if (statvfs(dirname, &fs) == 0 && fs.f_bavail == 0)
            cli_runtime_error(out, "gnuplot wrote no image: %s", strerror(ENOSPC));
        cli_runtime_error(out, "gnuplot wrote no image%s", said[0] ? said : " (it gave no reason)");
    }
    if (staged_image) {
        tmp_output[0] = '\0';   /* the staging removes it on an error exit */
        cli_commit_outputs();   /* the image and --matrix's file together */
    } else {
        cli_commit_outputs();   /* --matrix's file */
        if (rename(tmp_output, out) != 0)
            cli_runtime_error(out, "%s", strerror(errno));
        tmp_output[0] = '\0';
    }
    if (!o->out) {
        if (strcmp(term, "window") == 0)
            no_window_reason = "this gnuplot has no window terminal";
        if (no_window_reason)
            printf("wrote %s (no window: %s)\n", out, no_window_reason);
        else
            printf("wrote %s\n", out);
    }
}

/* ---- inputs -------------------------------------------------------------- */

struct table {
    struct dsp_mat m;
    double fs, hop, n_fft;      /* from the headers, NaN when absent */
    char units[32];
};

static double header_number(const char *path, const char *key)
{
    char buf[128];
    if (is_data_file(path) && !has_suffix(path, ".npy") &&
        dsp_datafile_header_value(path, key, buf, sizeof buf) == DSP_OK) {
        char *end;
        double v = strtod(buf, &end);
        if (end != buf)
            return v;
    }
    return NAN;
}

/* A scale in a table's header ("# sample_rate: 44100"): NaN when the key is
 * absent; a runtime error naming the file, the key and the text when it is
 * there but not a positive finite number (a damaged header must be blamed,
 * not the --fmin/--fmax the user never gave). */
static double header_scale(const char *path, const char *key)
{
    char buf[128];
    if (!is_data_file(path) || has_suffix(path, ".npy") ||
        dsp_datafile_header_value(path, key, buf, sizeof buf) != DSP_OK)
        return NAN;
    char *end;
    double v = strtod(buf, &end);
    if (end == buf || *end != '\0' || !isfinite(v) || !(v > 0))
        cli_runtime_error(path, "damaged header: '# %s: %s' is not a positive number", key, buf);
    return v;
}

static void read_table(const char *path, struct table *t)
{
    if (dsp_mat_read(path, &t->m) != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    if (t->m.rows == 0 || t->m.cols == 0) {
        dsp_mat_free(&t->m);
        cli_runtime_error(path, "no data rows");
    }
    t->fs = header_scale(path, "sample_rate");
    t->hop = header_scale(path, "hop_size");
    if (!isfinite(t->hop))
        t->hop = header_scale(path, "hop");
    t->n_fft = header_scale(path, "fft_size");
    if (!isfinite(t->n_fft))
        t->n_fft = header_scale(path, "n_fft");
    t->units[0] = '\0';
    if (!has_suffix(path, ".npy")) {
        dsp_datafile_header_value(path, "units", t->units, sizeof t->units);
        /* dsplab melspec says "# db: yes: power_to_db ..." */
        char db[64];
        if (!t->units[0] && dsp_datafile_header_value(path, "db", db, sizeof db) != DSP_EFORMAT)
            snprintf(t->units, sizeof t->units, "%s", strncmp(db, "yes", 3) == 0 ? "db" : "power");
    }
}

/* The [i0, i1) sample range of --from/--to over len samples at fs. */
static void time_range(const struct plot_opts *o, size_t len, double rate, size_t *i0,
                       size_t *i1)
{
    double a = o->has_from ? o->from * rate : 0;
    double b = o->has_to ? o->to * rate : (double)len;
    if (a < 0)
        a = 0;
    if (b > (double)len)
        b = (double)len;
    if (!(b > a))
        cli_usage_error("the time range --from %g --to %g holds no %s (0 to %g s)",
                        o->has_from ? o->from : 0.0, o->has_to ? o->to : (double)len / rate,
                        "data", (double)len / rate);
    *i0 = (size_t)floor(a);
    *i1 = (size_t)ceil(b);
    if (*i1 > len)
        *i1 = len;
    if (*i1 <= *i0)
        *i1 = *i0 + 1;
}

/* ---- waveform ------------------------------------------------------------ */

/* Writes records (t, lo, hi) for samples x[i0..i1): one per pixel column
 * (min and max of the samples in it) when there are more samples than
 * columns, else one per sample. Returns the number of records. */
static size_t write_envelope(FILE *f, struct dsp_matfile *mf, const double *x, size_t i0,
                             size_t i1, double fs, size_t columns, double *peak)
{
    size_t n = i1 - i0;
    size_t records = n > 2 * columns ? columns : n;
    double p = 0;
    for (size_t c = 0; c < records; c++) {
        size_t a = i0 + (size_t)((double)c * (double)n / (double)records);
        size_t b = i0 + (size_t)((double)(c + 1) * (double)n / (double)records);
        if (b <= a)
            b = a + 1;
        double lo = x[a], hi = x[a];
        for (size_t i = a + 1; i < b; i++) {
            if (x[i] < lo)
                lo = x[i];
            if (x[i] > hi)
                hi = x[i];
        }
        double t = records == n ? (double)a / fs : 0.5 * (double)(a + b - 1) / fs;
        double rec[3] = {t, lo, hi};
        put_doubles(f, rec, 3);
        if (mf)
            cli_output_row(mf, rec);
        if (fabs(lo) > p)
            p = fabs(lo);
        if (fabs(hi) > p)
            p = fabs(hi);
    }
    *peak = p;
    return records;
}

static void plot_waveform(const struct plot_opts *o, const char *path)
{
    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    if (len == 0) {
        free(x);
        cli_runtime_error(path, "the sound has no samples");
    }
    size_t i0, i1;
    time_range(o, len, fs, &i0, &i1);
    struct dsp_matfile *mf = matrix_open(o, 3);
    if (mf)
        cli_output_header(mf, "fields", "time_s min max");
    FILE *f = bin_open("wave.bin");
    double peak;
    size_t n = write_envelope(f, mf, x, i0, i1, fs, o->width, &peak);
    bin_close(f, "wave.bin");
    free(x);
    if (mf)
        cli_output_commit(mf);
    var_str("wavefile", tmp_path("wave.bin"));
    var_int("nrec", (long long)n);
    var_num("t0", (double)i0 / fs);
    var_num("t1", (double)i1 / fs);
    var_num("peak", peak);
    var_num("fs", fs);
    var_int("envelope", n < i1 - i0);
}

/* ---- dft --------------------------------------------------------------- */

static void plot_dft(const struct plot_opts *o, const char *path)
{
    size_t bins;
    double *mX, *pX, *freq, fs = NAN;
    char desc[256] = "";
    if (is_data_file(path)) {
        struct table t;
        read_table(path, &t);
        if (t.m.cols < 4) {
            dsp_mat_free(&t.m);
            cli_runtime_error(path, "expected the 4 columns of dsplab dft (bin freq_hz mag_db "
                                    "phase_rad), found %zu", t.m.cols);
        }
        bins = t.m.rows;
        freq = cli_malloc(bins, sizeof *freq);
        mX = cli_malloc(bins, sizeof *mX);
        pX = cli_malloc(bins, sizeof *pX);
        for (size_t k = 0; k < bins; k++) {
            freq[k] = t.m.data[k * t.m.cols + 1];
            mX[k] = t.m.data[k * t.m.cols + 2];
            pX[k] = t.m.data[k * t.m.cols + 3];
        }
        fs = t.fs;
        dsp_mat_free(&t.m);
    } else {
        struct cli_analysis a = o->a;
        enum dsp_window type;
        cli_analysis_finish(&a, 1024, 1024, 1, &type);
        double *x;
        size_t len;
        cli_read_mono(path, &x, &len, &fs);
        size_t start = o->start;
        if (o->has_from)
            start = (size_t)floor(o->from * fs);
        if (start >= len) {
            free(x);
            cli_usage_error("the frame start (%zu) is beyond the end of %s (%zu samples)", start,
                            path, len);
        }
        double param = cli_window_param(&a, type);
        double *w = cli_window_new(type, param, DSP_WINDOW_PERIODIC, a.m);
        struct dsp_dftmodel *dm = dsp_dftmodel_new(w, a.m, a.n_fft);
        free(w);
        if (!dm) {
            free(x);
            cli_runtime_error(NULL, "%s", dsp_last_error());
        }
        bins = a.n_fft / 2 + 1;
        double *frame = cli_malloc(a.m, sizeof *frame);
        freq = cli_malloc(bins, sizeof *freq);
        mX = cli_malloc(bins, sizeof *mX);
        pX = cli_malloc(bins, sizeof *pX);
        size_t have = len - start < a.m ? len - start : a.m;
        memcpy(frame, x + start, have * sizeof *frame);
        memset(frame + have, 0, (a.m - have) * sizeof *frame);
        free(x);
        int status = dsp_dftmodel_analyze(dm, frame, mX, pX);
        dsp_dftmodel_free(dm);
        free(frame);
        if (status != DSP_OK)
            cli_runtime_error(path, "%s", dsp_last_error());
        for (size_t k = 0; k < bins; k++)
            freq[k] = (double)k * fs / (double)a.n_fft;
        snprintf(desc, sizeof desc, "%s window, M = %zu, N = %zu, frame at %.4g s",
                 dsp_window_name(type), a.m, a.n_fft, (double)start / fs);
    }
    double top = -INFINITY;
    for (size_t k = 0; k < bins; k++)
        if (mX[k] > top)
            top = mX[k];
    double fmax = o->has_fmax ? o->fmax : freq[bins - 1];
    double fmin = o->has_fmin ? o->fmin : freq[0];
    struct dsp_matfile *mf = matrix_open(o, 3);
    if (mf)
        cli_output_header(mf, "fields", "freq_hz mag_db phase_rad");
    FILE *f = bin_open("dft.bin");
    size_t n = 0;
    for (size_t k = 0; k < bins; k++) {
        if (freq[k] < fmin || freq[k] > fmax)
            continue;
        double rec[3] = {freq[k], mX[k], pX[k]};
        put_doubles(f, rec, 3);
        if (mf)
            cli_output_row(mf, rec);
        n++;
    }
    bin_close(f, "dft.bin");
    free(freq);
    free(mX);
    free(pX);
    if (mf)
        cli_output_commit(mf);
    if (n == 0)
        cli_usage_error("no bins between --fmin %g and --fmax %g Hz", fmin, fmax);
    var_str("dftfile", tmp_path("dft.bin"));
    var_int("nrec", (long long)n);
    var_num("top", top);
    var_num("range", o->range_db);
    var_num("fmin", fmin);
    var_num("fmax", fmax);
    var_text("desc", desc);
}

/* ---- window ------------------------------------------------------------ */

static size_t next_pow2(size_t n)
{
    size_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

/* Measures a window's spectrum, dB (0 at the peak) on a grid of `over`
 * points per DFT bin of the window length: the main lobe runs from -k1 to
 * k1, k1 being the first local minimum after the peak (a null for most
 * windows); the highest side lobe is the maximum beyond it. Also the -3 dB
 * half width. db holds half+1 points (0 .. half in grid units). */
static void window_measure(const double *db, size_t half, double over, double *lobe_bins,
                           double *side_db, double *bw3_bins)
{
    size_t k1 = 1;
    while (k1 < half && db[k1 + 1] < db[k1])
        k1++;
    double side = -INFINITY;
    for (size_t k = k1; k <= half; k++)
        if (db[k] > side)
            side = db[k];
    size_t k3 = 0;
    while (k3 < half && db[k3 + 1] > -3.0103)
        k3++;
    /* linear interpolation of the -3 dB crossing between k3 and k3+1 */
    double frac = k3 < half ? (db[k3] + 3.0103) / (db[k3] - db[k3 + 1]) : 0;
    *lobe_bins = k1 < half ? 2.0 * (double)k1 / over : NAN;
    *side_db = k1 < half ? side : NAN;
    *bw3_bins = 2.0 * ((double)k3 + frac) / over;
}

static void plot_window(const struct plot_opts *o, const char *name)
{
    struct cli_analysis a = o->a;
    a.window = name;
    if (a.hop)
        cli_usage_error("--hop is not used by the window plot");
    enum dsp_window type;
    cli_analysis_finish(&a, 64, 1, 1, &type);
    size_t m = a.m;
    double param = cli_window_param(&a, type);
    double *w = cli_window_new(type, param, o->symmetric ? DSP_WINDOW_SYMMETRIC
                                                          : DSP_WINDOW_PERIODIC, m);
    /* About 256 grid points per bin (at least 2^14 points in all) resolve
     * the nulls to 1/256 bin, far below the 0.01-bin digits printed. */
    size_t n = next_pow2(m * 256 > 16384 ? m * 256 : 16384);
    if (n > ((size_t)1 << 24))
        n = (size_t)1 << 24;
    double over = (double)n / (double)m;
    struct dsp_fft *fft = dsp_fft_new(n);
    if (!fft) {
        free(w);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    double *buf = cli_malloc(n, sizeof *buf);
    double complex *X = cli_malloc(n / 2 + 1, sizeof *X);
    memset(buf, 0, n * sizeof *buf);
    memcpy(buf, w, m * sizeof *w);
    int status = dsp_fft_forward_real(fft, buf, X);
    dsp_fft_free(fft);
    free(buf);
    if (status != DSP_OK) {
        free(w);
        free(X);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    size_t half = n / 2;
    double *db = cli_malloc(half + 1, sizeof *db);
    double peak = cabs(X[0]);
    for (size_t k = 0; k <= half; k++)
        db[k] = dsp_amp_to_db(cabs(X[k]) / peak);
    free(X);
    double lobe, side, bw3;
    window_measure(db, half, over, &lobe, &side, &bw3);
    printf("window: %s\nsize: %zu\nmain_lobe_bins: %.4f\nside_lobe_db: %.2f\n"
           "bandwidth_3db_bins: %.4f\n",
           dsp_window_name(type), m, lobe, side, bw3);

    FILE *f = bin_open("win.bin");
    for (size_t i = 0; i < m; i++) {
        double rec[2] = {(double)i, w[i]};
        put_doubles(f, rec, 2);
    }
    bin_close(f, "win.bin");
    free(w);
    /* The spectrum over +-B bins of the M-point DFT, B = min(M/2, 40),
     * reduced to at most 4 points per pixel (max over each group). */
    double span = (double)m / 2 < 40 ? (double)m / 2 : 40;
    size_t kmax = (size_t)(span * over);
    if (kmax > half)
        kmax = half;
    size_t groups = 2 * o->width;
    size_t step = kmax / groups > 1 ? kmax / groups : 1;
    struct dsp_matfile *mf = matrix_open(o, 2);
    if (mf)
        cli_output_header(mf, "fields", "freq_bins mag_db");
    f = bin_open("spec.bin");
    size_t nrec = 0;
    double floor_db = -200;
    for (int sign = -1; sign <= 1; sign += 2) {
        for (size_t g = 0; g * step <= kmax; g++) {
            size_t k = sign < 0 ? kmax - g * step : g * step;
            double v = db[k];
            for (size_t j = 1; j < step && k + j <= kmax; j++)
                if (db[k + j] > v)
                    v = db[k + j];
            double rec[2] = {sign * (double)k / over, v < floor_db ? floor_db : v};
            if (sign > 0 && k == 0)
                continue;   /* bin 0 is written once, by the negative side */
            put_doubles(f, rec, 2);
            if (mf)
                cli_output_row(mf, rec);
            nrec++;
        }
    }
    bin_close(f, "spec.bin");
    free(db);
    if (mf)
        cli_output_commit(mf);
    char desc[128];
    snprintf(desc, sizeof desc, "%s %s", o->symmetric ? "symmetric" : "periodic",
             dsp_window_name(type));
    var_text("wname", desc);
    var_str("winfile", tmp_path("win.bin"));
    var_str("specfile", tmp_path("spec.bin"));
    var_int("m", (long long)m);
    var_int("nspec", (long long)nrec);
    var_num("span", span);
    var_num("lobe", lobe);
    var_num("side", side);
    var_num("bw3", bw3);
}

/* ---- images (spectrograms, mel, MFCC) ------------------------------------ */

/* A time x frequency image, reduced by max: img[r * nx + c], r = 0 the
 * lowest row. Columns cover frames k0.. k0+nf-1; rows cover [lo, hi) of the
 * y axis (Hz, or log10 Hz when logf, or band index). */
struct image {
    size_t nx, ny;
    float *img;
    double x0, dx;              /* centre of the first column, column width (s) */
    double y0, dy;              /* centre of the first row, row height */
    size_t *col_of_frame;       /* frame (k - k0) -> column */
    size_t *row_lo, *row_hi;    /* row r takes bins row_lo[r] .. row_hi[r] */
    size_t k0, nf;
};

/* Sets up the columns for frames k0..k0+nf-1 (frame k centred at k*tstep
 * seconds) and rows for bins 0..nbins-1 (bin b centred at b*bstep on the
 * y axis, or log10 of that when logf). */
static void image_setup(struct image *im, size_t k0, size_t nf, double tstep, size_t max_x,
                        size_t nbins, double bstep, int logf, double ylo, double yhi,
                        size_t max_y)
{
    memset(im, 0, sizeof *im);
    im->k0 = k0;
    im->nf = nf;
    im->nx = nf < max_x ? nf : max_x;
    im->dx = (double)nf * tstep / (double)im->nx;
    im->x0 = ((double)k0 - 0.5) * tstep + 0.5 * im->dx;
    im->col_of_frame = cli_malloc(nf, sizeof *im->col_of_frame);
    for (size_t k = 0; k < nf; k++)
        im->col_of_frame[k] = (size_t)((double)k * (double)im->nx / (double)nf);

    /* rows: equal steps of the y axis between ylo and yhi */
    size_t bins_in = 0;
    for (size_t b = 0; b < nbins; b++) {
        double f = (double)b * bstep;
        double y = logf ? (f > 0 ? log10(f) : -INFINITY) : f;
        if (y >= ylo && y <= yhi)
            bins_in++;
    }
    im->ny = logf ? max_y : (bins_in < max_y ? (bins_in ? bins_in : 1) : max_y);
    im->dy = (yhi - ylo) / (double)im->ny;
    im->y0 = ylo + 0.5 * im->dy;
    im->row_lo = cli_malloc(im->ny, sizeof *im->row_lo);
    im->row_hi = cli_malloc(im->ny, sizeof *im->row_hi);
    for (size_t r = 0; r < im->ny; r++) {
        double a = ylo + (double)r * im->dy, b = a + im->dy;
        double fa = logf ? pow(10, a) : a, fb = logf ? pow(10, b) : b;
        /* bins whose centre lies in [fa, fb); none: the nearest to the middle */
        double lo = ceil(fa / bstep), hi = ceil(fb / bstep) - 1;
        if (hi < lo) {
            double mid = logf ? pow(10, 0.5 * (a + b)) : 0.5 * (fa + fb);
            lo = hi = floor(mid / bstep + 0.5);
        }
        if (lo < 0)
            lo = 0;
        if (hi > (double)nbins - 1)
            hi = (double)nbins - 1;
        if (lo > hi)
            lo = hi;
        im->row_lo[r] = (size_t)lo;
        im->row_hi[r] = (size_t)hi;
    }
    im->img = cli_malloc(im->nx * im->ny, sizeof *im->img);
    for (size_t i = 0; i < im->nx * im->ny; i++)
        im->img[i] = -INFINITY;
}

/* Folds frame k's values (nbins, already in display units) into the image. */
static void image_add_frame(struct image *im, size_t k, const double *v)
{
    size_t c = im->col_of_frame[k - im->k0];
    for (size_t r = 0; r < im->ny; r++) {
        double m = v[im->row_lo[r]];
        for (size_t b = im->row_lo[r] + 1; b <= im->row_hi[r]; b++)
            if (v[b] > m)
                m = v[b];
        float *p = &im->img[r * im->nx + c];
        if ((float)m > *p)
            *p = (float)m;
    }
}

static void image_free(struct image *im)
{
    free(im->img);
    free(im->col_of_frame);
    free(im->row_lo);
    free(im->row_hi);
    memset(im, 0, sizeof *im);
}

/* The largest finite value, or -inf. */
static double image_max(const struct image *im)
{
    double top = -INFINITY;
    for (size_t i = 0; i < im->nx * im->ny; i++)
        if (isfinite(im->img[i]) && im->img[i] > top)
            top = im->img[i];
    return top;
}

/* Writes the image as gnuplot's binary array (float32, x fastest) and, with
 * --matrix, as text; sets the variables prefix+"file", "nx", ... . Values
 * below floor are raised to it (so -inf never reaches gnuplot). */
static void image_write(const struct plot_opts *o, struct image *im, const char *prefix,
                        double floor_value, int with_matrix)
{
    for (size_t i = 0; i < im->nx * im->ny; i++)
        if (!(im->img[i] >= floor_value))
            im->img[i] = (float)floor_value;
    char name[64], var[64];
    snprintf(name, sizeof name, "%s.bin", prefix);
    FILE *f = bin_open(name);
    fwrite(im->img, sizeof *im->img, im->nx * im->ny, f);
    bin_close(f, name);
    snprintf(var, sizeof var, "%sfile", prefix);
    var_str(var, tmp_path(name));
    snprintf(var, sizeof var, "%snx", prefix);
    var_int(var, (long long)im->nx);
    snprintf(var, sizeof var, "%sny", prefix);
    var_int(var, (long long)im->ny);
    snprintf(var, sizeof var, "%sx0", prefix);
    var_num(var, im->x0);
    snprintf(var, sizeof var, "%sdx", prefix);
    var_num(var, im->dx);
    snprintf(var, sizeof var, "%sy0", prefix);
    var_num(var, im->y0);
    snprintf(var, sizeof var, "%sdy", prefix);
    var_num(var, im->dy);
    if (with_matrix && o->matrix) {
        struct dsp_matfile *mf = matrix_open(o, im->nx);
        cli_output_header(mf, "image", "rows are pixel rows from the bottom, columns are "
                                       "pixel columns from the left");
        cli_output_header(mf, "x0", "%.17g", im->x0);
        cli_output_header(mf, "dx", "%.17g", im->dx);
        cli_output_header(mf, "y0", "%.17g", im->y0);
        cli_output_header(mf, "dy", "%.17g", im->dy);
        double *row = cli_malloc(im->nx, sizeof *row);
        for (size_t r = 0; r < im->ny; r++) {
            for (size_t c = 0; c < im->nx; c++)
                row[c] = im->img[r * im->nx + c];
            cli_output_row(mf, row);
        }
        free(row);
        cli_output_commit(mf);
    }
}

/* The y range of a spectrogram: [fmin, fmax] Hz, or their log10. */
static void freq_axis(const struct plot_opts *o, double nyquist, double df, double *ylo,
                      double *yhi)
{
    double fmin = o->has_fmin ? o->fmin : (o->logf ? (df > 20 ? df : 20) : 0);
    double fmax = o->has_fmax ? o->fmax : nyquist;
    if (fmax > nyquist)
        fmax = nyquist;
    if (o->logf && !(fmin > 0))
        cli_usage_error("--log needs --fmin above 0 Hz (got %g)", fmin);
    if (!(fmax > fmin))
        cli_usage_error("--fmax (%g Hz) must be above --fmin (%g Hz)", fmax, fmin);
    *ylo = o->logf ? log10(fmin) : fmin;
    *yhi = o->logf ? log10(fmax) : fmax;
}

/* A spectrogram image in dB from a sound (computed here, frame by frame) or
 * from a dsplab stft table. Sets the image and the time/frequency scales. */
static void spectrogram_image(const struct plot_opts *o, const char *path, struct image *im,
                              size_t max_x, size_t max_y, double *hop_s, double *fs_out)
{
    if (is_data_file(path)) {
        struct table t;
        read_table(path, &t);
        int have_scale = isfinite(t.fs) && isfinite(t.hop) && isfinite(t.n_fft);
        if (isfinite(t.n_fft) && floor(t.n_fft / 2) + 1 != (double)t.m.cols) {
            size_t cols = t.m.cols;
            dsp_mat_free(&t.m);
            cli_runtime_error(path, "damaged file: %zu columns, but its FFT size %g gives %g bins",
                              cols, t.n_fft, floor(t.n_fft / 2) + 1);
        }
        double tstep = have_scale ? t.hop / t.fs : 1;
        double bstep = have_scale ? t.fs / t.n_fft : 1;
        double nyq = bstep * (double)(t.m.cols - 1);
        size_t i0, i1;
        time_range(o, t.m.rows, 1 / tstep, &i0, &i1);
        double ylo, yhi;
        freq_axis(o, nyq, bstep, &ylo, &yhi);
        image_setup(im, i0, i1 - i0, tstep, max_x, t.m.cols, bstep, o->logf, ylo, yhi, max_y);
        int linear = strcmp(t.units, "linear") == 0;
        double *row = cli_malloc(t.m.cols, sizeof *row);
        for (size_t k = i0; k < i1; k++) {
            for (size_t b = 0; b < t.m.cols; b++) {
                double v = t.m.data[k * t.m.cols + b];
                row[b] = linear ? dsp_amp_to_db(v) : v;
            }
            image_add_frame(im, k, row);
        }
        free(row);
        dsp_mat_free(&t.m);
        *hop_s = tstep;
        *fs_out = have_scale ? t.fs : NAN;
        return;
    }
    struct cli_analysis a = o->a;
    enum dsp_window type;
    cli_analysis_finish(&a, 2048, 2048, 512, &type);
    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    double param = cli_window_param(&a, type);
    double *w = cli_window_new(type, param, DSP_WINDOW_PERIODIC, a.m);
    struct dsp_stft *st = dsp_stft_new(w, a.m, a.n_fft, a.hop);
    free(w);
    if (!st) {
        free(x);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    size_t bins = dsp_stft_num_bins(st);
    size_t frames = dsp_stft_num_frames(st, len);
    double tstep = (double)a.hop / fs, bstep = fs / (double)a.n_fft;
    size_t i0, i1;
    time_range(o, frames, 1 / tstep, &i0, &i1);
    double ylo, yhi;
    freq_axis(o, fs / 2, bstep, &ylo, &yhi);
    image_setup(im, i0, i1 - i0, tstep, max_x, bins, bstep, o->logf, ylo, yhi, max_y);
    double *mag = cli_malloc(bins, sizeof *mag);
    struct cli_progress progress;
    cli_progress_begin(&progress, "plot");
    /* max commutes with the (increasing) dB map: reduce linear magnitudes,
     * take the logarithm of the nx*ny survivors only */
    for (size_t k = i0; k < i1; k++) {
        if (dsp_stft_magnitude(st, x, len, k, mag) != DSP_OK)
            cli_runtime_error(path, "%s", dsp_last_error());
        image_add_frame(im, k, mag);
        cli_progress_update(&progress, k + 1 - i0, i1 - i0);
    }
    cli_progress_end(&progress);
    for (size_t i = 0; i < im->nx * im->ny; i++)
        im->img[i] = (float)dsp_amp_to_db(im->img[i]);
    dsp_stft_free(st);
    free(mag);
    free(x);
    *hop_s = tstep;
    *fs_out = fs;
}

/* Pixel budget of one image panel: the plot area is the output minus the
 * margins (about 200 pixels across for labels and colour box, 100 down). */
static size_t panel_px(size_t total, size_t margin, size_t panels)
{
    size_t p = total > margin + 16 ? (total - margin) / panels : 16;
    return p > 8 ? p : 8;
}

static void spectrogram_vars(const struct plot_opts *o, const struct image *im, double top)
{
    var_num("top", top);
    var_num("range", o->range_db);
    var_int("logf", o->logf);
    var_num("ylo", im->y0 - 0.5 * im->dy);
    var_num("yhi", im->y0 + ((double)im->ny - 0.5) * im->dy);
    var_num("xlo", im->x0 - 0.5 * im->dx);
    var_num("xhi", im->x0 + ((double)im->nx - 0.5) * im->dx);
}

static void plot_spectrogram(const struct plot_opts *o, const char *path)
{
    struct image im;
    double hop_s, fs;
    spectrogram_image(o, path, &im, panel_px(o->width, 200, 1), panel_px(o->height, 100, 1),
                      &hop_s, &fs);
    double top = image_max(&im);
    if (!isfinite(top))
        top = 0;
    spectrogram_vars(o, &im, top);
    var_int("scaled", isfinite(fs));
    image_write(o, &im, "img", top - o->range_db - 1, 1);
    image_free(&im);
}

/* Writes overlay lines (x y, blank line between segments) into a text file:
 * gnuplot draws them with lines, unbroken inside a segment. */
static void plot_tracks(const struct plot_opts *o, const char *path, int f0)
{
    if (!o->sound)
        cli_usage_error("%s needs --sound SOUND (the sound to draw the spectrogram of)",
                        o->kind);
    struct image im;
    double hop_s, fs;
    spectrogram_image(o, o->sound, &im, panel_px(o->width, 200, 1),
                      panel_px(o->height, 100, 1), &hop_s, &fs);
    double top = image_max(&im);
    if (!isfinite(top))
        top = 0;
    spectrogram_vars(o, &im, top);
    var_int("scaled", 1);
    image_write(o, &im, "img", top - o->range_db - 1, 1);
    image_free(&im);

    struct table t;
    read_table(path, &t);
    FILE *f = fopen(tmp_path("lines.txt"), "w");
    if (!f)
        cli_runtime_error(tmp_path("lines.txt"), "%s", strerror(errno));
    size_t segments = 0;
    if (f0) {
        if (t.m.cols < 2) {
            dsp_mat_free(&t.m);
            cli_runtime_error(path, "expected rows 'time_s f0_hz', found %zu column", t.m.cols);
        }
        int open = 0;
        for (size_t k = 0; k < t.m.rows; k++) {
            double tt = t.m.data[k * t.m.cols], hz = t.m.data[k * t.m.cols + 1];
            if (hz > 0 && isfinite(hz)) {
                if (!open)
                    segments++;
                fprintf(f, "%.9g %.9g\n", tt, o->logf ? log10(hz) : hz);
                open = 1;
            } else if (open) {
                fputs("\n", f);
                open = 0;
            }
        }
    } else {
        /* three blocks stacked: freq rows first, then mag, then phase */
        if (t.m.rows % 3 != 0) {
            dsp_mat_free(&t.m);
            cli_runtime_error(path, "expected 3 blocks (freq, mag, phase) of equal rows, "
                                    "found %zu rows in all", t.m.rows);
        }
        size_t frames = t.m.rows / 3;
        double step = isfinite(t.hop) && isfinite(t.fs) ? t.hop / t.fs : hop_s;
        for (size_t j = 0; j < t.m.cols; j++) {
            int open = 0;
            for (size_t k = 0; k < frames; k++) {
                double hz = t.m.data[k * t.m.cols + j];
                if (hz > 0 && isfinite(hz)) {
                    if (!open)
                        segments++;
                    fprintf(f, "%.9g %.9g\n", (double)k * step, o->logf ? log10(hz) : hz);
                    open = 1;
                } else if (open) {
                    fputs("\n", f);
                    open = 0;
                }
            }
            if (open)
                fputs("\n", f);
        }
    }
    dsp_mat_free(&t.m);
    if (ferror(f) | (fclose(f) != 0))
        cli_runtime_error(tmp_path("lines.txt"), "write error");
    var_str("linesfile", tmp_path("lines.txt"));
    var_int("nsegments", (long long)segments);
    var_int("isf0", f0);
    var_text("overlay", base_name(path));
}

/* melspec and mfcc: a matrix, rows = frames, columns = bands/coefficients. */
static void plot_bands(const struct plot_opts *o, const char *path, int mfcc)
{
    struct dsp_mat m = {0};
    double fs = NAN, hop = NAN;
    int is_db = 1;
    if (is_data_file(path)) {
        struct table t;
        read_table(path, &t);
        m = t.m;
        fs = t.fs;
        hop = t.hop;
        if (!mfcc) {
            /* power unless the file says dB, or holds negative values */
            int neg = 0;
            for (size_t i = 0; i < m.rows * m.cols; i++)
                if (m.data[i] < 0)
                    neg = 1;
            is_db = strcmp(t.units, "db") == 0 || strcmp(t.units, "dB") == 0 ||
                    (t.units[0] == '\0' && neg);
        }
    } else {
        double *x;
        size_t len;
        cli_read_mono(path, &x, &len, &fs);
        struct dsp_melspec_params p = dsp_melspec_defaults(fs);
        if (o->a.hop)
            p.hop = o->a.hop;
        if (o->a.n_fft)
            p.n_fft = p.win_length = o->a.n_fft;
        struct dsp_melspec *ms = dsp_melspec_new(&p);
        if (!ms) {
            free(x);
            cli_runtime_error(NULL, "%s", dsp_last_error());
        }
        size_t frames = dsp_melspec_num_frames(ms, len);
        size_t bands = dsp_melspec_num_bands(ms);
        if (frames == 0) {
            free(x);
            dsp_melspec_free(ms);
            cli_runtime_error(path, "too short for one frame");
        }
        double *S = cli_malloc(frames * bands, sizeof *S);
        int status;
        if (mfcc) {
            struct dsp_mfcc *mf = dsp_mfcc_new(bands, 20);
            if (!mf)
                cli_runtime_error(NULL, "%s", dsp_last_error());
            m.cols = dsp_mfcc_num_coeffs(mf);
            m.rows = frames;
            m.data = cli_malloc(frames * m.cols, sizeof *m.data);
            status = dsp_mfcc_compute(mf, ms, x, len, S, m.data, frames);
            dsp_mfcc_free(mf);
            free(S);
        } else {
            status = dsp_melspec_compute(ms, x, len, S, frames);
            if (status == DSP_OK)
                status = dsp_melspec_power_to_db(S, frames * bands, DSP_DB_REF_MAX, 1e-10,
                                                 o->range_db, S);
            m.rows = frames;
            m.cols = bands;
            m.data = S;
        }
        dsp_melspec_free(ms);
        free(x);
        if (status != DSP_OK)
            cli_runtime_error(path, "%s", dsp_last_error());
        hop = (double)p.hop;
    }
    if (!is_db)
        for (size_t i = 0; i < m.rows * m.cols; i++)
            m.data[i] = dsp_power_to_db(m.data[i]);
    double tstep = isfinite(fs) && isfinite(hop) ? hop / fs : 1;
    size_t i0, i1;
    time_range(o, m.rows, 1 / tstep, &i0, &i1);
    struct image im;
    /* one pixel row per band: y = band index, rows centred on 0 .. cols-1 */
    image_setup(&im, i0, i1 - i0, tstep, panel_px(o->width, 200, 1), m.cols, 1, 0, -0.5,
                (double)m.cols - 0.5, m.cols);
    for (size_t k = i0; k < i1; k++)
        image_add_frame(&im, k, m.data + k * m.cols);
    dsp_mat_free(&m);
    double top = image_max(&im), low;
    if (mfcc) {
        /* colour range over coefficients 1.. (c0, the log energy, dwarfs them) */
        double lo = INFINITY, hi = -INFINITY;
        for (size_t r = im.ny > 1 ? 1 : 0; r < im.ny; r++)
            for (size_t c = 0; c < im.nx; c++) {
                double v = im.img[r * im.nx + c];
                if (isfinite(v)) {
                    lo = v < lo ? v : lo;
                    hi = v > hi ? v : hi;
                }
            }
        double lim = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
        if (!(lim > 0))
            lim = 1;
        top = lim;
        low = -lim;
    } else {
        low = top - o->range_db;
    }
    var_num("top", top);
    var_num("low", low);
    var_int("ismfcc", mfcc);
    var_int("scaled", isfinite(fs) && isfinite(hop));
    var_num("xlo", im.x0 - 0.5 * im.dx);
    var_num("xhi", im.x0 + ((double)im.nx - 0.5) * im.dx);
    var_int("nbands", (long long)im.ny);
    image_write(o, &im, "img", mfcc ? -INFINITY : low - 1, 1);
    image_free(&im);
}

/* 1 to 4 sounds as stacked spectrograms sharing the time axis. */
static void plot_decomposition(const struct plot_opts *o, char **paths, int count)
{
    if (count < 1 || count > 4)
        cli_usage_error("decomposition takes 1 to 4 sounds (got %d)", count);
    char labels[4][128] = {{0}};
    if (o->labels) {
        const char *s = o->labels;
        for (int i = 0; i < 4 && *s; i++) {
            size_t n = strcspn(s, ",;");
            snprintf(labels[i], sizeof labels[i], "%.*s", (int)n, s);
            s += n;
            if (*s == ',' || *s == ';')
                s++;
        }
    }
    double top = -INFINITY;
    struct image im[4];
    double xlo = INFINITY, xhi = -INFINITY;
    for (int i = 0; i < count; i++) {
        double hop_s, fs;
        spectrogram_image(o, paths[i], &im[i], panel_px(o->width, 200, 1),
                          panel_px(o->height, 60 + 40 * (size_t)count, (size_t)count), &hop_s,
                          &fs);
        double t = image_max(&im[i]);
        if (t > top)
            top = t;
        double a = im[i].x0 - 0.5 * im[i].dx, b = im[i].x0 + ((double)im[i].nx - 0.5) * im[i].dx;
        xlo = a < xlo ? a : xlo;
        xhi = b > xhi ? b : xhi;
    }
    if (!isfinite(top))
        top = 0;
    spectrogram_vars(o, &im[0], top);
    var_num("xlo", xlo);
    var_num("xhi", xhi);
    var_int("npanels", count);
    for (int i = 0; i < count; i++) {
        char prefix[16], var[32];
        snprintf(prefix, sizeof prefix, "p%d", i + 1);
        image_write(o, &im[i], prefix, top - o->range_db - 1, 0);
        snprintf(var, sizeof var, "label%d", i + 1);
        var_text(var, labels[i][0] ? labels[i] : base_name(paths[i]));
        image_free(&im[i]);
    }
}

/* ---- grader feedback ------------------------------------------------------ */

/* dB values are clipped this far below their maximum: a bin at -300 dB is
 * rounding noise, and drawing it would squash everything that matters. */
#define FEEDBACK_DB_RANGE 120.0

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int is_db(const char *what)
{
    return strstr(what, "dB") != NULL;
}

/* The comparison of a matrix (headers matrix_rows x matrix_cols, index = row * cols +
 * col): three heat maps, the student's, the expected and their difference,
 * rows along x (frames, for an STFT) and columns along y (bins, bands). */
static void plot_feedback_matrix(const struct table *t, size_t rows, size_t cols,
                                 const char *what, double atol, double rtol)
{
    size_t n = t->m.rows, tc = t->m.cols;
    double lo = INFINITY, hi = -INFINITY, dmax = 0;
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        const double *row = t->m.data + i * tc;
        for (int k = 1; k <= 2; k++)
            if (isfinite(row[k])) {
                lo = row[k] < lo ? row[k] : lo;
                hi = row[k] > hi ? row[k] : hi;
            }
        double err = tc >= 4 ? row[3] : fabs(row[1] - row[2]);
        if (!(err <= atol + rtol * fabs(row[2])))
            bad++;
        double d = row[1] - row[2];
        if (isfinite(d) && fabs(d) > dmax)
            dmax = fabs(d);
    }
    /* The difference's colours saturate at the 98th percentile of |yours -
     * expected|, so one outlier does not wash out the pattern. */
    double *ad = malloc((n ? n : 1) * sizeof *ad);
    size_t nd = 0;
    for (size_t i = 0; ad && i < n; i++) {
        double d = fabs(t->m.data[i * tc + 1] - t->m.data[i * tc + 2]);
        if (isfinite(d))
            ad[nd++] = d;
    }
    if (nd > 0) {
        qsort(ad, nd, sizeof *ad, cmp_double);
        double q = ad[(size_t)(0.98 * (double)(nd - 1))];
        if (q > 0)
            dmax = q;
    }
    free(ad);
    int clipped = 0;
    if (is_db(what) && isfinite(hi) && lo < hi - FEEDBACK_DB_RANGE) {
        lo = hi - FEEDBACK_DB_RANGE;
        clipped = 1;
    }
    if (!isfinite(lo) || !(hi > lo)) {
        lo = isfinite(lo) ? lo - 1 : -1;
        hi = lo + 2;
    }
    const char *names[3] = {"got.bin", "exp.bin", "diff.bin"};
    for (int k = 0; k < 3; k++) {
        FILE *f = bin_open(names[k]);
        /* x (the row) runs fastest in gnuplot's binary array */
        for (size_t c = 0; c < cols; c++)
            for (size_t r = 0; r < rows; r++) {
                const double *row = t->m.data + (r * cols + c) * tc;
                double v = k == 0 ? row[1] : k == 1 ? row[2] : row[1] - row[2];
                if (k < 2 && isfinite(v) && v < lo)
                    v = lo;
                if (!isfinite(v))
                    v = k < 2 ? hi : (v != v ? 0 : (v > 0 ? dmax : -dmax));
                if (k == 2)
                    v = v > dmax ? dmax : v < -dmax ? -dmax : v;
                float fv = (float)v;
                if (fwrite(&fv, sizeof fv, 1, f) != 1)
                    break;
            }
        bin_close(f, names[k]);
    }
    var_str("gotfile", tmp_path("got.bin"));
    var_str("expfile", tmp_path("exp.bin"));
    var_str("difffile", tmp_path("diff.bin"));
    var_int("mrows", (long long)rows);
    var_int("mcols", (long long)cols);
    var_num("zlo", lo);
    var_num("zhi", hi);
    var_num("dmax", dmax > 0 ? dmax : 1);
    var_int("nbad", (long long)bad);
    var_int("nrec", (long long)n);
    var_num("atol", atol);
    var_num("rtol", rtol);
    char label[300];
    snprintf(label, sizeof label, "%s%s", what,
             clipped ? " (clipped 120 dB below the max)" : "");
    var_text("what", label);
    script_kind = "feedback-matrix";
}

static void plot_feedback(const struct plot_opts *o, const char *path)
{
    (void)o;
    struct table t;
    read_table(path, &t);
    if (t.m.cols < 3) {
        dsp_mat_free(&t.m);
        cli_runtime_error(path, "expected columns 'index got expected', found %zu", t.m.cols);
    }
    double atol = header_number(path, "atol"), rtol = header_number(path, "rtol");
    if (!isfinite(atol))
        atol = 0;
    if (!isfinite(rtol))
        rtol = 0;
    char what[256] = "", test[256] = "";
    if (!has_suffix(path, ".npy")) {
        dsp_datafile_header_value(path, "what", what, sizeof what);
        dsp_datafile_header_value(path, "test", test, sizeof test);
    }
    size_t n = t.m.rows, cols = t.m.cols;
    double mrows = header_number(path, "matrix_rows"),
           mcols = header_number(path, "matrix_cols");
    if (mrows >= 2 && mcols >= 2 && mrows * mcols == (double)n) {
        plot_feedback_matrix(&t, (size_t)mrows, (size_t)mcols, what[0] ? what : "output", atol,
                             rtol);
        dsp_mat_free(&t.m);
        return;
    }
    /* Errors of exactly 0 cannot go on the log axis: they are drawn at a
     * floor 1000 times below the smallest tolerance (or 1e-16 of the
     * largest expected value when the tolerance is 0). */
    double efloor = INFINITY, big = 0;
    for (size_t i = 0; i < n; i++) {
        double exp = t.m.data[i * cols + 2];
        double tol = atol + rtol * fabs(exp);
        if (tol > 0 && tol < efloor)
            efloor = tol;
        if (isfinite(exp) && fabs(exp) > big)
            big = fabs(exp);
    }
    efloor = isfinite(efloor) ? 1e-3 * efloor : (big > 0 ? 1e-16 * big : 1e-300);
    FILE *f = bin_open("fb.bin");
    /* the runs go to gnuplot as one string "a1 b1 a2 b2 ..."; past
     * MAX_RUNS the last run absorbs the rest */
    enum { MAX_RUNS = 200 };
    static char runstr[MAX_RUNS * 52];
    size_t runlen = 0;
    runstr[0] = '\0';
    /* Mismatching indices, merged into runs: a gap shorter than 1/100 of
     * the array joins two runs, so scattered failures do not make a comb. */
    size_t gap = n / 100 > 1 ? n / 100 : 1;
    size_t runs = 0, bad = 0;
    double run_a = 0, run_b = 0, maxerr = 0, lo = INFINITY, hi = -INFINITY;
    int in_run = 0;
    size_t last_bad = 0;
    double first_index = t.m.data[0], last_index = t.m.data[(n - 1) * cols];
    if (!(last_index > first_index))
        last_index = first_index + 1;
    for (size_t i = 0; i < n; i++) {
        const double *row = t.m.data + i * cols;
        double idx = row[0], got = row[1], exp = row[2];
        /* a 4th column, when present, is the error that was compared (the
         * complex |got - expected| when got and expected are magnitudes) */
        double err = cols >= 4 ? row[3] : fabs(got - exp);
        double tol = atol + rtol * fabs(exp);
        int ok = err <= tol;
        if (!(err == err))
            err = INFINITY;
        if (isfinite(err) && err > maxerr)
            maxerr = err;
        double rec[5] = {idx, got, exp, err > efloor ? err : efloor, tol > efloor ? tol : efloor};
        if (!isfinite(rec[3]))
            rec[3] = 1e300;   /* NaN or Inf: off the top of the error axis */
        put_doubles(f, rec, 5);
        if (isfinite(got)) {
            lo = got < lo ? got : lo;
            hi = got > hi ? got : hi;
        }
        if (isfinite(exp)) {
            lo = exp < lo ? exp : lo;
            hi = exp > hi ? exp : hi;
        }
        if (ok)
            continue;
        bad++;
        if (in_run && (i - last_bad <= gap || runs == MAX_RUNS)) {
            run_b = idx;
        } else {
            if (in_run)
                runlen += (size_t)snprintf(runstr + runlen, sizeof runstr - runlen,
                                           "%.10g %.10g ", run_a, run_b);
            in_run = 1;
            run_a = run_b = idx;
            runs++;
        }
        last_bad = i;
    }
    if (in_run)
        snprintf(runstr + runlen, sizeof runstr - runlen, "%.10g %.10g", run_a, run_b);
    dsp_mat_free(&t.m);
    bin_close(f, "fb.bin");
    /* dB: the value axis stops FEEDBACK_DB_RANGE below the maximum */
    int clipped = 0;
    if (is_db(what) && isfinite(hi) && lo < hi - FEEDBACK_DB_RANGE) {
        lo = hi - FEEDBACK_DB_RANGE;
        clipped = 1;
        if (strlen(what) + 40 < sizeof what)
            strcat(what, " (clipped 120 dB below the max)");
    }
    var_int("clipped", clipped);
    var_str("fbfile", tmp_path("fb.bin"));
    var_str("runs", runstr);
    var_int("nrec", (long long)n);
    var_int("nruns", (long long)runs);
    var_int("nbad", (long long)bad);
    var_num("atol", atol);
    var_num("rtol", rtol);
    var_num("ilo", first_index);
    var_num("ihi", last_index);
    var_num("maxerr", maxerr);
    var_num("efloor", efloor);
    var_num("vlo", isfinite(lo) ? lo : -1);
    var_num("vhi", isfinite(hi) ? hi : 1);
    var_text("what", what[0] ? what : "output");
    var_text("testname", test);
}

/* ---- the command ----------------------------------------------------------- */

/* ---- scatter ------------------------------------------------------------ */

/* The index of name among the space-separated words of list, or -1. */
static int word_index(const char *list, const char *name)
{
    size_t len = strlen(name);
    int i = 0;
    for (const char *w = list; *w;) {
        while (*w == ' ')
            w++;
        if (!*w)
            break;
        size_t n = strcspn(w, " ");
        if (n == len && strncmp(w, name, len) == 0)
            return i;
        w += n;
        i++;
    }
    return -1;
}

/* A table of `dsplab features --table OUT.txt`: column 0 the class index
 * (header class_names), the others named by column_names. One binary file
 * of (x, y) records per class that has rows. */
static void plot_scatter(const struct plot_opts *o, const char *path)
{
    const char *xname = o->xcol ? o->xcol : "centroid_mean";
    const char *yname = o->ycol ? o->ycol : "flatness_mean";
    static char columns[16384], classes[4096];
    if (has_suffix(path, ".npy") || has_suffix(path, ".csv") ||
        dsp_datafile_header_value(path, "column_names", columns, sizeof columns) != DSP_OK ||
        dsp_datafile_header_value(path, "class_names", classes, sizeof classes) != DSP_OK)
        cli_runtime_error(path, "not a class table (no column_names and class_names headers): "
                          "make one with dsplab features --table OUT.txt");
    int xi = word_index(columns, xname), yi = word_index(columns, yname);
    if (xi < 1 || yi < 1)
        cli_usage_error("%s: no column '%s' (columns: %s)", path, xi < 1 ? xname : yname,
                        columns);
    struct dsp_mat m;
    if (dsp_mat_read(path, &m) != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    int n_classes = 0;
    for (const char *w = classes; *w; w += strcspn(w, " ")) {
        while (*w == ' ')
            w++;
        if (*w)
            n_classes++;
    }
    if (m.rows == 0 || (size_t)xi >= m.cols || (size_t)yi >= m.cols || n_classes == 0) {
        dsp_mat_free(&m);
        cli_runtime_error(path, "the table has no rows, or fewer columns than its names");
    }
    struct dsp_matfile *mf = matrix_open(o, 3);
    if (mf)
        cli_output_header(mf, "fields", "class %s %s", xname, yname);
    char ids[4096] = "", counts[4096] = "", labels[4096] = "";
    size_t ki = 0, kc = 0, kl = 0;
    for (int c = 0; c < n_classes; c++) {
        char name[32];
        snprintf(name, sizeof name, "class%d.bin", c);
        FILE *f = NULL;
        size_t count = 0;
        for (size_t r = 0; r < m.rows; r++) {
            const double *row = m.data + r * m.cols;
            if (row[0] != (double)c)
                continue;
            double rec[2] = {row[xi], row[yi]};
            if (!f)
                f = bin_open(name);
            put_doubles(f, rec, 2);
            if (mf) {
                double out[3] = {row[0], rec[0], rec[1]};
                cli_output_row(mf, out);
            }
            count++;
        }
        if (!f)
            continue;
        bin_close(f, name);
        /* the class's name: word c of class_names */
        const char *w = classes;
        for (int i = 0; i <= c; i++) {
            while (*w == ' ')
                w++;
            if (i < c)
                w += strcspn(w, " ");
        }
        int wl = (int)strcspn(w, " ");
        if (ki + 16 < sizeof ids && kc + 24 < sizeof counts && kl + (size_t)wl + 2 < sizeof labels) {
            ki += (size_t)snprintf(ids + ki, sizeof ids - ki, "%s%d", ki ? " " : "", c);
            kc += (size_t)snprintf(counts + kc, sizeof counts - kc, "%s%zu", kc ? " " : "", count);
            kl += (size_t)snprintf(labels + kl, sizeof labels - kl, "%s%.*s", kl ? " " : "", wl, w);
        }
    }
    size_t unlabelled = 0;
    for (size_t r = 0; r < m.rows; r++) {
        double cl = m.data[r * m.cols];
        if (!(cl >= 0 && cl < n_classes && cl == floor(cl)))
            unlabelled++;
    }
    dsp_mat_free(&m);
    if (unlabelled)
        cli_runtime_error(path, "%zu rows have a class that is not in class_names", unlabelled);
    if (mf)
        cli_output_commit(mf);
    var_str("datadir", tmpdir);
    var_str("ids", ids);
    var_str("counts", counts);
    var_str("labels", labels);
    var_str("xname", xname);
    var_str("yname", yname);
    var_int("logx", o->logx);
    var_int("logy", o->logy);
}

static const char *const kinds[] = {"waveform", "dft",   "window", "spectrogram",
                                    "melspec",  "mfcc",  "tracks", "f0",
                                    "decomposition", "feedback", "scatter"};

CLI_COMMAND(plot)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"height", required_argument, NULL, OPT_HEIGHT},
        {"title", required_argument, NULL, OPT_TITLE},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"start", required_argument, NULL, OPT_START},
        {"log", no_argument, NULL, OPT_LOG},
        {"range", required_argument, NULL, OPT_RANGE},
        {"fmin", required_argument, NULL, OPT_FMIN},
        {"fmax", required_argument, NULL, OPT_FMAX},
        {"matrix", required_argument, NULL, OPT_MATRIX},
        {"sound", required_argument, NULL, OPT_SOUND},
        {"symmetric", no_argument, NULL, OPT_SYMMETRIC},
        {"labels", required_argument, NULL, OPT_LABELS},
        {"x", required_argument, NULL, OPT_X},
        {"y", required_argument, NULL, OPT_Y},
        {"logx", no_argument, NULL, OPT_LOGX},
        {"logy", no_argument, NULL, OPT_LOGY},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    struct plot_opts o = {0};
    cli_defer_commit();   /* --matrix's file waits for the image */
    o.width = 1000;
    o.height = 600;
    o.range_db = 80;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_OUTPUT:
            o.out = optarg;
            if (!has_suffix(optarg, ".png") && !has_suffix(optarg, ".svg"))
                cli_usage_error("-o: '%s' must end in .png or .svg", optarg);
            break;
        case OPT_WIDTH:
            o.width = cli_parse_size(cli_optname(), optarg, 100);
            if (o.width > 10000)
                cli_usage_error("--width must be at most 10000 (got %s)", optarg);
            break;
        case OPT_HEIGHT:
            o.height = cli_parse_size(cli_optname(), optarg, 100);
            if (o.height > 10000)
                cli_usage_error("--height must be at most 10000 (got %s)", optarg);
            break;
        case OPT_TITLE: o.title = optarg; break;
        case OPT_FROM:
            o.from = cli_parse_double(cli_optname(), optarg);
            o.has_from = 1;
            break;
        case OPT_TO:
            o.to = cli_parse_double(cli_optname(), optarg);
            o.has_to = 1;
            break;
        case OPT_START:
            o.start = cli_parse_size(cli_optname(), optarg, 0);
            o.has_start = 1;
            break;
        case OPT_LOG: o.logf = 1; break;
        case OPT_RANGE:
            o.range_db = cli_parse_double(cli_optname(), optarg);
            if (!(o.range_db > 0))
                cli_usage_error("--range must be above 0 dB (got %s)", optarg);
            break;
        case OPT_FMIN:
            o.fmin = cli_parse_double(cli_optname(), optarg);
            if (o.fmin < 0)
                cli_usage_error("--fmin must be at least 0 Hz (got %s)", optarg);
            o.has_fmin = 1;
            break;
        case OPT_FMAX:
            o.fmax = cli_parse_double(cli_optname(), optarg);
            o.has_fmax = 1;
            break;
        case OPT_MATRIX: o.matrix = optarg; break;
        case OPT_SOUND: o.sound = optarg; break;
        case OPT_SYMMETRIC: o.symmetric = 1; break;
        case OPT_LABELS: o.labels = optarg; break;
        case OPT_X: o.xcol = optarg; break;
        case OPT_Y: o.ycol = optarg; break;
        case OPT_LOGX: o.logx = 1; break;
        case OPT_LOGY: o.logy = 1; break;
        default: cli_analysis_option(&o.a, c, optarg); break;
        }
    }
    if (o.has_from && o.has_to && !(o.to > o.from))
        cli_usage_error("--to (%g) must be after --from (%g)", o.to, o.from);
    int nops = argc - optind;
    if (nops < 1)
        cli_usage_error("missing KIND argument (one of waveform, dft, window, spectrogram, "
                        "melspec, mfcc, tracks, f0, decomposition, feedback, scatter)");
    o.kind = argv[optind];
    int known = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(o.kind, kinds[i]) == 0)
            known = 1;
    if (!known)
        cli_usage_error("unknown plot kind '%s' (one of waveform, dft, window, spectrogram, "
                        "melspec, mfcc, tracks, f0, decomposition, feedback, scatter)", o.kind);
    int multi = strcmp(o.kind, "decomposition") == 0;
    if (nops < 2)
        cli_usage_error("missing %s argument",
                        strcmp(o.kind, "window") == 0 ? "NAME"
                        : strcmp(o.kind, "feedback") == 0 || strcmp(o.kind, "tracks") == 0 ||
                                strcmp(o.kind, "scatter") == 0 ||
                                strcmp(o.kind, "f0") == 0
                            ? "DATA"
                            : "INPUT");
    if (!multi && nops > 2)
        cli_usage_error("unexpected argument '%s'", argv[optind + 2]);
    const char *input = argv[optind + 1];
    {
        const char *ins[] = {input, o.sound}, *outs[] = {o.out, o.matrix};
        const char *names[] = {"-o", "--matrix"};
        cli_check_outputs(ins, o.sound ? 2 : 1, outs, names, 2);
    }

    /* Before any work: the one dependency the rest of dsplab does not need. */
    const char *gnuplot = find_gnuplot();
    if (!gnuplot) {
        fputs("dsplab: gnuplot not found; install it with: apt-get install gnuplot-nox\n",
              stderr);
        exit(1);
    }
    make_tmpdir();
    var_text("title", o.title ? o.title : base_name(input));

    if (strcmp(o.kind, "waveform") == 0)
        plot_waveform(&o, input);
    else if (strcmp(o.kind, "dft") == 0)
        plot_dft(&o, input);
    else if (strcmp(o.kind, "window") == 0)
        plot_window(&o, input);
    else if (strcmp(o.kind, "spectrogram") == 0)
        plot_spectrogram(&o, input);
    else if (strcmp(o.kind, "melspec") == 0)
        plot_bands(&o, input, 0);
    else if (strcmp(o.kind, "mfcc") == 0)
        plot_bands(&o, input, 1);
    else if (strcmp(o.kind, "tracks") == 0)
        plot_tracks(&o, input, 0);
    else if (strcmp(o.kind, "f0") == 0)
        plot_tracks(&o, input, 1);
    else if (strcmp(o.kind, "decomposition") == 0)
        plot_decomposition(&o, argv + optind + 1, nops - 1);
    else if (strcmp(o.kind, "scatter") == 0)
        plot_scatter(&o, input);
    else
        plot_feedback(&o, input);

    run_gnuplot(&o, gnuplot, input);
    remove_tmp();
    return 0;
}
