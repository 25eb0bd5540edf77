/*
 * worker.c — main() of the program that runs a student's exercises.
 *
 * The worker is the student's objects, the lesson's boundary.c compiled with
 * RPC_SERVE, this file and libdsplab. It runs inside the sandbox, one
 * process per test, started by the judge's first exercise call of that test
 * (grader/rpc_proxy.c). It reads requests on descriptor 3, calls the
 * student's function and writes the reply on descriptor 4; what the student
 * prints goes to descriptors 1 and 2, which the judge captures.
 *
 * Nothing here is trusted: the student's code shares this process and may
 * rewrite any of it. The judge therefore treats every reply as data: it
 * checks its framing and sizes, and only the values in it can earn points.
 *
 * Wire format (native byte order; both ends are built on this machine):
 *   request  "RPC1" u32 name_len, name, u64 payload_len, payload
 *            payload: each RPC_SCALAR's bytes; each array: u8 present,
 *            then (if present) u64 bytes and the bytes; each output file:
 *            u32 len and its base name
 *   reply    "RET1" i32 status, u32 msg_len, msg (dsp_last_error()),
 *            then for each present RPC_OUT array: u64 bytes and the bytes,
 *            for each output file: u8 exists, u64 bytes, the bytes, and
 *            u32 count of guard-zone hits, each u32 array, i64 byte offset
 *            (from the array's start; negative before it)
 *   or, when the exercise faults (SIGSEGV, SIGBUS), instead of the reply:
 *            "FLT1" u32 signal, u32 access (0 read, 1 write, 2 unknown),
 *            u64 address, u64 stack pointer, u32 pc_in_image, u32 n,
 *            n x u64 code offsets in this program (the pc first when
 *            pc_in_image, then return addresses), u32 arrays, and for each
 *            array of the request (in order): u64 address, u64 bytes
 *   or, under AddressSanitizer, when it reports an error, or when
 *   LeakSanitizer finds memory the returned exercise can no longer reach:
 *            "SAN1" u32 arrays, each u64 address and u64 bytes, then
 *            u32 len and the report's text (at most 32 KiB)
 *
 * Arrays: without AddressSanitizer, each array ends exactly where a page
 * that cannot be read or written begins (an "electric fence"), so the first
 * access one past its end faults at once, and a guard zone of known bytes
 * lies before its start. The fault handler (on its own stack) tells the
 * judge where it happened; the judge names the array, the index and the
 * student's line (grader/memreport.c). Under AddressSanitizer each array is
 * a plain malloc of its exact size, whose red zones the sanitizer checks.
 */
#define _GNU_SOURCE /* dl_iterate_phdr, REG_RIP */
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <ucontext.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/sched.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dsplab/status.h>

#define RPC_SERVE
#include "fdio.h"
#include "rpc.h"

enum { REQ_FD = 3, REPLY_FD = 4, MAX_SLOTS = 64 };
#define FILE_CAP ((size_t)64 << 20)

static unsigned char *payload;
static size_t payload_len, cursor;
static const char *scratch = ".";

/* Guard zones before every array: a pattern the exercise must not touch. */
#define GUARD 64
#define GUARD_BYTE 0xA5

#if defined(__SANITIZE_ADDRESS__)
#define WORKER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_ASAN 1
#endif
#endif
#ifndef WORKER_ASAN
#define WORKER_ASAN 0
#endif

struct out_slot {
    unsigned char *data;
    size_t bytes;
};
static struct out_slot outs[MAX_SLOTS];
static size_t n_outs;
/* Every array of the current call, in the request's order: where the
 * exercise got it (reported to the judge when it faults). */
static struct {
    uintptr_t base;
    size_t bytes;
} arrays[MAX_SLOTS];
static size_t n_arrays;
#if WORKER_ASAN
static void *owned[MAX_SLOTS];
static size_t n_owned;
#else
/* The fenced mappings, one per array position, kept from call to call:
 * a call reuses a mapping that is large enough (no system call). */
static struct {
    unsigned char *map;
    size_t len; /* the last page is the fence */
} fenced[MAX_SLOTS];
static size_t page_size;
#endif
static char file_paths[8][1024];
static size_t n_files;

/* A request the judge built cannot be malformed; if it is, stop. */
static void protocol_error(const char *what) __attribute__((noreturn));
static void protocol_error(const char *what)
{
    fprintf(stderr, "grader worker: bad request (%s)\n", what);
    _exit(90);
}

/* A reply that cannot be written: the judge is gone, so is the test. */
static void write_full(const void *buf, size_t n)
{
    if (fd_write_full(REPLY_FD, buf, n) != 0)
        _exit(92);
}

static void take(void *dst, size_t n)
{
    if (n > payload_len - cursor)
        protocol_error("short payload");
    memcpy(dst, payload + cursor, n);
    cursor += n;
}

void rpc_scalar(void *value, size_t size)
{
    take(value, size);
}

static void out_of_memory(size_t bytes) __attribute__((noreturn));
static void out_of_memory(size_t bytes)
{
    fprintf(stderr, "grader worker: out of memory for %zu bytes\n", bytes);
    _exit(93);
}

/* Memory for the next array of the call (n_arrays is its position). */
static unsigned char *array_memory(size_t bytes)
{
#if WORKER_ASAN
    /* exactly its size: the sanitizer's red zones do the rest */
    unsigned char *p = malloc(bytes ? bytes : 1);
    if (!p)
        out_of_memory(bytes);
    owned[n_owned++] = p;
    return p;
#else
    /* [...][guard zone][the array] | fence page (PROT_NONE) */
    size_t need_data = (bytes + GUARD + page_size - 1) / page_size * page_size;
    if (need_data < bytes)
        out_of_memory(bytes);
    size_t need = need_data + page_size;
    if (fenced[n_arrays].len < need) {
        if (fenced[n_arrays].map)
            munmap(fenced[n_arrays].map, fenced[n_arrays].len);
        fenced[n_arrays].map = NULL;
        fenced[n_arrays].len = 0;
        unsigned char *m = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                                -1, 0);
        if (m == MAP_FAILED)
            out_of_memory(bytes);
        if (mprotect(m + need - page_size, page_size, PROT_NONE) != 0) {
            munmap(m, need);
            out_of_memory(bytes);
        }
        fenced[n_arrays].map = m;
        fenced[n_arrays].len = need;
    }
    unsigned char *fence = fenced[n_arrays].map + fenced[n_arrays].len - page_size;
    unsigned char *data = fence - bytes;
    memset(data - GUARD, GUARD_BYTE, GUARD);
    return data;
#endif
}

void rpc_array(void *slot, size_t count, size_t elem_size, enum rpc_dir dir, const char *name)
{
    unsigned char present;
    void *ptr = NULL;
    take(&present, 1);
    if (present) {
        uint64_t bytes;
        take(&bytes, sizeof bytes);
        if (elem_size && count > SIZE_MAX / elem_size)
            protocol_error("length overflow");
        if (bytes != (uint64_t)(count * elem_size))
            protocol_error("array length");
        if (n_arrays == MAX_SLOTS || (dir == RPC_DIR_OUT && n_outs == MAX_SLOTS))
            protocol_error("too many arrays");
        unsigned char *data = array_memory((size_t)bytes);
        ptr = data;
        take(ptr, (size_t)bytes);
        arrays[n_arrays].base = (uintptr_t)data;
        arrays[n_arrays++].bytes = (size_t)bytes;
        if (dir == RPC_DIR_OUT)
            outs[n_outs++] = (struct out_slot){data, (size_t)bytes};
    }
    (void)name;
    memcpy(slot, &ptr, sizeof ptr);
}

void rpc_file_out(void *slot)
{
    uint32_t len;
    char name[256];
    take(&len, sizeof len);
    if (len == 0 || len >= sizeof name || n_files == sizeof file_paths / sizeof file_paths[0])
        protocol_error("file name");
    take(name, len);
    name[len] = '\0';
    char dir[400];
    snprintf(dir, sizeof dir, "%s/out", scratch);
    mkdir(dir, 0700);
    snprintf(file_paths[n_files], sizeof file_paths[0], "%s/%s", dir, name);
    unlink(file_paths[n_files]);
    const char *p = file_paths[n_files++];
    memcpy(slot, &p, sizeof p);
}

static void report_leaks(void);

int rpc_reply(int status)
{
    fflush(stdout);
    fflush(stderr);
    report_leaks();
    const char *msg = status != DSP_OK ? dsp_last_error() : "";
    uint32_t msg_len = msg ? (uint32_t)strnlen(msg, 512) : 0;
    int32_t st = status;
    write_full("RET1", 4);
    write_full(&st, sizeof st);
    write_full(&msg_len, sizeof msg_len);
    write_full(msg, msg_len);
    for (size_t i = 0; i < n_outs; i++) {
        uint64_t bytes = outs[i].bytes;
        write_full(&bytes, sizeof bytes);
        write_full(outs[i].data, outs[i].bytes);
    }
    for (size_t i = 0; i < n_files; i++) {
        unsigned char exists = 0;
        uint64_t bytes = 0;
        unsigned char *data = NULL;
        int fd = open(file_paths[i], O_RDONLY);
        struct stat st_file;
        if (fd >= 0 && fstat(fd, &st_file) == 0 && S_ISREG(st_file.st_mode) &&
            (size_t)st_file.st_size <= FILE_CAP) {
            data = malloc((size_t)st_file.st_size + 1);
            if (data && fd_read_full(fd, data, (size_t)st_file.st_size) == 0) {
                exists = 1;
                bytes = (uint64_t)st_file.st_size;
            }
        }
        if (fd >= 0)
            close(fd);
        write_full(&exists, 1);
        write_full(&bytes, sizeof bytes);
        if (exists)
            write_full(data, (size_t)bytes);
        free(data);
    }
    /* the guard byte changed nearest to the start of each output (past its
     * end is the fence, or under the sanitizer its red zone) */
    uint32_t hits = 0;
    struct {
        uint32_t array;
        int64_t offset;
    } hit[MAX_SLOTS];
    for (size_t i = 0; i < n_outs && !WORKER_ASAN; i++) {
        const unsigned char *d = outs[i].data;
        for (long k = -1; k >= -GUARD; k--)
            if (d[k] != GUARD_BYTE) {
                hit[hits].array = (uint32_t)i;
                hit[hits++].offset = k;
                break;
            }
    }
    write_full(&hits, sizeof hits);
    for (uint32_t i = 0; i < hits; i++) {
        write_full(&hit[i].array, sizeof hit[i].array);
        write_full(&hit[i].offset, sizeof hit[i].offset);
    }
    return status;
}

/*
 * No new processes and no other programs: a seccomp filter, installed before
 * any student code runs (the gate refuses constructors), makes fork, vfork,
 * execve and execveat fail with EPERM, and clone too unless it makes a
 * thread (CLONE_VM: threads share the 1 GiB address-space limit; the
 * sanitizers' leak checker needs one). clone3 reports ENOSYS, so that the C
 * library falls back to clone for threads. A fork bomb thus ends at once,
 * sandbox or not. x86-64 only; elsewhere the sandbox's limits remain.
 */
static void forbid_processes(void)
{
#if defined(__x86_64__)
#define DENY(nr, err)                                                 \
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1),                  \
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((err) & SECCOMP_RET_DATA))
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        /* the x32 ABI: refused as a whole */
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        DENY(__NR_fork, EPERM),
        DENY(__NR_vfork, EPERM),
        DENY(__NR_execve, EPERM),
        DENY(__NR_execveat, EPERM),
        DENY(__NR_clone3, ENOSYS),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_VM, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
#undef DENY
    struct sock_fprog prog = {(unsigned short)(sizeof filter / sizeof filter[0]), filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
        fprintf(stderr, "grader worker: cannot install the process filter\n");
        _exit(94);
    }
#endif
}

static void reset(void)
{
#if WORKER_ASAN
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
    n_owned = 0;
#endif
    n_arrays = n_outs = n_files = 0;
    free(payload);
    payload = NULL;
    payload_len = cursor = 0;
}

/* ---- telling the judge where a memory error happened ---- */

/* This program's code in memory: return addresses in it are sent as
 * offsets from its load address, which addr2line maps to lines. */
static uintptr_t image_base, image_lo, image_hi;
/* Frames above main's are not walked. */
static uintptr_t stack_hi;

static int find_image(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    image_base = (uintptr_t)info->dlpi_addr;
    image_lo = UINTPTR_MAX;
    for (int i = 0; i < info->dlpi_phnum; i++)
        if (info->dlpi_phdr[i].p_type == PT_LOAD) {
            uintptr_t lo = image_base + info->dlpi_phdr[i].p_vaddr;
            uintptr_t hi = lo + info->dlpi_phdr[i].p_memsz;
            if (lo < image_lo)
                image_lo = lo;
            if (hi > image_hi)
                image_hi = hi;
        }
    return 1; /* the first object is the program itself */
}

#if !WORKER_ASAN
static int in_image(uintptr_t a)
{
    return a >= image_lo && a < image_hi;
}
#endif

/* The report is built here (not on the small signal stack) and sent with
 * one write: no locks, no allocation, no stdio. */
static unsigned char report[4 + 4 * 4 + 3 * 8 + 32 * 8 + 4 + MAX_SLOTS * 16 + 64];
static size_t report_len;

static void put_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n && report_len < sizeof report; i++)
        report[report_len++] = b[i];
}

static void put_arrays(void)
{
    uint32_t na = (uint32_t)n_arrays;
    put_bytes(&na, sizeof na);
    for (size_t i = 0; i < n_arrays; i++) {
        uint64_t base = arrays[i].base, bytes = arrays[i].bytes;
        put_bytes(&base, sizeof base);
        put_bytes(&bytes, sizeof bytes);
    }
}

#if !WORKER_ASAN
enum { MAX_FRAMES = 16 };

static void on_fault(int sig, siginfo_t *si, void *context)
{
    uint32_t access = 2, sig32 = (uint32_t)sig, pc_in = 0, n = 0;
    uint64_t addr = (uint64_t)(uintptr_t)si->si_addr, sp = 0;
    uint64_t frames[MAX_FRAMES];
    uintptr_t pc = 0, fp = 0;
    const ucontext_t *uc = context;
#if defined(__x86_64__)
    pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    sp = (uint64_t)uc->uc_mcontext.gregs[REG_RSP];
    fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
    /* a page fault's error code: bit 1 set for a write */
    if (sig == SIGSEGV && si->si_code != SI_KERNEL)
        access = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 1 : 0;
#elif defined(__aarch64__)
    pc = (uintptr_t)uc->uc_mcontext.pc;
    sp = (uint64_t)uc->uc_mcontext.sp;
    fp = (uintptr_t)uc->uc_mcontext.regs[29];
#else
    (void)uc;
#endif
    if (pc && in_image(pc)) {
        pc_in = 1;
        frames[n++] = pc - image_base;
    } else if (sp && sp < stack_hi && (sp & 7) == 0) {
        /* in a library function without a frame of its own (memcpy, ...):
         * the return address on top of the stack, when it is ours */
        uintptr_t ret = *(const uintptr_t *)(uintptr_t)sp;
        if (in_image(ret))
            frames[n++] = ret - image_base;
    }
    /* the frame-pointer chain, while it stays on the stack and goes up */
    for (int guard = 0; fp && guard < 64 && n < MAX_FRAMES; guard++) {
        if (fp < sp || fp + 2 * sizeof(uintptr_t) > stack_hi || (fp & 7) != 0 ||
            fp - sp > ((uintptr_t)64 << 20))
            break;
        const uintptr_t *frame = (const uintptr_t *)fp;
        if (in_image(frame[1]))
            frames[n++] = frame[1] - image_base;
        if (frame[0] <= fp)
            break;
        fp = frame[0];
    }
    report_len = 0;
    put_bytes("FLT1", 4);
    put_bytes(&sig32, 4);
    put_bytes(&access, 4);
    put_bytes(&addr, 8);
    put_bytes(&sp, 8);
    put_bytes(&pc_in, 4);
    put_bytes(&n, 4);
    put_bytes(frames, n * sizeof frames[0]);
    put_arrays();
    (void)!write(REPLY_FD, report, report_len);
    /* then die of the signal, as without this handler */
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

static void report_leaks(void)
{
    /* without the sanitizer, leaks are not looked for */
}

static void catch_faults(void)
{
    static unsigned char alt[64 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    if (sigaltstack(&ss, NULL) == 0) {
        sigaction(SIGSEGV, &sa, NULL);
        sigaction(SIGBUS, &sa, NULL);
    }
}
#else
/* AddressSanitizer calls this with its whole report, just before the
 * process ends: the judge gets it with the arrays' addresses. */
void __asan_set_error_report_callback(void (*callback)(const char *));
static void on_asan_report(const char *text)
{
    enum { TEXT_CAP = 32 * 1024 };
    static unsigned char buf[8 + MAX_SLOTS * 16 + TEXT_CAP];
    uint32_t len = (uint32_t)strnlen(text, TEXT_CAP);
    report_len = 0;
    put_bytes("SAN1", 4);
    put_arrays();
    put_bytes(&len, 4);
    memcpy(buf, report, report_len);
    memcpy(buf + report_len, text, len);
    (void)!write(REPLY_FD, buf, report_len + len);
}

static void catch_faults(void)
{
    __asan_set_error_report_callback(on_asan_report);
}

/* Memory the exercise allocated and can no longer reach, once it has
 * returned: LeakSanitizer's report (written to a memory file instead of
 * stderr) goes to the judge as a sanitizer report, in place of the reply,
 * and the process ends, as after any other error. The worker's own
 * buffers are all still reachable from its globals here. */
int __lsan_do_recoverable_leak_check(void);
void __sanitizer_set_report_fd(void *fd);
static void report_leaks(void)
{
    int fd = memfd_create("leaks", MFD_CLOEXEC);
    if (fd < 0)
        return;
    __sanitizer_set_report_fd((void *)(uintptr_t)fd);
    int leaked = __lsan_do_recoverable_leak_check();
    __sanitizer_set_report_fd((void *)(uintptr_t)2);
    if (leaked) {
        static char text[32 * 1024];
        ssize_t n = pread(fd, text, sizeof text - 1, 0);
        text[n > 0 ? n : 0] = '\0';
        on_asan_report(text);
        _exit(1);
    }
    close(fd);
}

#if defined(__clang__)
/* clang's runtime symbolizes by starting llvm-symbolizer, which the
 * process filter forbids (five warnings a report): the judge symbolizes
 * the offsets itself. gcc's symbolizes in the process. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "symbolize=0";
}
#endif
#endif

int main(int argc, char **argv)
{
    if (argc > 1)
        scratch = argv[1];
    if (chdir(scratch) != 0)
        scratch = ".";
    setvbuf(stdout, NULL, _IOLBF, 0);
    char stack_mark;
    stack_hi = (uintptr_t)&stack_mark;
#if !WORKER_ASAN
    long ps = sysconf(_SC_PAGESIZE);
    page_size = ps > 0 ? (size_t)ps : 4096;
#endif
    dl_iterate_phdr(find_image, NULL);
    forbid_processes();
    catch_faults();
    for (;;) {
        char magic[4];
        uint32_t name_len;
        uint64_t len;
        char name[65];
        if (fd_read_full(REQ_FD, magic, 4) != 0)
            return 0; /* the judge closed the pipe: the test is over */
        if (memcmp(magic, "RPC1", 4) != 0 || fd_read_full(REQ_FD, &name_len, sizeof name_len) != 0 ||
            name_len == 0 || name_len >= sizeof name || fd_read_full(REQ_FD, name, name_len) != 0 ||
            fd_read_full(REQ_FD, &len, sizeof len) != 0)
            protocol_error("header");
        name[name_len] = '\0';
        payload = malloc(len ? (size_t)len : 1);
        if (!payload || fd_read_full(REQ_FD, payload, (size_t)len) != 0)
            protocol_error("payload");
        payload_len = (size_t)len;
        size_t i = 0;
        while (i < rpc_n_served && strcmp(rpc_served[i].name, name) != 0)
            i++;
        if (i == rpc_n_served)
            protocol_error("unknown exercise");
        rpc_served[i].serve();
        reset();
    }
}
