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
 */
#include <errno.h>
#include <fcntl.h>
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

/* Guard zones around every array: a pattern the exercise must not touch. */
#define GUARD 64
#define GUARD_BYTE 0xA5

struct out_slot {
    unsigned char *data;
    size_t bytes;
};
static struct out_slot outs[MAX_SLOTS];
static size_t n_outs;
static void *owned[MAX_SLOTS];
static size_t n_owned;
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
        if (n_owned == MAX_SLOTS || (dir == RPC_DIR_OUT && n_outs == MAX_SLOTS))
            protocol_error("too many arrays");
        /* Each array gets its own allocation with guard zones on both
         * sides: a write just outside an output is caught here; under
         * AddressSanitizer, further ones too. */
        unsigned char *block = malloc((size_t)bytes + 2 * GUARD);
        if (!block) {
            fprintf(stderr, "grader worker: out of memory for %llu bytes\n",
                    (unsigned long long)bytes);
            _exit(93);
        }
        memset(block, GUARD_BYTE, GUARD);
        memset(block + GUARD + bytes, GUARD_BYTE, GUARD);
        ptr = block + GUARD;
        take(ptr, (size_t)bytes);
        owned[n_owned++] = block;
        if (dir == RPC_DIR_OUT)
            outs[n_outs++] = (struct out_slot){ptr, (size_t)bytes};
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

int rpc_reply(int status)
{
    fflush(stdout);
    fflush(stderr);
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
    /* the first guard byte changed on each side of each output */
    uint32_t hits = 0;
    struct {
        uint32_t array;
        int64_t offset;
    } hit[2 * MAX_SLOTS];
    for (size_t i = 0; i < n_outs; i++) {
        const unsigned char *d = outs[i].data;
        for (long k = -1; k >= -GUARD; k--)
            if (d[k] != GUARD_BYTE) {
                hit[hits].array = (uint32_t)i;
                hit[hits++].offset = k;
                break;
            }
        for (size_t k = 0; k < GUARD; k++)
            if (d[outs[i].bytes + k] != GUARD_BYTE) {
                hit[hits].array = (uint32_t)i;
                hit[hits++].offset = (int64_t)(outs[i].bytes + k);
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
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
    n_owned = n_outs = n_files = 0;
    free(payload);
    payload = NULL;
    payload_len = cursor = 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        scratch = argv[1];
    if (chdir(scratch) != 0)
        scratch = ".";
    setvbuf(stdout, NULL, _IOLBF, 0);
    forbid_processes();
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
