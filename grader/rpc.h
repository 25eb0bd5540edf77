/*
 * rpc.h — how a lesson's exercise calls cross the sandbox boundary.
 *
 * The judge (the trusted grading program: suite.c + grader/) never contains
 * student code. When a test body calls an exercise, say dft_ex(x, n, X), it
 * calls a proxy of that name. The proxy sends the arguments to the worker
 * (the student's objects + grader/worker.c, running in a bubblewrap sandbox),
 * which calls the student's dft_ex and sends back its status and what it
 * wrote into the output arrays. The proxy copies those into the caller's
 * arrays and returns the status. The suite then judges them as before, in a
 * process the student's code never ran in.
 *
 * Each lesson describes its exercises once, in lessons/NN-topic/boundary.c.
 * That file is compiled twice: into the judge (the functions below become
 * the proxies) and, with RPC_SERVE defined, into the worker (the same
 * functions unpack a request and call the student's code). The body is
 * shared, so both sides agree on the order and sizes by construction:
 *
 *     RPC_FUNCTION(dft_ex, (const double *x, size_t n, double complex *X), (x, n, X))
 *     {
 *         RPC_SCALAR(n);          // a value: sent as is
 *         RPC_IN(x, n);           // n values read by the exercise
 *         RPC_OUT(X, n);          // n values the exercise writes (sent both ways)
 *         return RPC_CALL(dft_ex(x, n, X));
 *     }
 *
 * Lengths are expressions of values already sent (a scalar must come before
 * a length that uses it). They are the lengths exercise.h promises: the
 * caller allocates that much, and exactly that much comes back. A NULL
 * pointer arrives as NULL. In the worker each array ends where a page that
 * can be neither read nor written begins (a fence), after a guard zone of
 * known bytes: a read or write past the end crashes the test at once, a
 * write before the start is found after the call, and the judge names the
 * array, the index and (for the fence) the student's file:line
 * (grader/memreport.h). Under `make SAN=1` AddressSanitizer does the same
 * for both sides, and its report is told the same way. RPC_OUT_FILE(path) is an output file: the worker
 * gives the exercise a path inside its sandbox and the judge writes what the
 * exercise left there to the caller's path.
 *
 * The lesson's file table (RPC_FILES) names each exercise file, the
 * functions it must define (and nothing else), and the library functions it
 * may not call (the library's own version of the exercise), as
 * space-separated names; a name ending in '*' is a prefix.
 */
#ifndef DSPLAB_GRADER_RPC_H
#define DSPLAB_GRADER_RPC_H

#include <stddef.h>

struct rpc_file {
    const char *file;        /* "dft_ex.c" */
    const char *functions;   /* "dft_ex": the only global symbols it may define */
    const char *forbidden;   /* "dsp_dft* dsp_fft*": library functions it may not call */
};

struct rpc_lesson {
    const struct rpc_file *files;
    size_t n_files;
};

/* ---- the shared body's steps (grader/rpc_proxy.c in the judge,
 *      grader/worker.c in the worker) ---- */
enum rpc_dir { RPC_DIR_IN, RPC_DIR_OUT };
void rpc_scalar(void *value, size_t size);
void rpc_array(void *slot, size_t count, size_t elem_size, enum rpc_dir dir, const char *name);
void rpc_file_out(void *slot);

/* ---- argument-list helpers (up to 20 arguments) ---- */
#define RPC_CAT_(a, b) a##b
#define RPC_CAT(a, b) RPC_CAT_(a, b)
#define RPC_NARGS_(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, \
                   a18, a19, a20, n, ...)                                                       \
    n
#define RPC_NARGS(...) \
    RPC_NARGS_(__VA_ARGS__, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define RPC_MAP_1(f, a) f(a)
#define RPC_MAP_2(f, a, ...) f(a), RPC_MAP_1(f, __VA_ARGS__)
#define RPC_MAP_3(f, a, ...) f(a), RPC_MAP_2(f, __VA_ARGS__)
#define RPC_MAP_4(f, a, ...) f(a), RPC_MAP_3(f, __VA_ARGS__)
#define RPC_MAP_5(f, a, ...) f(a), RPC_MAP_4(f, __VA_ARGS__)
#define RPC_MAP_6(f, a, ...) f(a), RPC_MAP_5(f, __VA_ARGS__)
#define RPC_MAP_7(f, a, ...) f(a), RPC_MAP_6(f, __VA_ARGS__)
#define RPC_MAP_8(f, a, ...) f(a), RPC_MAP_7(f, __VA_ARGS__)
#define RPC_MAP_9(f, a, ...) f(a), RPC_MAP_8(f, __VA_ARGS__)
#define RPC_MAP_10(f, a, ...) f(a), RPC_MAP_9(f, __VA_ARGS__)
#define RPC_MAP_11(f, a, ...) f(a), RPC_MAP_10(f, __VA_ARGS__)
#define RPC_MAP_12(f, a, ...) f(a), RPC_MAP_11(f, __VA_ARGS__)
#define RPC_MAP_13(f, a, ...) f(a), RPC_MAP_12(f, __VA_ARGS__)
#define RPC_MAP_14(f, a, ...) f(a), RPC_MAP_13(f, __VA_ARGS__)
#define RPC_MAP_15(f, a, ...) f(a), RPC_MAP_14(f, __VA_ARGS__)
#define RPC_MAP_16(f, a, ...) f(a), RPC_MAP_15(f, __VA_ARGS__)
#define RPC_MAP_17(f, a, ...) f(a), RPC_MAP_16(f, __VA_ARGS__)
#define RPC_MAP_18(f, a, ...) f(a), RPC_MAP_17(f, __VA_ARGS__)
#define RPC_MAP_19(f, a, ...) f(a), RPC_MAP_18(f, __VA_ARGS__)
#define RPC_MAP_20(f, a, ...) f(a), RPC_MAP_19(f, __VA_ARGS__)
#define RPC_MAP(f, ...) RPC_CAT(RPC_MAP_, RPC_NARGS(__VA_ARGS__))(f, __VA_ARGS__)
#define RPC_ZERO(a) 0
#define RPC_ZEROS(...) RPC_MAP(RPC_ZERO, __VA_ARGS__)

#define RPC_SCALAR(v) rpc_scalar(&(v), sizeof(v))
#define RPC_IN(p, count) rpc_array(&(p), (size_t)(count), sizeof *(p), RPC_DIR_IN, #p)
#define RPC_OUT(p, count) rpc_array(&(p), (size_t)(count), sizeof *(p), RPC_DIR_OUT, #p)
#define RPC_OUT_FILE(path) rpc_file_out(&(path))

#if defined(__GNUC__)
#define RPC_MAYBE_UNUSED __attribute__((unused))
#else
#define RPC_MAYBE_UNUSED
#endif

/* The lesson's exercise files: RPC_FILES = { {...}, ... }; */
#define RPC_FILES static const struct rpc_file rpc_files[] RPC_MAYBE_UNUSED

#ifdef RPC_SERVE
/* ---- the worker: unpack, call the student's function, reply ---- */
struct rpc_served_fn {
    const char *name;
    int (*serve)(void);
};
/* Sends the reply (status, error message, outputs); returns status. */
int rpc_reply(int status);

#define RPC_FUNCTION(name, params, args)                                    \
    static int rpc_body_##name params;                                      \
    static int rpc_serve_##name(void) { return rpc_body_##name(RPC_ZEROS args); } \
    static int rpc_body_##name params
/* An exercise without arguments. */
#define RPC_FUNCTION_VOID(name)                                       \
    static int rpc_body_##name(void);                                 \
    static int rpc_serve_##name(void) { return rpc_body_##name(); }   \
    static int rpc_body_##name(void)
#define RPC_CALL(call) rpc_reply(call)
#define RPC_SERVED_ENTRY(name) {#name, rpc_serve_##name}
/* The exercises this lesson serves, by name. */
#define RPC_LESSON(...)                                                               \
    const struct rpc_served_fn rpc_served[] = {RPC_MAP(RPC_SERVED_ENTRY, __VA_ARGS__)}; \
    const size_t rpc_n_served = sizeof rpc_served / sizeof rpc_served[0]
extern const struct rpc_served_fn rpc_served[];
extern const size_t rpc_n_served;
#else
/* ---- the judge: the function the suite calls is the proxy ---- */
/* Sends the request, waits for the reply, copies the outputs back and
 * returns the exercise's status. The call expression is only type-checked
 * (sizeof does not evaluate it): the proxy must not call itself. */
int rpc_proxy_call(const char *name);

#define RPC_FUNCTION(name, params, args) int name params
#define RPC_FUNCTION_VOID(name) int name(void)
#define RPC_CALL(call) ((void)sizeof((call), 0), rpc_proxy_call(__func__))
#define RPC_LESSON(...) \
    const struct rpc_lesson rpc_lesson = {rpc_files, sizeof rpc_files / sizeof rpc_files[0]}
/* Weak: gradetool links no lesson, and sees NULL. */
extern const struct rpc_lesson rpc_lesson __attribute__((weak));
#endif

#endif
