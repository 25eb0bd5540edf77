/*
 * gate.c — what a submission may be, and how it becomes a worker program.
 *
 * For each exercise file the lesson lists (boundary.c's RPC_FILES):
 *   1. The submission's file must be a regular file (not a symbolic link)
 *      of at most 1 MiB. A missing file is graded as the lesson's stub.
 *      Anything else in the folder (headers, Makefiles, other names) is
 *      ignored, and the report says so.
 *   2. It is copied into the build folder and compiled on its own, inside
 *      the sandbox, with CPU and wall-clock limits. The only include paths
 *      are lib/include and the lesson's exercise.h; nothing else of the
 *      course (solutions, references, the grader) is in the sandbox.
 *   3. The object is checked (readelf, also in the sandbox, on the
 *      preprocessed source for the first rule):
 *        - no inline assembly (asm, __asm__; also .incbin), no #pragma weak
 *          or redefine_extname, in the student's own lines;
 *        - no constructors or destructors (.init_array, .fini_array,
 *          .ctors, .dtors, .preinit_array sections), no ifunc;
 *        - global definitions: exactly the file's exercise functions;
 *        - no references to the grader's or CUnit's symbols, main, the
 *          dynamic loader (dlopen, dlsym), or the library's own version of
 *          the exercise (the file's forbidden list).
 *   A file that fails a step is replaced by the lesson's stub object and
 *   its tests fail with the reason; the other exercises are still graded.
 *   4. The objects are linked with grader/worker.c, the lesson's boundary.c
 *      (serving side) and libdsplab into the worker, also in the sandbox.
 *
 * Compiles are cached per file: the object is reused while the file's
 * content, the compiler, the flags and exercise.h are unchanged.
 */
#define _DEFAULT_SOURCE /* realpath */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "sandbox.h"

#define SOURCE_CAP ((size_t)1 << 20)
#define GATE_VERSION "gate 7"

/* Never callable from a submission, whatever the lesson. */
static const char *const always_forbidden =
    "CU_* grade_* harness_* iso_* rep_* rpc_* sb_* gate_* plotfb_* refgen_* main "
    "dlopen dlmopen dlsym dlvsym __libc_start_main";

/* snprintf for paths and messages: cut at cap (paths here are far shorter). */
static void fmt(char *dst, size_t cap, const char *f, ...) __attribute__((format(printf, 3, 4)));
static void fmt(char *dst, size_t cap, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    vsnprintf(dst, cap, f, ap);
    va_end(ap);
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* A name as the report shows it: control characters and non-ASCII bytes
 * become '?', and it is cut at 80 characters. */
static void shown_name(char *dst, size_t cap, const char *name)
{
    size_t j = 0;
    for (size_t i = 0; name[i] && j + 4 < cap && i < 80; i++)
        dst[j++] = (unsigned char)name[i] < 0x20 || (unsigned char)name[i] >= 0x7f ? '?' : name[i];
    if (strlen(name) > 80 && j + 4 < cap)
        dst[j++] = '.', dst[j++] = '.', dst[j++] = '.';
    dst[j] = '\0';
}

static int valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n < 3 || n > 100 || strcmp(name + n - 2, ".c") != 0)
        return 0;
    for (size_t i = 0; i + 2 < n; i++)
        if (!isalnum((unsigned char)name[i]) && name[i] != '_' && name[i] != '-')
            return 0;
    return 1;
}

/* ---- hashing (a cache key, not a security boundary) ---- */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
    return fnv(h, s, strlen(s) + 1);
}

static uint64_t fnv_file(uint64_t h, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fnv_str(h, "(missing)");
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        h = fnv(h, buf, k);
    fclose(f);
    return h;
}

static uint64_t fnv_stat(uint64_t h, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fnv_str(h, "(missing)");
    long long v[3] = {(long long)st.st_size, (long long)st.st_mtim.tv_sec,
                      (long long)st.st_mtim.tv_nsec};
    return fnv(fnv_str(h, path), v, sizeof v);
}

/* ---- files ---- */

static int mkdirs(const char *path)
{
    char buf[4096];
    fmt(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    }
    return mkdir(buf, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

static char *read_small(const char *path, size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *d = malloc(cap + 1);
    size_t n = d ? fread(d, 1, cap, f) : 0;
    fclose(f);
    if (d) {
        d[n] = '\0';
        if (len)
            *len = n;
    }
    return d;
}

/* data into path through a temporary file and a rename (report.c's way). */
static int write_atomic(const char *path, const char *data, size_t n)
{
    struct rep_buf b = {(char *)data, n, n, 0};
    return rep_buf_commit(&b, path);
}

/* Copies the submitted file without following links; returns NULL and sets
 * *problem when it is not a plain file of reasonable size. */
static char *take_submission(const char *path, size_t *len, const char **problem)
{
    struct stat st;
    *problem = NULL;
    if (lstat(path, &st) != 0)
        return NULL; /* missing: the stub */
    if (S_ISLNK(st.st_mode)) {
        *problem = "it is a symbolic link; submit the file itself";
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *problem = "it is not a regular file";
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        *problem = "it cannot be read";
        return NULL;
    }
    if ((size_t)st.st_size > SOURCE_CAP) {
        close(fd);
        *problem = "it is larger than 1 MiB";
        return NULL;
    }
    char *d = malloc((size_t)st.st_size + 1);
    size_t n = 0;
    while (d && n < (size_t)st.st_size) {
        ssize_t k = read(fd, d + n, (size_t)st.st_size - n);
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    if (!d || n != (size_t)st.st_size) {
        free(d);
        *problem = "it cannot be read";
        return NULL;
    }
    d[n] = '\0';
    *len = n;
    return d;
}

/* ---- compiler command lines ---- */

struct argv {
    char *v[256];
    size_t n;
    char *owned;
};

static void argv_add(struct argv *a, const char *s)
{
    if (a->n + 1 < sizeof a->v / sizeof a->v[0])
        a->v[a->n++] = (char *)s;
    a->v[a->n] = NULL;
}

/* Splits a space-separated flag list (the Makefile's, not the student's),
 * without the sanitizer flags when plain is set. */
static void argv_split_flags(struct argv *a, char *words, int plain)
{
    for (char *w = strtok(words, " \t"); w; w = strtok(NULL, " \t"))
        if (!plain || (strncmp(w, "-fsanitize", 10) != 0 && strncmp(w, "-fno-sanitize", 13) != 0))
            argv_add(a, w);
}

static void argv_split(struct argv *a, char *words)
{
    argv_split_flags(a, words, 0);
}

/* The compiler's real path, so that it runs inside the sandbox without the
 * host's /etc/alternatives links. */
static const char *resolve_cc(const char *cc, char *buf, size_t cap)
{
    char found[4096] = "";
    if (strchr(cc, '/')) {
        fmt(found, sizeof found, "%s", cc);
    } else {
        const char *path = getenv("PATH");
        if (!path)
            path = "/usr/bin:/bin";
        while (*path && !found[0]) {
            size_t n = strcspn(path, ":");
            char cand[4096];
            fmt(cand, sizeof cand, "%.*s/%s", (int)n, path, cc);
            if (n && access(cand, X_OK) == 0)
                fmt(found, sizeof found, "%s", cand);
            path += n + (path[n] == ':');
        }
    }
    char *real = found[0] ? realpath(found, NULL) : NULL;
    fmt(buf, cap, "%s", real ? real : cc);
    free(real);
    return buf;
}

/* ---- the checks ---- */

static int pattern_match(const char *patterns, const char *name)
{
    const char *p = patterns;
    size_t n = strlen(name);
    while (*p) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k > 0 && p[k - 1] == '*') {
            if (n >= k - 1 && strncmp(p, name, k - 1) == 0)
                return 1;
        } else if (k == n && k > 0 && strncmp(p, name, n) == 0) {
            return 1;
        }
        p += k;
    }
    return 0;
}

/* Inline assembly or a symbol-renaming pragma in the student's own lines of
 * the preprocessed source (line markers say whose lines they are). */
static int scan_preprocessed(const char *pp, const char *own_path, char *why, size_t cap)
{
    int own = 0;
    long line = 1;
    const char *p = pp;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        if (n > 2 && p[0] == '#' && p[1] == ' ' && isdigit((unsigned char)p[2])) {
            char *end;
            long num = strtol(p + 2, &end, 10);
            const char *q = strchr(p, '"');
            if (q && q < p + n) {
                size_t fl = strlen(own_path);
                own = (size_t)(p + n - q) > fl + 1 && strncmp(q + 1, own_path, fl) == 0 &&
                      q[1 + fl] == '"';
            }
            line = num;
        } else {
            if (own && n > 7 && strncmp(p, "#pragma", 7) == 0) {
                const char *w = p + 7;
                while (*w == ' ' || *w == '\t')
                    w++;
                const char *word = strncmp(w, "weak", 4) == 0 ? "weak"
                                   : strncmp(w, "redefine_extname", 16) == 0 ? "redefine_extname"
                                                                             : NULL;
                if (word) {
                    fmt(why, cap, "#pragma %s renames symbols (line %ld)", word, line);
                    return 1;
                }
            }
            for (size_t i = 0; own && i < n;) {
                char c = p[i];
                if (c == '"' || c == '\'') { /* skip a literal */
                    i++;
                    while (i < n && p[i] != c) {
                        if (p[i] == '\\')
                            i++;
                        i++;
                    }
                    i++;
                } else if (isalpha((unsigned char)c) || c == '_') {
                    size_t j = i;
                    while (j < n && (isalnum((unsigned char)p[j]) || p[j] == '_'))
                        j++;
                    size_t k = j - i;
                    if ((k == 3 && strncmp(p + i, "asm", 3) == 0) ||
                        (k == 5 && strncmp(p + i, "__asm", 5) == 0) ||
                        (k == 7 && strncmp(p + i, "__asm__", 7) == 0)) {
                        fmt(why, cap, "inline assembly is not allowed (line %ld)", line);
                        return 1;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            line++;
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    return 0;
}

static int scan_sections(const char *sects, char *why, size_t cap)
{
    static const char *bad[] = {".init_array", ".fini_array", ".preinit_array", ".ctors",
                                ".dtors"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (strstr(sects, bad[i])) {
            fmt(why, cap,
                     "it has a constructor or destructor (a %s section): code that runs "
                     "before or after the tests is not allowed",
                     bad[i]);
            return 1;
        }
    return 0;
}

/* readelf -sW's symbol table as nm -P's "name letter value size" lines, the form
 * scan_symbols reads. readelf instead of nm: binutils' nm loads the LTO
 * plugins (LLVMgold, libLLVM), which cost more than the check itself. The
 * letters follow nm: U undefined, w weak undefined, i ifunc, T a global
 * function defined here, W a weak definition, u a unique global, D any
 * other global definition, and lowercase (ignored) for local symbols. */
static char *symbols_from_readelf(const char *elf)
{
    struct rep_buf out = {0};
    const char *p = elf;
    while (p && *p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[1024];
        if (n < sizeof line) {
            memcpy(line, p, n);
            line[n] = '\0';
            /* "  Num: Value Size Type Bind Vis Ndx Name" */
            char num[32], value[64], size[64], type[32], bind[32], vis[32], ndx[32];
            int name_at = 0;
            if (sscanf(line, " %31s %63s %63s %31s %31s %31s %31s %n", num, value, size, type,
                       bind, vis, ndx, &name_at) == 7 &&
                isdigit((unsigned char)num[0]) && num[strlen(num) - 1] == ':' &&
                name_at > 0 && line[name_at]) {
                const char *name = line + name_at;
                int undefined = strcmp(ndx, "UND") == 0;
                char letter;
                if (strcmp(type, "IFUNC") == 0)
                    letter = 'i';
                else if (strcmp(bind, "LOCAL") == 0)
                    letter = 'l';
                else if (undefined)
                    letter = strcmp(bind, "WEAK") == 0 ? 'w' : 'U';
                else if (strcmp(bind, "WEAK") == 0)
                    letter = 'W';
                else if (strcmp(bind, "UNIQUE") == 0)
                    letter = 'u';
                else
                    letter = strcmp(type, "FUNC") == 0 ? 'T' : 'D';
                /* names are the symbol's own, cut at a blank (a version) */
                rep_buf_printf(&out, "%.*s %c %s %s\n", (int)strcspn(name, " \t"), name, letter,
                               value, size);
            }
        }
        p = eol ? eol + 1 : NULL;
    }
    if (!out.data)
        rep_buf_put(&out, "", 0);
    return out.data;
}

static int scan_symbols(const char *syms, const struct rpc_file *f, char *why, size_t cap)
{
    const char *p = syms;
    int defined_count = 0;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char name[256], type = 0;
        size_t k = strcspn(p, " ");
        if (k > 0 && k < sizeof name && k + 2 < n + 1) {
            memcpy(name, p, k);
            name[k] = '\0';
            type = p[k + 1];
        }
        if (type) {
            int reference = type == 'U' || type == 'w' || type == 'v';
            if (reference) {
                if (pattern_match(always_forbidden, name)) {
                    fmt(why, cap, "it uses %s, which belongs to the grader or the system, "
                                       "not to exercises", name);
                    return 1;
                }
                if (f->forbidden && pattern_match(f->forbidden, name)) {
                    fmt(why, cap,
                             "it calls %s, the library's own version of this exercise: write "
                             "it yourself",
                             name);
                    return 1;
                }
            } else if (type == 'i') {
                fmt(why, cap, "%s is an indirect function (ifunc), which runs code at "
                                   "load time", name);
                return 1;
            } else if (isupper((unsigned char)type) || type == 'u') {
                if (!pattern_match(f->functions, name)) {
                    fmt(why, cap,
                             "it defines the global symbol %s: only %s may be defined here "
                             "(make helpers static)",
                             name, f->functions);
                    return 1;
                }
                if (type == 'T')
                    defined_count++;
            }
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    /* every exercise function of the file must be there */
    const char *q = f->functions;
    while (*q) {
        while (*q == ' ')
            q++;
        size_t k = strcspn(q, " ");
        if (k) {
            char fn[128];
            fmt(fn, sizeof fn, "%.*s", (int)k, q);
            char needle[160];
            fmt(needle, sizeof needle, "%s T ", fn);
            int found = strncmp(syms, needle, strlen(needle)) == 0;
            fmt(needle, sizeof needle, "\n%s T ", fn);
            found = found || strstr(syms, needle) != NULL;
            if (!found) {
                fmt(why, cap, "it does not define %s (as declared in exercise.h)", fn);
                return 1;
            }
        }
        q += k;
    }
    (void)defined_count;
    return 0;
}

/* The first lines of a compiler log, from the first error, with the
 * sandbox's /src/ prefix removed; at most max_lines lines. */
static void add_log_excerpt(struct rep_buf *t, const char *log, const char *from, int max_lines)
{
    if (!log)
        return;
    const char *start = from ? strstr(log, from) : NULL;
    if (start) {
        while (start > log && start[-1] != '\n')
            start--;
    } else {
        start = log;
    }
    int lines = 0;
    const char *p = start;
    while (*p && lines < max_lines) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[512];
        size_t j = 0;
        for (size_t i = 0; i < n && j + 1 < 200; i++) {
            if (strncmp(p + i, "/src/", 5) == 0) {
                i += 4;
                continue;
            }
            unsigned char c = (unsigned char)p[i];
            line[j++] = c < 0x20 && c != '\t' ? '?' : (char)c;
        }
        line[j] = '\0';
        rep_buf_printf(t, "    | %s%s\n", line, n > 200 ? " ..." : "");
        lines++;
        if (!eol)
            break;
        p = eol + 1;
    }
}

/* ---- one file ---- */

struct file_state {
    const char *object;    /* what gets linked (host path) */
    char object_buf[4200];
    char *problem;
    uint64_t key;
};

static void set_problem(struct file_state *fs, const char *why)
{
    free(fs->problem);
    fs->problem = xstrdup(why);
}

static void build_file(const struct gate_config *c, const struct rpc_file *f,
                       const char *cc_real, struct file_state *fs, struct rep_buf *msg)
{
    char path[4200], stub_obj[4200];
    fmt(path, sizeof path, "%s/%s", c->submission, f->file);
    fmt(stub_obj, sizeof stub_obj, "%s/stub/%s.o", c->judge_dir, f->file);
    fmt(fs->object_buf, sizeof fs->object_buf, "%s", stub_obj);
    fs->object = fs->object_buf;
    fs->key = fnv_str(14695981039346656037ULL, "stub");

    size_t len = 0;
    const char *why = NULL;
    char *src = take_submission(path, &len, &why);
    if (!src) {
        if (why) {
            set_problem(fs, why);
            rep_buf_printf(msg, "%s: not graded: %s\n", f->file, why);
        }
        return;
    }
    /* Still the lesson's stub, byte for byte: the judge's own object of
     * the stub stands in, as for a missing file (nothing of the student's
     * to compile or check; in a class, the exercises nobody started). */
    char stub_src[4200];
    fmt(stub_src, sizeof stub_src, "%s/stub/%s", c->lesson_dir, f->file);
    size_t stub_len = 0;
    char *stub = read_small(stub_src, SOURCE_CAP, &stub_len);
    int unchanged = stub && stub_len == len && memcmp(stub, src, len) == 0;
    free(stub);
    if (unchanged) {
        free(src);
        return;
    }
    char dir_src[4200], dir_obj[4200], dir_log[4200], exh[4200];
    fmt(dir_src, sizeof dir_src, "%s/src", c->build_dir);
    fmt(dir_obj, sizeof dir_obj, "%s/obj", c->build_dir);
    fmt(dir_log, sizeof dir_log, "%s/log", c->build_dir);
    fmt(exh, sizeof exh, "%s/exercise.h", c->lesson_dir);
    mkdirs(dir_src), mkdirs(dir_obj), mkdirs(dir_log);

    uint64_t key = fnv_str(14695981039346656037ULL, GATE_VERSION);
    key = fnv(key, src, len);
    key = fnv_str(fnv_str(key, cc_real), c->cflags ? c->cflags : "");
    key = fnv_file(key, exh);
    key = fnv_stat(key, c->include_dir);
    key = fnv_str(key, sb_active(NULL) == 1 ? "sandbox" : "direct");
    char key_hex[17];
    fmt(key_hex, sizeof key_hex, "%016llx", (unsigned long long)key);

    char verdict_path[4200], obj_path[4200], src_copy[4200], log_path[4200];
    fmt(verdict_path, sizeof verdict_path, "%s/%s.verdict", dir_obj, f->file);
    fmt(obj_path, sizeof obj_path, "%s/%s.o", dir_obj, f->file);
    fmt(src_copy, sizeof src_copy, "%s/%s", dir_src, f->file);
    fmt(log_path, sizeof log_path, "%s/%s.log", dir_log, f->file);

    /* The cache: "key\nok\n" or "key\nproblem text\n", then the messages. */
    size_t vlen = 0;
    char *cached = read_small(verdict_path, 1 << 20, &vlen);
    if (cached && strncmp(cached, key_hex, 16) == 0 && cached[16] == '\n') {
        char *status = cached + 17;
        char *nl = strchr(status, '\n');
        if (nl) {
            *nl = '\0';
            if (strcmp(status, "ok") == 0) {
                fmt(fs->object_buf, sizeof fs->object_buf, "%s", obj_path);
                fs->key = key;
            } else {
                set_problem(fs, status);
            }
            rep_buf_put(msg, nl + 1, strlen(nl + 1));
            free(cached);
            free(src);
            return;
        }
    }
    free(cached);

    struct rep_buf out = {0};
    if (write_atomic(src_copy, src, len) != 0) {
        free(src);
        set_problem(fs, "the grader could not copy it into its build folder");
        rep_buf_printf(&out, "%s: not graded: %s\n", f->file, fs->problem);
        rep_buf_put(msg, out.data ? out.data : "", out.len);
        free(out.data);
        return;
    }
    free(src);
    unlink(obj_path);

    struct sb_bind binds[] = {
        {src_copy, NULL, 0},
        {dir_obj, "/out", 1},
        {c->include_dir, "/dsplab/include", 0},
        {exh, "/dsplab/lesson/exercise.h", 0},
    };
    char inside_src[300];
    fmt(inside_src, sizeof inside_src, "/src/%s", f->file);
    binds[0].inside = inside_src;
    int sandboxed = sb_active(NULL) == 1;
    char inc1[4300], inc2[4300], obj_arg[4300], objdir[4300];
    fmt(inc1, sizeof inc1, "-I%s", sandboxed ? "/dsplab/include" : c->include_dir);
    fmt(inc2, sizeof inc2, "-I%s", sandboxed ? "/dsplab/lesson" : c->lesson_dir);
    fmt(objdir, sizeof objdir, "%s", sb_path(&binds[1]));
    fmt(obj_arg, sizeof obj_arg, "%s/%s.o", objdir, f->file);

    /* The checks read an object compiled without the sanitizers, whose
     * instrumentation adds constructors of its own; a sanitizer build then
     * compiles the same source again for the worker. */
    int sanitized = c->cflags && strstr(c->cflags, "-fsanitize=") != NULL;
    char *flags = xstrdup(c->cflags ? c->cflags : "");
    struct argv a = {0};
    /* sh preprocesses the file, compiles the preprocessed text (so the
     * headers are parsed once, and the checks below read exactly what was
     * compiled; without -I, -D and -U, which clang would call unused), then
     * runs readelf on the object; the names come as arguments, never as
     * shell text. */
    argv_add(&a, "/bin/sh");
    argv_add(&a, "-c");
    argv_add(&a, "out=$1; pp=$2; src=$3; shift 3; \"$@\" -E \"$src\" -o \"$pp\" || exit 1; "
                 "n=$#; for a in \"$@\"; do case $a in -I*|-D*|-U*) ;; *) set -- \"$@\" \"$a\";; "
                 "esac; done; shift $n; "
                 "\"$@\" -c \"$pp\" -o \"$out\" || exit 1; "
                 "readelf -sW \"$out\" > \"$out.syms\" && readelf -SW \"$out\" > \"$out.sects\" || "
                 "exit 3");
    argv_add(&a, "gate");
    argv_add(&a, obj_arg);
    char pp_arg[4400];
    fmt(pp_arg, sizeof pp_arg, "%s/%s.i", objdir, f->file);
    argv_add(&a, pp_arg);
    argv_add(&a, sb_path(&binds[0]));
    argv_add(&a, cc_real);
    argv_split_flags(&a, flags, 1);
    argv_add(&a, inc1);
    argv_add(&a, inc2);

    struct sb_spec spec = {0};
    spec.binds = binds;
    spec.n_binds = sizeof binds / sizeof binds[0];
    spec.chdir = sandboxed ? "/tmp" : dir_obj;
    spec.cpu_s = c->cpu_s;
    spec.as_bytes = (size_t)2 << 30;
    spec.fsize_bytes = (size_t)256 << 20;
    spec.keep_path = 1;
    int log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    struct sb_status st;
    int rc = sb_run(&spec, a.v, log_fd, c->wall_s, &st);
    if (log_fd >= 0)
        close(log_fd);
    free(flags);

    char why_buf[600] = "";
    char *log = read_small(log_path, 256 << 10, NULL);
    if (rc != 0) {
        fmt(why_buf, sizeof why_buf, "the grader could not start the compiler");
    } else if (st.timed_out || (st.exited && (st.code == 128 + 24 || st.code == 128 + 9)) ||
               (st.signaled && (st.sig == 24 || st.sig == 9))) {
        fmt(why_buf, sizeof why_buf,
                 "compiling it ran over the %.0f s limit (does it #include itself, or a "
                 "device?)",
                 st.timed_out ? c->wall_s : c->cpu_s);
    } else if (!st.exited || st.code == 1) {
        fmt(why_buf, sizeof why_buf, "it does not compile");
    } else if (st.code != 0) {
        fmt(why_buf, sizeof why_buf, "the grader could not inspect its object (status %d)",
                 st.code);
    } else {
        char pp_path[4300], syms_path[4300], sects_path[4300];
        fmt(pp_path, sizeof pp_path, "%s/%s.i", dir_obj, f->file);
        fmt(syms_path, sizeof syms_path, "%s.syms", obj_path);
        fmt(sects_path, sizeof sects_path, "%s.sects", obj_path);
        char *pp = read_small(pp_path, 64 << 20, NULL);
        if (!pp) { /* clang names it after the source's stem: dft_ex.i */
            fmt(pp_path, sizeof pp_path, "%s/%.*s.i", dir_obj, (int)(strlen(f->file) - 2),
                f->file);
            pp = read_small(pp_path, 64 << 20, NULL);
        }
        char *elf_syms = read_small(syms_path, 4 << 20, NULL);
        char *syms = elf_syms ? symbols_from_readelf(elf_syms) : NULL;
        free(elf_syms);
        char *sects = read_small(sects_path, 4 << 20, NULL);
        if (!pp || !syms || !sects)
            fmt(why_buf, sizeof why_buf, "the grader could not inspect its object");
        else if (!scan_preprocessed(pp, sb_path(&binds[0]), why_buf, sizeof why_buf) &&
                 !scan_sections(sects, why_buf, sizeof why_buf))
            scan_symbols(syms, f, why_buf, sizeof why_buf);
        free(pp);
        free(syms);
        free(sects);
        char tmp[4400];
        static const char *const temps[] = {"%s/%s.s", "%s/%.*s.s", "%s/%.*s.bc"};
        for (size_t t = 0; t < 3; t++) {
            if (t == 0)
                fmt(tmp, sizeof tmp, temps[t], dir_obj, f->file);
            else
                fmt(tmp, sizeof tmp, temps[t], dir_obj, (int)(strlen(f->file) - 2), f->file);
            unlink(tmp);
        }
        unlink(pp_path);
    }

    if (!why_buf[0] && sanitized) {
        char *flags2 = xstrdup(c->cflags);
        struct argv b = {0};
        argv_add(&b, cc_real);
        argv_split(&b, flags2);
        argv_add(&b, inc1);
        argv_add(&b, inc2);
        argv_add(&b, "-c");
        argv_add(&b, sb_path(&binds[0]));
        argv_add(&b, "-o");
        argv_add(&b, obj_arg);
        int fd2 = open(log_path, O_WRONLY | O_APPEND | O_CLOEXEC);
        rc = sb_run(&spec, b.v, fd2, c->wall_s, &st);
        if (fd2 >= 0)
            close(fd2);
        free(flags2);
        if (rc != 0 || !st.exited || st.code != 0)
            fmt(why_buf, sizeof why_buf, "it does not compile with the sanitizers");
    }
    if (why_buf[0]) {
        set_problem(fs, why_buf);
        rep_buf_printf(&out, "%s: not graded: %s\n", f->file, why_buf);
        if (strcmp(why_buf, "it does not compile") == 0)
            add_log_excerpt(&out, log, "error", 12);
        unlink(obj_path);
    } else {
        fmt(fs->object_buf, sizeof fs->object_buf, "%s", obj_path);
        fs->key = key;
        if (log && log[0]) {
            rep_buf_printf(&out, "%s: compiler warnings:\n", f->file);
            add_log_excerpt(&out, log, NULL, 12);
        }
    }
    free(log);
    rep_buf_put(msg, out.data ? out.data : "", out.len);

    struct rep_buf v = {0};
    rep_buf_printf(&v, "%s\n%s\n", key_hex, why_buf[0] ? why_buf : "ok");
    if (out.data)
        rep_buf_put(&v, out.data, out.len);
    if (v.data)
        write_atomic(verdict_path, v.data, v.len);
    free(v.data);
    free(out.data);
}

/* ---- linking ---- */

static int link_worker(const struct gate_config *c, const struct rpc_lesson *lesson,
                       struct file_state *fs, const char *cc_real, const char *worker,
                       const char *log_path)
{
    char dir_bin[4200], dir_obj[4200], stub_dir[4200];
    fmt(dir_bin, sizeof dir_bin, "%s/bin", c->build_dir);
    fmt(dir_obj, sizeof dir_obj, "%s/obj", c->build_dir);
    fmt(stub_dir, sizeof stub_dir, "%s/stub", c->judge_dir);
    mkdirs(dir_bin);
    mkdirs(dir_obj); /* bound even when every file is a stub */
    struct sb_bind binds[] = {
        {c->judge_dir, "/judge", 0},
        {dir_obj, "/obj", 0},
        {dir_bin, "/out", 1},
    };
    int sandboxed = sb_active(NULL) == 1;
    char *flags = xstrdup(c->ldflags ? c->ldflags : "");
    char *libs = xstrdup(c->libs ? c->libs : "");
    static char paths[64][4300];
    size_t np = 0;
    struct argv a = {0};
    argv_add(&a, cc_real);
    argv_split(&a, flags);
    argv_add(&a, "-o");
    fmt(paths[np], sizeof paths[0], "%s/worker.new", sb_path(&binds[2]));
    argv_add(&a, paths[np++]);
    fmt(paths[np], sizeof paths[0], "%s/worker.o", sb_path(&binds[0]));
    argv_add(&a, paths[np++]);
    fmt(paths[np], sizeof paths[0], "%s/serve.o", sb_path(&binds[0]));
    argv_add(&a, paths[np++]);
    for (size_t i = 0; i < lesson->n_files && np + 2 < 64; i++) {
        int is_stub = strncmp(fs[i].object, stub_dir, strlen(stub_dir)) == 0;
        fmt(paths[np], sizeof paths[0], "%s/%s%s.o", sb_path(&binds[is_stub ? 0 : 1]),
                 is_stub ? "stub/" : "", lesson->files[i].file);
        argv_add(&a, paths[np++]);
    }
    fmt(paths[np], sizeof paths[0], "%s/libdsplab.a", sb_path(&binds[0]));
    argv_add(&a, paths[np++]);
    argv_split(&a, libs);

    struct sb_spec spec = {0};
    spec.binds = binds;
    spec.n_binds = sizeof binds / sizeof binds[0];
    spec.chdir = sandboxed ? "/tmp" : dir_bin;
    spec.cpu_s = c->cpu_s;
    spec.as_bytes = (size_t)2 << 30;
    spec.fsize_bytes = (size_t)256 << 20;
    spec.keep_path = 1;
    int log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    struct sb_status st;
    int rc = sb_run(&spec, a.v, log_fd, c->wall_s, &st);
    if (log_fd >= 0)
        close(log_fd);
    free(flags);
    free(libs);
    char made[4300];
    fmt(made, sizeof made, "%s/worker.new", dir_bin);
    if (rc == 0 && st.exited && st.code == 0 && rename(made, worker) == 0)
        return 0;
    unlink(made);
    return -1;
}

int gate_build(const struct gate_config *c, const struct rpc_lesson *lesson,
               struct gate_result *r)
{
    memset(r, 0, sizeof *r);
    struct rep_buf msg = {0};     /* about the files, in order */
    struct rep_buf general = {0}; /* about no one file */
    r->n_files = lesson->n_files;
    r->problem = calloc(lesson->n_files + 1, sizeof *r->problem);
    r->file_messages = calloc(lesson->n_files + 1, sizeof *r->file_messages);
    struct rep_buf *per_file = calloc(lesson->n_files + 1, sizeof *per_file);
    struct file_state *fs = calloc(lesson->n_files + 1, sizeof *fs);
    if (!r->problem || !r->file_messages || !per_file || !fs || mkdirs(c->build_dir) != 0) {
        free(per_file);
        free(fs);
        r->messages = xstrdup("grader: cannot create the build folder (or out of memory)\n");
        return -1;
    }
    r->sanitized = c->cflags && strstr(c->cflags, "-fsanitize=") != NULL;

    /* The lesson's folder itself must not be a link (to the solutions, say):
     * then nothing in it is read, and every file counts as missing. */
    struct stat sub_st;
    int sub_is_link = lstat(c->submission, &sub_st) == 0 && S_ISLNK(sub_st.st_mode);

    /* Absolute paths: without the sandbox, commands run in other folders. */
    struct gate_config abs = *c;
    char *owned[5] = {realpath(c->build_dir, NULL), realpath(c->judge_dir, NULL),
                      realpath(c->include_dir, NULL), realpath(c->lesson_dir, NULL),
                      realpath(c->submission, NULL)};
    if (owned[0])
        abs.build_dir = owned[0];
    if (owned[1])
        abs.judge_dir = owned[1];
    if (owned[2])
        abs.include_dir = owned[2];
    if (owned[3])
        abs.lesson_dir = owned[3];
    if (owned[4])
        abs.submission = owned[4];
    c = &abs;

    if (sub_is_link) {
        rep_buf_printf(&general, "not graded: the lesson's folder is a symbolic link; submit the "
                              "folder itself\n");
        for (size_t i = 0; i < lesson->n_files; i++)
            set_problem(&fs[i], "the lesson's folder is a symbolic link");
    }
    /* What else is in the folder: said once, never compiled. */
    DIR *d = sub_is_link ? NULL : opendir(c->submission);
    int ignored = 0;
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            int listed = 0;
            for (size_t i = 0; i < lesson->n_files; i++)
                listed |= strcmp(e->d_name, lesson->files[i].file) == 0;
            if (listed)
                continue;
            if (ignored++ >= 5)
                continue;
            char shown[128];
            shown_name(shown, sizeof shown, e->d_name);
            size_t n = strlen(e->d_name);
            const char *why = n > 2 && strcmp(e->d_name + n - 2, ".h") == 0
                                  ? "headers are not graded (put helpers in the exercise's "
                                    "file, as static functions)"
                              : !valid_name(e->d_name)
                                  ? "only files named like the lesson's exercise files "
                                    "([A-Za-z0-9_-]+.c) are graded"
                                  : "not one of this lesson's exercise files";
            rep_buf_printf(&general, "ignored: %s: %s\n", shown, why);
        }
        closedir(d);
        if (ignored > 5)
            rep_buf_printf(&general, "ignored: %d more\n", ignored - 5);
    }

    char cc_real[4096];
    resolve_cc(c->cc, cc_real, sizeof cc_real);
    for (size_t i = 0; i < lesson->n_files; i++) {
        if (!valid_name(lesson->files[i].file)) {
            set_problem(&fs[i], "the lesson names it badly (grader error)");
            continue;
        }
        if (!fs[i].problem) {
            size_t before = msg.len;
            build_file(c, &lesson->files[i], cc_real, &fs[i], &msg);
            if (msg.len > before)
                rep_buf_put(&per_file[i], msg.data + before, msg.len - before);
        } else {
            fmt(fs[i].object_buf, sizeof fs[i].object_buf, "%s/stub/%s.o", c->judge_dir,
                lesson->files[i].file);
            fs[i].object = fs[i].object_buf;
        }
    }

    /* Link, skipping it when nothing it uses changed. */
    char worker[4200], key_path[4200], log_path[4200];
    fmt(worker, sizeof worker, "%s/bin/worker", c->build_dir);
    fmt(key_path, sizeof key_path, "%s/bin/worker.key", c->build_dir);
    fmt(log_path, sizeof log_path, "%s/log/link.log", c->build_dir);
    for (int attempt = 0; attempt <= (int)lesson->n_files; attempt++) {
        uint64_t key = fnv_str(14695981039346656037ULL, GATE_VERSION);
        for (size_t i = 0; i < lesson->n_files; i++)
            key = fnv(fnv_str(key, fs[i].object), &fs[i].key, sizeof fs[i].key);
        char judge_file[4300];
        static const char *judge_parts[] = {"worker.o", "serve.o", "libdsplab.a"};
        for (size_t i = 0; i < 3; i++) {
            fmt(judge_file, sizeof judge_file, "%s/%s", c->judge_dir, judge_parts[i]);
            key = fnv_stat(key, judge_file);
        }
        key = fnv_str(fnv_str(fnv_str(key, cc_real), c->ldflags ? c->ldflags : ""),
                      c->libs ? c->libs : "");
        key = fnv_str(key, sb_active(NULL) == 1 ? "sandbox" : "direct");
        char key_hex[20];
        fmt(key_hex, sizeof key_hex, "%016llx\n", (unsigned long long)key);
        char *old = read_small(key_path, 64, NULL);
        struct stat st;
        int fresh = old && strcmp(old, key_hex) == 0 && stat(worker, &st) == 0;
        free(old);
        if (fresh) {
            r->worker = xstrdup(worker);
            break;
        }
        unlink(key_path);
        if (link_worker(c, lesson, fs, cc_real, worker, log_path) == 0) {
            write_atomic(key_path, key_hex, strlen(key_hex));
            r->worker = xstrdup(worker);
            break;
        }
        /* Blame the files the linker names, and try again without them. */
        char *log = read_small(log_path, 256 << 10, NULL);
        int blamed = 0;
        for (size_t i = 0; log && i < lesson->n_files; i++) {
            char needle[300];
            fmt(needle, sizeof needle, "/%s.o", lesson->files[i].file);
            if (!fs[i].problem && strstr(log, needle) &&
                strncmp(fs[i].object, c->build_dir, strlen(c->build_dir)) == 0) {
                set_problem(&fs[i], "it does not link with the rest of the lesson (an "
                                    "undefined or doubly defined function?)");
                size_t before = msg.len;
                rep_buf_printf(&msg, "%s: not graded: %s\n", lesson->files[i].file,
                            fs[i].problem);
                add_log_excerpt(&msg, log, needle, 6);
                if (msg.len > before)
                    rep_buf_put(&per_file[i], msg.data + before, msg.len - before);
                fmt(fs[i].object_buf, sizeof fs[i].object_buf, "%s/stub/%s.o",
                         c->judge_dir, lesson->files[i].file);
                fs[i].key = fnv_str(14695981039346656037ULL, "stub");
                blamed = 1;
            }
        }
        if (!blamed) {
            rep_buf_printf(&general, "the lesson's exercises do not link into one program:\n");
            add_log_excerpt(&general, log, NULL, 12);
            free(log);
            break;
        }
        free(log);
    }

    for (size_t i = 0; i < lesson->n_files; i++) {
        r->problem[i] = fs[i].problem;
        r->file_messages[i] = per_file[i].data;
    }
    /* All of it, for the per-test view: what is about no one file first. */
    size_t general_len = general.len;
    if (msg.data)
        rep_buf_put(&general, msg.data, msg.len);
    r->messages = xstrdup(general.data ? general.data : "");
    if (general.data)
        general.data[general_len] = '\0';
    r->general_messages = general.data ? general.data : xstrdup("");
    free(msg.data);
    free(per_file);
    free(fs);
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        free(owned[i]);
    return 0;
}

void gate_result_free(struct gate_result *r)
{
    for (size_t i = 0; r->problem && i < r->n_files; i++)
        free(r->problem[i]);
    for (size_t i = 0; r->file_messages && i < r->n_files; i++)
        free(r->file_messages[i]);
    free(r->file_messages);
    free(r->general_messages);
    free(r->problem);
    free(r->worker);
    free(r->messages);
    memset(r, 0, sizeof *r);
}
