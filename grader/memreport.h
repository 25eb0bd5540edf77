/*
 * memreport.h — a memory error, told in the student's terms.
 *
 * When an exercise reads or writes outside its arrays, the worker (untrusted)
 * sends the judge what it saw: the fault's address, read or write, and code
 * offsets in the worker program (grader/worker.c's fault handler), or
 * AddressSanitizer's report under `make SAN=1`. The judge (trusted) turns
 * that into one line such as
 *
 *     odf_ex read env[5], one past the end of its 5 values (odf.c:9)
 *
 * naming the argument from the lesson's boundary.c, the index, and the
 * student's own lines only (addr2line, run in the sandbox). Everything the
 * worker sent is treated as data of a test that already failed: a forged
 * report can only change the wording of its own failure.
 */
#ifndef DSPLAB_GRADER_MEMREPORT_H
#define DSPLAB_GRADER_MEMREPORT_H

#include <stddef.h>
#include <stdint.h>

enum { MEM_MAX_FRAMES = 16, MEM_TEXT = 160 };

/* An array argument of the call, as the judge described it and as the
 * worker placed it. */
struct mem_array {
    const char *name;      /* "env" (the boundary's argument name) */
    size_t elem_size;      /* bytes per value */
    size_t bytes;          /* the length the contract promises, in bytes */
    uint64_t base;         /* where the worker put it (from its report) */
};

enum mem_access { MEM_READ, MEM_WRITE, MEM_UNKNOWN };

struct mem_frame {
    char func[MEM_TEXT];   /* "" when unknown */
    char file[MEM_TEXT];   /* as the debug information names it */
    unsigned line;
};

struct mem_fault {
    int sig;                     /* SIGSEGV or SIGBUS; 0 for a sanitizer report */
    enum mem_access access;
    int have_addr;
    uint64_t addr, sp;           /* sp: 0 when unknown */
    char kind[64];               /* the sanitizer's name of the error ("" for a fault) */
    /* code offsets in the worker program still to be symbolized (the
     * first is exact when pc_exact, the others are return addresses) */
    uint64_t offsets[MEM_MAX_FRAMES];
    size_t n_offsets;
    int pc_exact;
    /* a leak (kind "memory-leak"): the totals of every leak reported */
    uint64_t leak_bytes, leak_objects;
    /* frames already symbolized (gcc's AddressSanitizer does it itself) */
    struct mem_frame frames[MEM_MAX_FRAMES];
    size_t n_frames;
};

/* Parses an AddressSanitizer report (any bytes, at most n) into f: the
 * error kind, the address, read or write, and its first stack (symbolized
 * frames, or offsets in the module whose path ends in worker_name). A
 * LeakSanitizer report gives kind "memory-leak", the bytes and blocks
 * leaked, and the first leak's allocation stack. Returns 0, or -1 when it
 * is no such report. */
int mem_parse_asan(const char *text, size_t n, const char *worker_name, struct mem_fault *f);

/* Symbolizes f->offsets with addr2line on the worker program (host path),
 * in the sandbox, appending to f->frames. Returns 0, or -1 (f unchanged)
 * when addr2line is missing or fails. */
int mem_symbolize(const char *worker, struct mem_fault *f);

/* The student's files: a frame counts when its file is "/src/<file>" (the
 * gate's sandbox) or "<src_dir>/<file>" for one of files[0..n_files). */
struct mem_sources {
    const char *const *files;
    size_t n_files;
    const char *src_dir;   /* the gate's source folder on the host, or NULL */
};

/* The lesson's files (rpc_lesson) and the gate's source folder, found
 * from the worker's host path (<build>/bin/worker, <build>/src/<file>).
 * files and dir are the caller's storage for s. */
void mem_sources_of_lesson(struct mem_sources *s, const char **files, size_t max_files, char *dir,
                           size_t dir_cap, const char *worker);

/* Writes the report's lines into buf (each line ending in '\n', no
 * indentation): what exercise did, to which array and index, and where
 * in the student's files; then a hint line. */
void mem_describe(char *buf, size_t cap, const char *exercise, const struct mem_fault *f,
                  const struct mem_array *arrays, size_t n_arrays,
                  const struct mem_sources *src);

/* The phrase for an access at byte offset off of array a (off < 0 before
 * its start, off >= bytes past its end): "odf[5], one past the end of its
 * 5 values". */
void mem_index_phrase(char *buf, size_t cap, const struct mem_array *a, int64_t off);

/* The first UndefinedBehaviorSanitizer line in out ("file:line:col:
 * runtime error: what"), said as "undefined behaviour: what (odf.c:9)"
 * when file is a student's file. Returns 0, or -1 when there is none. */
int mem_ubsan_line(const char *out, size_t n, const struct mem_sources *src, char *buf,
                   size_t cap);

#endif
