/*
 * rpc_proxy.c — the judge's side of an exercise call (see rpc.h).
 *
 * Runs in the trusted test process (isolate.c's child). The first exercise
 * call of a test starts the worker in the sandbox; each call sends its
 * request and reads the reply, trusting nothing in it but values of the
 * sizes this side expects. If the worker dies, stops answering sensibly or
 * exceeds its limits, the test ends there with a CRASH, TIMEOUT or FAIL
 * verdict (iso_child_end): no reply, no points.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <dsplab/status.h>

#include "fdio.h"
#include "harness.h"
#include "memreport.h"
#include "rpc.h"
#include "sandbox.h"

#define FILE_CAP ((uint64_t)64 << 20)
#define MSG_CAP 512
enum { MAX_SLOTS = 64, MAX_FILES = 8 };

static struct rpc_setup setup;

struct out_slot {
    void *data;
    size_t bytes, elem_size;
    const char *name;
};

/* every array sent, in order: what a memory report refers to */
struct arg_slot {
    const char *name;
    size_t bytes, elem_size;
};

static struct {
    unsigned char *buf;
    size_t len, cap;
    int oom;
    struct out_slot outs[MAX_SLOTS];
    size_t n_outs;
    struct arg_slot args[MAX_SLOTS];
    size_t n_args;
    const char *files[MAX_FILES];
    size_t n_files;
} req;

static pid_t worker_pid = -1;
static int to_worker = -1, from_worker = -1;

void rpc_proxy_setup(const struct rpc_setup *s)
{
    setup = *s;
    /* One kept sandbox for all of a worker's tests (sandbox.h): a test then
     * costs a fork and an exec in it instead of a bubblewrap start. Started
     * again when it is gone (a test's code may kill it). */
    static char pooled[4096];
    if (setup.worker && setup.launcher && sb_active(NULL) == 1 &&
        (sb_pool_pid() < 0 || strcmp(pooled, setup.worker) != 0)) {
        struct sb_bind bind = {setup.worker, "/grader/worker", 0};
        struct sb_spec spec = {0};
        spec.binds = &bind;
        spec.n_binds = 1;
        spec.tmp_bytes = (size_t)64 << 20;
        pooled[0] = '\0';
        if (sb_pool_start(&spec, setup.launcher) == 0)
            snprintf(pooled, sizeof pooled, "%s", setup.worker);
    }
}

static void put(const void *p, size_t n)
{
    if (req.oom)
        return;
    if (req.len + n > req.cap) {
        size_t cap = req.cap ? req.cap : 4096;
        while (cap < req.len + n)
            cap *= 2;
        unsigned char *b = realloc(req.buf, cap);
        if (!b) {
            req.oom = 1;
            return;
        }
        req.buf = b;
        req.cap = cap;
    }
    memcpy(req.buf + req.len, p, n);
    req.len += n;
}

void rpc_scalar(void *value, size_t size)
{
    put(value, size);
}

void rpc_array(void *slot, size_t count, size_t elem_size, enum rpc_dir dir, const char *name)
{
    void *ptr;
    memcpy(&ptr, slot, sizeof ptr);
    unsigned char present = ptr != NULL;
    put(&present, 1);
    if (!present)
        return;
    uint64_t bytes = (uint64_t)count * elem_size;
    put(&bytes, sizeof bytes);
    put(ptr, (size_t)bytes);
    if (req.n_args < MAX_SLOTS)
        req.args[req.n_args++] = (struct arg_slot){name, (size_t)bytes, elem_size};
    else
        req.oom = 1;
    if (dir == RPC_DIR_OUT && req.n_outs < MAX_SLOTS)
        req.outs[req.n_outs++] = (struct out_slot){ptr, (size_t)bytes, elem_size, name};
    else if (dir == RPC_DIR_OUT)
        req.oom = 1;
}

void rpc_file_out(void *slot)
{
    const char *path;
    memcpy(&path, slot, sizeof path);
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path ? path : "";
    uint32_t len = (uint32_t)strlen(base);
    if (len == 0 || len > 200 || req.n_files == MAX_FILES) {
        req.oom = 1;
        return;
    }
    put(&len, sizeof len);
    put(base, len);
    req.files[req.n_files++] = path;
}

/* ---- ending the test ---- */

static void reset(void)
{
    req.len = 0;
    req.n_outs = req.n_files = req.n_args = 0;
    req.oom = 0;
}

static void stop_worker(void)
{
    if (worker_pid > 0) {
        kill(worker_pid, SIGKILL);
        waitpid(worker_pid, NULL, 0);
    }
    worker_pid = -1;
}

/* The worker is gone: why, in the terms of a test verdict. */
static void worker_died(const char *name) __attribute__((noreturn));
static void worker_died(const char *name)
{
    close(to_worker);
    close(from_worker);
    to_worker = from_worker = -1;
    int status = 0;
    if (worker_pid > 0)
        waitpid(worker_pid, &status, 0);
    worker_pid = -1;
    int sig = 0, code = 0;
    if (WIFSIGNALED(status))
        sig = WTERMSIG(status);
    else if (WIFEXITED(status)) {
        code = WEXITSTATUS(status);
        /* bwrap reports a command killed by a signal as 128 + signal */
        if (sb_active(NULL) == 1 && code > 128 && code < 128 + 65)
            sig = code - 128;
    }
    char line[256];
    if (sig == SIGXCPU) {
        snprintf(line, sizeof line, "%s ran over the test's CPU-time limit", name);
        harness_note_line(line);
        iso_child_end(ISO_TIMEOUT, sig);
    }
    if (sig) {
        snprintf(line, sizeof line, "%s crashed (%s)", name, iso_signal_name(sig));
        harness_note_line(line);
        iso_child_end(ISO_CRASH, sig);
    }
    if (code == 1 && setup.as_bytes == 0) /* a sanitizer build: its reports exit 1 */
        snprintf(line, sizeof line,
                 "%s ended its process (exit status 1): a sanitizer's report (below), or exit(1)",
                 name);
    else
        snprintf(line, sizeof line, "%s ended its process (exit status %d) instead of returning",
                 name, code);
    harness_note_line(line);
    iso_child_end(ISO_EXITED, code);
}

static void malformed(const char *name, const char *what) __attribute__((noreturn));
static void malformed(const char *name, const char *what)
{
    char line[256];
    stop_worker();
    snprintf(line, sizeof line,
             "%s: its process sent a malformed reply (%s): only the values an exercise "
             "returns can be graded",
             name, what);
    harness_note_line(line);
    iso_child_end(ISO_FAIL, 0);
}

static void fail_test(const char *text) __attribute__((noreturn));
static void fail_test(const char *text)
{
    harness_note_line(text);
    iso_child_end(ISO_FAIL, 0);
}

/* ---- a memory error the worker reported instead of its reply ---- */

static void read_or_died(const char *name, void *buf, size_t n)
{
    if (fd_read_full(from_worker, buf, n) != 0)
        worker_died(name);
}

/* The arrays' addresses, in the request's order; their sizes must be the
 * ones this side sent. */
static void read_layout(const char *name, struct mem_array *arrays)
{
    uint32_t n;
    read_or_died(name, &n, sizeof n);
    if (n != req.n_args)
        malformed(name, "a memory report with the wrong arrays");
    for (uint32_t i = 0; i < n; i++) {
        uint64_t base, bytes;
        read_or_died(name, &base, sizeof base);
        read_or_died(name, &bytes, sizeof bytes);
        if (bytes != req.args[i].bytes)
            malformed(name, "a memory report with the wrong arrays");
        arrays[i] = (struct mem_array){req.args[i].name, req.args[i].elem_size,
                                       req.args[i].bytes, base};
    }
}

/* "FLT1" (the fence's fault handler) or "SAN1" (AddressSanitizer) came
 * instead of "RET1": read it, name the error in the student's terms, end
 * the test. A forged report lands here too, and fails its test the same. */
static void memory_error(const char *name, int sanitizer) __attribute__((noreturn));
static void memory_error(const char *name, int sanitizer)
{
    static struct mem_fault f;
    struct mem_array arrays[MAX_SLOTS];
    memset(&f, 0, sizeof f);
    if (!sanitizer) {
        uint32_t sig, access, pc_exact, n;
        uint64_t offsets[MEM_MAX_FRAMES];
        read_or_died(name, &sig, sizeof sig);
        read_or_died(name, &access, sizeof access);
        read_or_died(name, &f.addr, sizeof f.addr);
        read_or_died(name, &f.sp, sizeof f.sp);
        read_or_died(name, &pc_exact, sizeof pc_exact);
        read_or_died(name, &n, sizeof n);
        if ((sig != SIGSEGV && sig != SIGBUS) || access > MEM_UNKNOWN || n > MEM_MAX_FRAMES)
            malformed(name, "a memory report out of range");
        read_or_died(name, offsets, n * sizeof offsets[0]);
        read_layout(name, arrays);
        f.sig = (int)sig;
        f.access = (enum mem_access)access;
        f.have_addr = 1;
        f.pc_exact = pc_exact != 0;
        /* a return address is the instruction after the call: step back
         * into the call's line */
        for (uint32_t i = 0; i < n; i++)
            f.offsets[i] = offsets[i] - (i == 0 && f.pc_exact ? 0 : 1);
        f.n_offsets = n;
    } else {
        enum { TEXT_CAP = 32 * 1024 };
        static char text[TEXT_CAP];
        uint32_t len;
        read_layout(name, arrays);
        read_or_died(name, &len, sizeof len);
        if (len > TEXT_CAP)
            malformed(name, "a sanitizer report too long");
        read_or_died(name, text, len);
        if (mem_parse_asan(text, len, "/worker", &f) != 0)
            malformed(name, "a sanitizer report without its header");
    }
    stop_worker();
    mem_symbolize(setup.worker, &f);

    const char *files[32];
    char src_dir[4200];
    struct mem_sources src;
    mem_sources_of_lesson(&src, files, 32, src_dir, sizeof src_dir, setup.worker);
    char text[2048];
    mem_describe(text, sizeof text, name, &f, arrays, req.n_args, &src);
    for (char *line = text, *nl; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        if (!nl)
            break;
        *nl = '\0';
        harness_note_line(line);
    }
    reset();
    iso_child_end(ISO_CRASH, f.sig | ISO_SIG_EXPLAINED);
}

/* ---- talking to the worker ---- */

static void start_worker(void)
{
    int rq[2], rp[2];
    signal(SIGPIPE, SIG_IGN); /* a dead worker shows as EOF / EPIPE, not a signal */
    if (pipe(rq) != 0 || pipe(rp) != 0)
        fail_test("grader: cannot create a pipe to the exercise's process");
    struct sb_bind bind = {setup.worker, "/grader/worker", 0};
    struct sb_spec spec = {0};
    spec.binds = &bind;
    spec.n_binds = 1;
    spec.tmp_bytes = (size_t)64 << 20;
    spec.pooled = 1;
    int sandboxed = sb_active(NULL) == 1;
    spec.chdir = sandboxed ? "/tmp" : setup.scratch;
    spec.cpu_s = setup.cpu_s;
    spec.as_bytes = setup.as_bytes;
    spec.fsize_bytes = (size_t)64 << 20;
    char *argv[] = {(char *)sb_path(&bind), (char *)(sandboxed ? "/tmp" : setup.scratch), NULL};
    int keep[2] = {rq[0], rp[1]};
    worker_pid = sb_spawn(&spec, argv, -1, keep, 2, 0);
    close(rq[0]);
    close(rp[1]);
    if (worker_pid < 0) {
        close(rq[1]);
        close(rp[0]);
        fail_test("grader: cannot start the exercise's process");
    }
    fcntl(rq[1], F_SETFD, FD_CLOEXEC);
    fcntl(rp[0], F_SETFD, FD_CLOEXEC);
    to_worker = rq[1];
    from_worker = rp[0];
}

static long file_of(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < rpc_lesson.n_files; i++) {
        const char *p = rpc_lesson.files[i].functions;
        while (*p) {
            while (*p == ' ')
                p++;
            size_t k = strcspn(p, " ");
            if (k == n && strncmp(p, name, n) == 0)
                return (long)i;
            p += k;
        }
    }
    return -1;
}

/* Replaces what cannot be shown on a terminal. */
static void clean_text(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
            *s = '?';
}

int rpc_proxy_call(const char *name)
{
    long fi = file_of(name);
    char line[1200];
    if (fi >= 0 && setup.file_problem && setup.file_problem[fi]) {
        reset();
        snprintf(line, sizeof line, "%s was not graded: %s", rpc_lesson.files[fi].file,
                 setup.file_problem[fi]);
        fail_test(line);
    }
    if (!setup.worker) {
        reset();
        fail_test("the lesson's exercises could not be linked into a program (see the build "
                  "messages above)");
    }
    if (req.oom) {
        reset();
        fail_test("grader: out of memory packing the exercise's arguments");
    }
    if (worker_pid < 0)
        start_worker();

    uint32_t name_len = (uint32_t)strlen(name);
    uint64_t len = req.len;
    if (fd_write_full(to_worker, "RPC1", 4) != 0 ||
        fd_write_full(to_worker, &name_len, sizeof name_len) != 0 ||
        fd_write_full(to_worker, name, name_len) != 0 || fd_write_full(to_worker, &len, sizeof len) != 0 ||
        fd_write_full(to_worker, req.buf, req.len) != 0)
        worker_died(name);

    char magic[4];
    int32_t status;
    uint32_t msg_len;
    if (fd_read_full(from_worker, magic, 4) != 0)
        worker_died(name);
    if (memcmp(magic, "FLT1", 4) == 0 || memcmp(magic, "SAN1", 4) == 0)
        memory_error(name, magic[0] == 'S');
    if (memcmp(magic, "RET1", 4) != 0)
        malformed(name, "no header");
    if (fd_read_full(from_worker, &status, sizeof status) != 0 ||
        fd_read_full(from_worker, &msg_len, sizeof msg_len) != 0)
        worker_died(name);
    if (msg_len > MSG_CAP)
        malformed(name, "an error message too long");
    char msg[MSG_CAP + 1];
    if (fd_read_full(from_worker, msg, msg_len) != 0)
        worker_died(name);
    msg[msg_len] = '\0';
    for (size_t i = 0; i < req.n_outs; i++) {
        uint64_t bytes;
        if (fd_read_full(from_worker, &bytes, sizeof bytes) != 0)
            worker_died(name);
        if (bytes != req.outs[i].bytes)
            malformed(name, "an output of the wrong length");
        if (fd_read_full(from_worker, req.outs[i].data, req.outs[i].bytes) != 0)
            worker_died(name);
    }
    for (size_t i = 0; i < req.n_files; i++) {
        unsigned char exists;
        uint64_t bytes;
        if (fd_read_full(from_worker, &exists, 1) != 0 ||
            fd_read_full(from_worker, &bytes, sizeof bytes) != 0)
            worker_died(name);
        if (bytes > FILE_CAP || (!exists && bytes))
            malformed(name, "an output file too large");
        unsigned char *data = malloc(bytes ? (size_t)bytes : 1);
        if (!data)
            fail_test("grader: out of memory for an output file");
        if (fd_read_full(from_worker, data, (size_t)bytes) != 0) {
            free(data);
            worker_died(name);
        }
        if (exists) {
            int fd = open(req.files[i], O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                          0644);
            int ok = fd >= 0 && fd_write_full(fd, data, (size_t)bytes) == 0;
            if (fd >= 0)
                close(fd);
            if (!ok) {
                free(data);
                fail_test("grader: cannot write the exercise's output file in the test's "
                          "scratch folder");
            }
        }
        free(data);
    }
    uint32_t hits;
    if (fd_read_full(from_worker, &hits, sizeof hits) != 0)
        worker_died(name);
    if (hits > req.n_outs)
        malformed(name, "too many guard reports");
    for (uint32_t i = 0; i < hits; i++) {
        uint32_t array;
        int64_t offset;
        if (fd_read_full(from_worker, &array, sizeof array) != 0 ||
            fd_read_full(from_worker, &offset, sizeof offset) != 0)
            worker_died(name);
        if (array >= req.n_outs)
            malformed(name, "a guard report for no array");
        const struct out_slot *o = &req.outs[array];
        struct mem_array a = {o->name, o->elem_size, o->bytes, 0};
        char phrase[300];
        mem_index_phrase(phrase, sizeof phrase, &a, offset);
        snprintf(line, sizeof line,
                 "%s wrote %s: %s", name, phrase,
                 offset < 0 ? "an index below 0 (k - 1 at k = 0?), or an unsigned count that "
                              "wrapped around?"
                            : "a loop bound off by one, or an unsigned count that wrapped "
                              "around?");
        harness_note_line(line);
    }
    if (hits) {
        reset();
        iso_child_end(ISO_FAIL, 0);
    }
    reset();
    if (status != DSP_OK) {
        clean_text(msg);
        dsp_fail(status, "%s", msg);
    }
    return status;
}
