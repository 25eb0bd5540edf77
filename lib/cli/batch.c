/* batch.c — one command over many inputs, with a pool of worker processes
 * (see batch.h). */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

void cli_batch_init(struct cli_batch *b, int argc, char **argv)
{
    memset(b, 0, sizeof *b);
    b->ext = "npy";
    b->jobs = 1;
    b->argc = argc;
    b->argv = argv;
    b->typed = cli_malloc((size_t)argc + 1, sizeof *b->typed);
    b->batch_args = cli_malloc(2 * (size_t)argc + 1, sizeof *b->batch_args);
    for (int i = 0; i < argc; i++)
        b->typed[i] = argv[i];
    b->typed[argc] = NULL;
}

/* Remembers the tokens of the option getopt just returned (the option word,
 * and its argument when it is a separate word) so the child's "# command:"
 * header can leave them out. getopt only moves pointers, so the tokens are
 * found again in the typed copy by address. */
static void note_batch_tokens(struct cli_batch *b, const char *arg)
{
    if (optind < 1 || optind > b->argc)
        return;
    char *last = b->argv[optind - 1];
    b->batch_args[b->n_batch_args++] = last;
    if (arg && arg == last && optind >= 2)   /* "--jobs 2": the word before */
        b->batch_args[b->n_batch_args++] = b->argv[optind - 2];
}

int cli_batch_option(struct cli_batch *b, int c, const char *arg)
{
    switch (c) {
    case CLI_OPT_OUT_DIR:
        if (arg[0] == '\0')
            cli_usage_error("--out-dir: the folder name is empty");
        b->out_dir = arg;
        break;
    case CLI_OPT_LIST:
        b->list = arg;
        break;
    case CLI_OPT_FORCE:
        b->force = 1;
        break;
    case CLI_OPT_JOBS:
        b->jobs = cli_parse_size(cli_optname(), arg, 0);
        b->has_jobs = 1;
        break;
    case CLI_OPT_FORMAT:
        if (strcmp(arg, "npy") == 0 || strcmp(arg, "txt") == 0)
            b->ext = arg;
        else
            cli_usage_error("--format must be npy or txt (got '%s')", arg);
        b->has_format = 1;
        break;
    default:
        return 0;
    }
    note_batch_tokens(b, arg);
    return 1;
}

/* ---- inputs ------------------------------------------------------------ */

/* The whole --list file ("-" = stdin), NUL-terminated. Runtime error if it
 * cannot be read, holds a NUL byte, or exceeds MAX_LIST_BYTES (about a
 * million paths). */
#define MAX_LIST_BYTES (64 << 20)
static char *read_list(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f)
        cli_runtime_error(path, "cannot open the list: %s", strerror(errno));
    size_t cap = 4096, len = 0;
    char *text = cli_malloc(cap, 1);
    for (;;) {
        if (cap - len < 2) {
            char *bigger = realloc(text, 2 * cap);
            if (!bigger) {
                free(text);
                cli_runtime_error(NULL, "out of memory reading %s", path);
            }
            text = bigger;
            cap *= 2;
        }
        size_t got = fread(text + len, 1, cap - len - 1, f);
        /* A list is text of paths: a NUL byte means a binary file (or a
         * device such as /dev/urandom, which would never end). */
        const char *nul = memchr(text + len, '\0', got);
        if (nul) {
            size_t at = len + (size_t)(nul - (text + len));
            if (f != stdin)
                fclose(f);
            free(text);
            cli_runtime_error(path, "not a list of paths: a NUL byte at byte %zu", at);
        }
        len += got;
        if (len > MAX_LIST_BYTES) {
            if (f != stdin)
                fclose(f);
            free(text);
            cli_runtime_error(path, "the list is longer than %d MiB", MAX_LIST_BYTES >> 20);
        }
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(text);
        cli_runtime_error(path, "cannot read the list");
    }
    text[len] = '\0';
    return text;
}

/* Splits the list into lines in place; keeps the lines that are neither
 * blank nor comments ('#' as the first non-blank character). A CR before
 * the newline (a list written on Windows) is dropped. Appends to inputs. */
static size_t split_list(char *text, char **inputs, size_t n)
{
    char *p = text;
    while (*p) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        size_t len = strlen(p);
        if (len > 0 && p[len - 1] == '\r')
            p[len - 1] = '\0';
        const char *q = p + strspn(p, " \t");
        if (*q != '\0' && *q != '#')
            inputs[n++] = p;
        if (!eol)
            break;
        p = eol + 1;
    }
    return n;
}

/* DIR/<basename of input without its extension>.<ext>, or NULL when the
 * input has no basename ("sounds/"). */
static char *output_name(const char *dir, const char *input, const char *ext)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t stem = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)   /* ".hidden" keeps its name */
        stem = (size_t)(dot - base);
    if (stem == 0)
        return NULL;
    size_t dlen = strlen(dir);
    while (dlen > 1 && dir[dlen - 1] == '/')
        dlen--;
    size_t size = dlen + 1 + stem + 1 + strlen(ext) + 1;
    char *name = cli_malloc(size, 1);
    snprintf(name, size, "%.*s/%.*s.%s", (int)dlen, dir, (int)stem, base, ext);
    return name;
}

struct pair {
    const char *out, *in;
};

static int cmp_pair(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    int c = strcmp(x->out, y->out);
    return c ? c : strcmp(x->in, y->in);
}

/* Two inputs writing one output: a usage error naming the first clash. */
static void check_clashes(const struct cli_batch *b)
{
    struct pair *p = cli_malloc(b->n, sizeof *p);
    for (size_t i = 0; i < b->n; i++)
        p[i] = (struct pair){b->outputs[i], b->inputs[i]};
    qsort(p, b->n, sizeof *p, cmp_pair);
    size_t clashes = 0, first = 0, first_end = 0;
    for (size_t i = 0; i < b->n;) {
        size_t j = i + 1;
        while (j < b->n && strcmp(p[j].out, p[i].out) == 0)
            j++;
        if (j - i > 1 && clashes++ == 0) {
            first = i;
            first_end = j;
        }
        i = j;
    }
    if (clashes == 0) {
        free(p);
        return;
    }
    char names[1500] = "";
    size_t len = 0;
    for (size_t i = first; i < first_end && len < sizeof names; i++) {
        int k = snprintf(names + len, sizeof names - len, "%s'%s'", i > first ? ", " : "",
                         p[i].in);
        len = k < 0 ? sizeof names : len + (size_t)k;
    }
    char out[1100];
    snprintf(out, sizeof out, "%s", p[first].out);
    char more[64] = "";
    if (clashes > 1)
        snprintf(more, sizeof more, " (and %zu more clashes)", clashes - 1);
    free(p);
    cli_usage_error("inputs %s would %s write '%s'%s; process each folder with its own "
                    "--out-dir",
                    names, first_end - first > 2 ? "all" : "both", out, more);
}

void cli_batch_finish(struct cli_batch *b, int argc, char **argv, const char *output)
{
    b->output = output;
    b->n_operands = (size_t)(argc - optind);
    if (!b->out_dir) {
        if (b->list)
            cli_usage_error("--list needs --out-dir DIR (one output per input)");
        if (b->has_jobs || b->force || b->has_format)
            cli_usage_error("%s needs --out-dir DIR (it is for batch processing)",
                            b->has_jobs ? "--jobs" : b->force ? "--force" : "--format");
        if (b->n_operands == 0)
            cli_usage_error("missing FILE argument");
        if (b->n_operands > 1)
            cli_usage_error("unexpected argument '%s' (several inputs need --out-dir DIR)",
                            argv[optind + 1]);
        b->inputs = cli_malloc(1, sizeof *b->inputs);
        b->inputs[0] = argv[optind];
        b->n = 1;
        const char *names[] = {"-o"};
        cli_check_outputs((const char *const *)b->inputs, 1, &output, names, 1);
        return;
    }
    if (output)
        cli_usage_error("-o OUT and --out-dir DIR exclude each other (--out-dir names "
                        "the outputs after the inputs)");
    if (b->n_operands == 0 && !b->list)
        cli_usage_error("missing FILE argument (or --list LIST)");

    size_t cap = b->n_operands;
    if (b->list) {
        b->list_text = read_list(b->list);
        for (const char *p = b->list_text; *p; p++)
            cap += *p == '\n';
        cap++;   /* a last line without a newline */
    }
    b->inputs = cli_malloc(cap, sizeof *b->inputs);
    for (size_t i = 0; i < b->n_operands; i++)
        b->inputs[i] = argv[optind + (int)i];
    b->n = b->n_operands;
    if (b->list)
        b->n = split_list(b->list_text, b->inputs, b->n);

    b->outputs = cli_malloc(b->n, sizeof *b->outputs);
    for (size_t i = 0; i < b->n; i++) {
        b->outputs[i] = output_name(b->out_dir, b->inputs[i], b->ext);
        if (!b->outputs[i]) {
            for (size_t j = 0; j < i; j++)
                free(b->outputs[j]);
            cli_usage_error("input '%s' has no file name to name its output after",
                            b->inputs[i]);
        }
    }
    check_clashes(b);
    const char *names[] = {"output"};
    for (size_t i = 0; i < b->n; i++)
        cli_check_outputs((const char *const *)&b->inputs[i], 1,
                          (const char *const *)&b->outputs[i], names, 1);
}

/* ---- running ----------------------------------------------------------- */

static void free_batch(struct cli_batch *b)
{
    if (b->outputs)
        for (size_t i = 0; i < b->n; i++)
            free(b->outputs[i]);
    free(b->outputs);
    free(b->inputs);
    free(b->list_text);
    free(b->typed);
    free(b->batch_args);
    memset(b, 0, sizeof *b);
}

static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (char *const *)a, y = (uintptr_t) * (char *const *)b;
    return (x > y) - (x < y);
}

/* The typed command line without the batch options and the operands, for
 * the children's "# command:" header: "dsplab", the command, its other
 * options, then room for "INPUT -o OUTPUT" and a NULL. */
static char **header_args(const struct cli_batch *b, int *count)
{
    size_t n_skip = b->n_batch_args + b->n_operands;
    char **skip = cli_malloc(n_skip + 1, sizeof *skip);
    memcpy(skip, b->batch_args, b->n_batch_args * sizeof *skip);
    memcpy(skip + b->n_batch_args, b->inputs, b->n_operands * sizeof *skip);
    qsort(skip, n_skip, sizeof *skip, cmp_ptr);
    char **args = cli_malloc((size_t)b->argc + 5, sizeof *args);
    int k = 0;
    args[k++] = "dsplab";
    args[k++] = b->typed[0];
    for (int i = 1; i < b->argc; i++) {
        char *t = b->typed[i];
        if (strcmp(t, "--") == 0 || bsearch(&t, skip, n_skip, sizeof *skip, cmp_ptr))
            continue;
        args[k++] = t;
    }
    free(skip);
    *count = k;
    return args;
}

static size_t online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? (size_t)n : 1;
}

/* ---- the worker pool ---------------------------------------------------
 *
 * Up to `jobs` worker processes, forked once each, take input indices from
 * one shared task pipe (8-byte writes and reads, atomic) that the parent
 * keeps filled, skipping inputs whose output exists. A worker never waits
 * for the parent while work is queued. Each worker tells the parent on its
 * own report pipe when it starts an input; starting the next one, or
 * exiting with status 0, says the previous one is finished. One message per
 * input rather than two halves the parent's wake-ups, which compete with the
 * workers for the cores. A failing input ends its worker (cli_runtime_error
 * exits non-zero, as in the single-file command): the parent sees
 * end-of-file on that report pipe, counts the input it had started as
 * failed, and forks a new worker if work remains.
 * When every index is queued the parent closes the task pipe; the workers
 * drain it and exit. Forking once per worker rather than once per input
 * saves 0.1-0.4 ms per input, a large share of a short file's 1 ms.
 */
struct worker {
    pid_t pid;      /* 0: no process */
    int report;     /* worker -> parent (read end) */
    int busy;       /* has started an input (finished once it starts another) */
    size_t input;   /* that input */
};

/* A report: the worker has started this input. */
struct report {
    size_t input;
};

/* read() of a whole small message: 1 read, 0 end of file, -1 error. */
static int read_msg(int fd, void *buf, size_t n)
{
    ssize_t r;
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    return r == (ssize_t)n ? 1 : r == 0 ? 0 : -1;
}

/* write() of a whole small message, retried on EINTR. 0 on success. */
static int write_msg(int fd, const void *buf, size_t n)
{
    ssize_t w;
    do
        w = write(fd, buf, n);
    while (w < 0 && errno == EINTR);
    return w == (ssize_t)n ? 0 : -1;
}

struct pool {
    struct cli_batch *b;
    cli_batch_fn fn;
    void *ctx;
    struct worker *w;
    size_t jobs, alive;
    int task[2];    /* [0] workers read, [1] the parent writes (-1 once closed) */
    char **args;    /* the header's command line; room at args[argc0..] */
    int argc0;
};

/* The worker's life: inputs from the task pipe until it is closed and empty. */
CLI_NORETURN static void worker_loop(struct pool *p, int report)
{
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    size_t i;
    while (read_msg(p->task[0], &i, sizeof i) == 1 && i < p->b->n) {
        struct report r = {i};
        if (write_msg(report, &r, sizeof r) != 0)
            exit(1);   /* the parent is gone */
        char **args = p->args;
        args[p->argc0] = p->b->inputs[i];
        args[p->argc0 + 1] = "-o";
        args[p->argc0 + 2] = p->b->outputs[i];
        args[p->argc0 + 3] = NULL;
        cli_set_args(p->argc0 + 3, args);   /* copies the pointers */
        p->fn(p->ctx, p->b->inputs[i], p->b->outputs[i], 1);
    }
    exit(0);
}

/* Starts worker k. 0 on success; -1 (errno set) if no process could be made. */
static int worker_start(struct pool *p, size_t k)
{
    int report[2];
    if (pipe(report) != 0)
        return -1;
    fflush(NULL);   /* the child must not write the parent's buffers again */
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(report[0]);
        close(report[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        /* Only the parent may hold the write end of the task pipe and the
         * other workers' report pipes, or their end of file would never come. */
        for (size_t o = 0; o < p->jobs; o++)
            if (p->w[o].pid)
                close(p->w[o].report);
        if (p->task[1] >= 0)
            close(p->task[1]);
        close(report[0]);
        worker_loop(p, report[1]);
    }
    close(report[1]);
    p->w[k] = (struct worker){.pid = pid, .report = report[0]};
    p->alive++;
    return 0;
}

/* Removes what a killed worker left of `output`: its staged name
 * "<output>.tmpXXXXXX[.npy]" (cli_stage_output) and the writer's temporary
 * beside that (datafile.c's naming), never the output itself. */
static void remove_temps(const char *output)
{
    const char *slash = strrchr(output, '/');
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - output) : 1, slash ? output : ".");
    const char *base = slash ? slash + 1 : output;
    size_t len = strlen(base);
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, base, len) == 0 && strncmp(e->d_name + len, ".tmp", 4) == 0 &&
            strlen(e->d_name) >= len + 10) {
            char path[8200];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
}

/* The signal that interrupted the batch (SIGINT, SIGTERM, SIGHUP), or 0. */
static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    interrupted = sig;
}

/* Worker k's report pipe ended: reap it. Returns WORKER_FAILED if it did
 * not exit cleanly while holding an input (that input failed), WORKER_DONE
 * if it exited cleanly (it found the task pipe closed and empty; *finished
 * is then 1 when its last input was done), else WORKER_GONE (killed
 * between inputs). */
enum { WORKER_DONE, WORKER_FAILED, WORKER_GONE };

static int worker_end(struct pool *p, size_t k, int *finished)
{
    struct worker *w = &p->w[k];
    close(w->report);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    int clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    int result = clean ? WORKER_DONE : w->busy ? WORKER_FAILED : WORKER_GONE;
    *finished = clean && w->busy;
    if (w->busy && WIFSIGNALED(status)) {
        if (!interrupted)
            fprintf(stderr, "dsplab: %s: killed by signal %d (%s)\n", p->b->inputs[w->input],
                    WTERMSIG(status), strsignal(WTERMSIG(status)));
        remove_temps(p->b->outputs[w->input]);
    }
    w->pid = 0;
    w->busy = 0;
    p->alive--;
    return result;
}

int cli_batch_run(struct cli_batch *b, cli_batch_fn fn, void *ctx)
{
    if (!b->out_dir) {
        fn(ctx, b->inputs[0], b->output, 0);
        free_batch(b);
        return 0;
    }
    cli_make_out_dir(b->out_dir);
    cli_keep_out_dir();   /* a worker's failure must not remove the others' folder */
    struct pool p = {.b = b, .fn = fn, .ctx = ctx};
    /* More workers than inputs or than CPUs only compete for the cores. */
    p.jobs = b->jobs ? b->jobs : online_cpus();
    if (p.jobs > online_cpus())
        p.jobs = online_cpus();
    if (p.jobs > b->n)
        p.jobs = b->n > 0 ? b->n : 1;
    p.w = cli_malloc(p.jobs, sizeof *p.w);
    memset(p.w, 0, p.jobs * sizeof *p.w);
    p.args = header_args(b, &p.argc0);
    if (pipe(p.task) != 0)
        cli_runtime_error(NULL, "cannot make a pipe: %s", strerror(errno));
    /* The parent fills the task pipe as far as it goes and never blocks on it. */
    int fl = fcntl(p.task[1], F_GETFL);
    if (fl < 0 || fcntl(p.task[1], F_SETFL, fl | O_NONBLOCK) != 0)
        cli_runtime_error(NULL, "cannot set up the task pipe: %s", strerror(errno));
    /* A write to a pipe nobody reads any more fails with EPIPE instead. */
    void (*old_sigpipe)(int) = signal(SIGPIPE, SIG_IGN);
    /* Ctrl-C (or a TERM/HUP) stops the workers, removes their temporaries
     * and reports what was done before the tool dies of the signal; no
     * SA_RESTART, so poll() returns. */
    const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction stop = {.sa_handler = on_interrupt}, old_stop[3];
    sigemptyset(&stop.sa_mask);
    for (int i = 0; i < 3; i++)
        sigaction(stop_signals[i], &stop, &old_stop[i]);
    struct pollfd *fds = cli_malloc(p.jobs + 1, sizeof *fds);

    size_t next = 0, queued = 0, started = 0, written = 0, skipped = 0, failed = 0;
    int drained = 0;
    struct cli_progress progress;
    cli_progress_begin(&progress, cli_command);
    while (!interrupted) {
        /* Queue inputs until the pipe is full or none are left. */
        while (p.task[1] >= 0 && next < b->n) {
            if (!b->force && access(b->outputs[next], F_OK) == 0) {
                skipped++;
                next++;
                continue;
            }
            if (write_msg(p.task[1], &next, sizeof next) != 0)
                break;   /* full (EAGAIN): the workers will drain it */
            next++;
            queued++;
        }
        if (next == b->n && p.task[1] >= 0) {
            close(p.task[1]);   /* end of file for the workers once drained */
            p.task[1] = -1;
        }
        /* Start workers while queued inputs outnumber the idle workers (at
         * the start, or after a failure ended one), until one finds the
         * closed pipe empty. `waiting` may count an input a killed worker
         * took without reporting it; `drained` ends the starting anyway. */
        size_t waiting = queued - started, idle = p.alive;
        for (size_t k = 0; k < p.jobs; k++)
            idle -= p.w[k].pid && p.w[k].busy;
        for (size_t k = 0; k < p.jobs && !drained && waiting > idle; k++) {
            if (p.w[k].pid)
                continue;
            if (worker_start(&p, k) != 0) {
                if (p.alive > 0)
                    break;   /* out of processes or descriptors: go on with these */
                cli_runtime_error(NULL, "cannot start a worker process: %s", strerror(errno));
            }
            idle++;
        }
        if (p.alive == 0)
            break;   /* nothing queued, nobody working */
        /* Wait for reports, or for room in the task pipe. */
        size_t n_fds = 0;
        for (size_t k = 0; k < p.jobs; k++)
            if (p.w[k].pid)
                fds[n_fds++] = (struct pollfd){.fd = p.w[k].report, .events = POLLIN};
        if (p.task[1] >= 0)
            fds[n_fds++] = (struct pollfd){.fd = p.task[1], .events = POLLOUT};
        if (interrupted)
            break;
        if (poll(fds, (nfds_t)n_fds, -1) < 0) {
            if (errno == EINTR)
                continue;
            cli_runtime_error(NULL, "waiting for the worker processes: %s", strerror(errno));
        }
        for (size_t k = 0, f = 0; k < p.jobs; k++) {
            if (!p.w[k].pid)
                continue;
            if (!fds[f++].revents)
                continue;
            struct report r;
            if (read_msg(p.w[k].report, &r, sizeof r) != 1) {
                int finished = 0;
                int how = worker_end(&p, k, &finished);   /* it exited */
                written += (size_t)finished;
                failed += how == WORKER_FAILED;
                drained |= how == WORKER_DONE;
            } else {
                written += (size_t)p.w[k].busy;   /* its previous input is done */
                p.w[k].busy = 1;
                p.w[k].input = r.input;
                started++;
            }
        }
        cli_progress_update(&progress, written + skipped + failed, b->n);
    }
    cli_progress_end(&progress);
    close(p.task[0]);
    if (p.task[1] >= 0)
        close(p.task[1]);
    if (interrupted) {
        for (size_t k = 0; k < p.jobs; k++)
            if (p.w[k].pid)
                kill(p.w[k].pid, SIGTERM);
        int finished;
        for (size_t k = 0; k < p.jobs; k++)
            if (p.w[k].pid)
                worker_end(&p, k, &finished);
        fprintf(stderr, "%s: interrupted: %zu written, %zu skipped, %zu failed, %zu not done\n",
                cli_command, written, skipped, failed, b->n - written - skipped - failed);
        int sig = interrupted;
        signal(sig, SIG_DFL);   /* die of it, so the shell sees why */
        raise(sig);
        exit(128 + sig);
    }
    for (int i = 0; i < 3; i++)
        sigaction(stop_signals[i], &old_stop[i], NULL);
    signal(SIGPIPE, old_sigpipe);
    /* An input a worker took but never reported (killed between the two)
     * is lost; say so rather than count it as done. */
    size_t lost = b->n - written - skipped - failed;
    if (lost > 0)
        fprintf(stderr, "dsplab: %zu inputs were taken by a worker that was killed before it "
                "started them\n", lost);
    failed += lost;
    fprintf(stderr, "%s: %zu written, %zu skipped, %zu failed\n", cli_command, written, skipped,
            failed);
    free(fds);
    free(p.args);
    free(p.w);
    free_batch(b);
    return failed > 0 ? 1 : 0;
}
