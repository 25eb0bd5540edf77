/*
 * memreport.c — a memory error, told in the student's terms (memreport.h).
 *
 * Runs in the judge. Every text and number here came from the worker, or
 * from addr2line reading the worker program: both are the student's, so
 * each is bounded, parsed without format strings, and cleaned of control
 * characters before it is shown.
 */
#include <ctype.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memreport.h"
#include "rpc.h"
#include "sandbox.h"

#define ADDR2LINE "/usr/bin/addr2line"
#define SYMBOLS_CAP (64 * 1024)

/* Copies at most n bytes of s (up to a newline) into dst as printable text. */
static void copy_text(char *dst, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && s[i] && s[i] != '\n' && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[k++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
    }
    if (cap)
        dst[k] = '\0';
}

/* The next line of [p, end): its length, *next after it. */
static size_t line_at(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *next = nl ? nl + 1 : end;
    return (size_t)((nl ? nl : end) - p);
}

static const char *find_in(const char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, word, k) == 0)
            return p + i;
    return NULL;
}

static int parse_hex(const char *p, const char *end, uint64_t *v)
{
    if (end - p < 3 || p[0] != '0' || p[1] != 'x')
        return -1;
    uint64_t x = 0;
    int digits = 0;
    for (p += 2; p < end && isxdigit((unsigned char)*p) && digits < 16; p++, digits++)
        x = x * 16 + (uint64_t)(isdigit((unsigned char)*p) ? *p - '0' : (tolower(*p) - 'a' + 10));
    if (!digits)
        return -1;
    *v = x;
    return 0;
}

/* "file:line" or "file:line:col" (a text of n bytes) into a frame. */
static void parse_location(struct mem_frame *fr, const char *s, size_t n)
{
    /* addr2line adds " (discriminator N)" */
    const char *paren = find_in(s, n, " (discriminator");
    if (paren)
        n = (size_t)(paren - s);
    size_t cut = n;
    unsigned nums[2] = {0, 0};
    int got = 0;
    while (got < 2) {
        size_t i = cut;
        while (i > 0 && isdigit((unsigned char)s[i - 1]))
            i--;
        if (i == cut || i == 0 || s[i - 1] != ':' || cut - i > 9)
            break;
        unsigned v = 0;
        for (size_t j = i; j < cut; j++)
            v = v * 10 + (unsigned)(s[j] - '0');
        nums[got++] = v;
        cut = i - 1;
    }
    copy_text(fr->file, sizeof fr->file, s, cut);
    fr->line = got == 2 ? nums[1] : got == 1 ? nums[0] : 0;
}

static void parse_frame(const char *p, size_t len, const char *worker_name, struct mem_fault *f);

/* LeakSanitizer's report: "Direct leak of N byte(s) in M object(s)
 * allocated from:" lines, each followed by its allocation's stack. The
 * totals of every leak, the first leak's stack (direct leaks come first). */
static int parse_leaks(const char *text, size_t n, const char *worker_name, struct mem_fault *f)
{
    const char *end = text + n, *err = find_in(text, n, "ERROR: LeakSanitizer: ");
    if (!err)
        return -1;
    snprintf(f->kind, sizeof f->kind, "memory-leak");
    int stacks = 0, in_stack = 0;
    for (const char *p = err, *next; p < end; p = next) {
        size_t len = line_at(p, end, &next);
        const char *of = find_in(p, len, "leak of ");
        if (of && find_in(p, len, " allocated from:")) {
            /* the line alone, terminated: the text need not be */
            char line[128];
            copy_text(line, sizeof line, of, (size_t)(p + len - of));
            unsigned long long bytes = 0, objects = 0;
            if (sscanf(line, "leak of %llu byte(s) in %llu object(s)", &bytes, &objects) == 2) {
                f->leak_bytes += bytes;
                f->leak_objects += objects;
            }
            stacks++;
            continue;
        }
        size_t i = 0;
        while (i < len && p[i] == ' ')
            i++;
        if (stacks == 1 && i < len && p[i] == '#') {
            in_stack = 1;
            parse_frame(p + i, len - i, worker_name, f);
        } else if (in_stack) {
            in_stack = 0;
        }
    }
    return stacks > 0 ? 0 : -1;
}

/* One "#N 0xPC in func file:line[:col]" or "#N 0xPC  (module+0xoff)" line
 * of a stack: a symbolized frame, or an offset in the worker program. */
static void parse_frame(const char *p, size_t len, const char *worker_name, struct mem_fault *f)
{
    const char *in = find_in(p, len, " in ");
    const char *mod = find_in(p, len, " (");
    const char *plus = mod ? find_in(mod, (size_t)(p + len - mod), "+0x") : NULL;
    if (plus && worker_name && f->n_offsets < MEM_MAX_FRAMES) {
        size_t wl = strlen(worker_name);
        if ((size_t)(plus - mod) >= wl + 2 && memcmp(plus - wl, worker_name, wl) == 0) {
            uint64_t off;
            if (parse_hex(plus + 1, p + len, &off) == 0)
                f->offsets[f->n_offsets++] = off;
        }
    } else if (in && !plus && f->n_frames < MEM_MAX_FRAMES) {
        const char *fn = in + 4;
        const char *sp = memchr(fn, ' ', (size_t)(p + len - fn));
        if (sp) {
            struct mem_frame *fr = &f->frames[f->n_frames++];
            copy_text(fr->func, sizeof fr->func, fn, (size_t)(sp - fn));
            parse_location(fr, sp + 1, (size_t)(p + len - sp - 1));
        }
    }
}

int mem_parse_asan(const char *text, size_t n, const char *worker_name, struct mem_fault *f)
{
    memset(f, 0, sizeof *f);
    f->access = MEM_UNKNOWN;
    const char *end = text + n;
    const char *err = find_in(text, n, "ERROR: AddressSanitizer: ");
    if (!err)
        return parse_leaks(text, n, worker_name, f);
    const char *p = err + strlen("ERROR: AddressSanitizer: "), *next;
    size_t len = line_at(p, end, &next);
    size_t kl = 0;
    while (kl < len && p[kl] != ' ')
        kl++;
    copy_text(f->kind, sizeof f->kind, p, kl);
    if (strcmp(f->kind, "attempting") == 0 && find_in(p, len, "double-free"))
        snprintf(f->kind, sizeof f->kind, "double-free");
    const char *on = find_in(p, len, " address 0x");
    if (on && parse_hex(on + 9, p + len, &f->addr) == 0)
        f->have_addr = 1;
    const char *spp = find_in(p, len, " sp 0x");
    if (spp)
        parse_hex(spp + 4, p + len, &f->sp);
    /* the rest: the access, then the first stack */
    int in_stack = 0;
    for (p = next; p < end; p = next) {
        len = line_at(p, end, &next);
        if (!in_stack) {
            if (len >= 5 && memcmp(p, "READ ", 5) == 0)
                f->access = MEM_READ;
            else if (len >= 6 && memcmp(p, "WRITE ", 6) == 0)
                f->access = MEM_WRITE;
            else if (find_in(p, len, "caused by a READ memory access"))
                f->access = MEM_READ;
            else if (find_in(p, len, "caused by a WRITE memory access"))
                f->access = MEM_WRITE;
        }
        size_t i = 0;
        while (i < len && p[i] == ' ')
            i++;
        if (i < len && p[i] == '#') {
            in_stack = 1;
            parse_frame(p + i, len - i, worker_name, f);
        } else if (in_stack) {
            break; /* the first stack only: the access, not the allocation */
        }
    }
    f->pc_exact = 1;
    return 0;
}

int mem_symbolize(const char *worker, struct mem_fault *f)
{
    if (!worker || f->n_offsets == 0 || access(ADDR2LINE, X_OK) != 0)
        return -1;
    FILE *out = tmpfile();
    if (!out)
        return -1;
    struct sb_bind bind = {worker, "/grader/worker", 0};
    struct sb_spec spec = {0};
    spec.binds = &bind;
    spec.n_binds = 1;
    spec.chdir = "/tmp";
    spec.cpu_s = 10;
    spec.as_bytes = (size_t)1 << 30;
    char addrs[MEM_MAX_FRAMES][24];
    char *argv[7 + MEM_MAX_FRAMES];
    size_t a = 0;
    argv[a++] = (char *)ADDR2LINE;
    argv[a++] = (char *)"-a";
    argv[a++] = (char *)"-f";
    argv[a++] = (char *)"-i";
    argv[a++] = (char *)"-e";
    argv[a++] = (char *)sb_path(&bind);
    for (size_t i = 0; i < f->n_offsets; i++) {
        snprintf(addrs[i], sizeof addrs[i], "0x%" PRIx64, f->offsets[i]);
        argv[a++] = addrs[i];
    }
    argv[a] = NULL;
    struct sb_status st;
    int rc = sb_run(&spec, argv, fileno(out), 10, &st);
    if (rc != 0 || !st.exited || st.code != 0) {
        fclose(out);
        return -1;
    }
    char *buf = malloc(SYMBOLS_CAP);
    if (!buf) {
        fclose(out);
        return -1;
    }
    rewind(out);
    size_t n = fread(buf, 1, SYMBOLS_CAP, out);
    fclose(out);
    /* groups: "0xADDR", then (function, file:line) pairs, innermost first */
    const char *p = buf, *end = buf + n, *next;
    int have_group = 0;
    while (p < end && f->n_frames < MEM_MAX_FRAMES) {
        size_t len = line_at(p, end, &next);
        if (len >= 2 && p[0] == '0' && p[1] == 'x') {
            have_group = 1;
            p = next;
            continue;
        }
        if (!have_group)
            break;
        struct mem_frame *fr = &f->frames[f->n_frames];
        copy_text(fr->func, sizeof fr->func, p, len);
        if (strcmp(fr->func, "??") == 0)
            fr->func[0] = '\0';
        p = next;
        if (p >= end)
            break;
        len = line_at(p, end, &next);
        parse_location(fr, p, len);
        p = next;
        f->n_frames++;
    }
    free(buf);
    f->n_offsets = 0;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int is_student_file(const char *file, const struct mem_sources *src)
{
    if (!src)
        return 0;
    for (size_t i = 0; i < src->n_files; i++) {
        const char *f = src->files[i];
        size_t fl = strlen(f);
        if (strncmp(file, "/src/", 5) == 0 && strcmp(file + 5, f) == 0)
            return 1;
        if (src->src_dir) {
            size_t dl = strlen(src->src_dir);
            if (strncmp(file, src->src_dir, dl) == 0 && file[dl] == '/' &&
                strcmp(file + dl + 1, f) == 0 && fl)
                return 1;
        }
    }
    return 0;
}

void mem_sources_of_lesson(struct mem_sources *s, const char **files, size_t max_files, char *dir,
                           size_t dir_cap, const char *worker)
{
    size_t n = 0;
    for (size_t i = 0; &rpc_lesson && i < rpc_lesson.n_files && n < max_files; i++)
        files[n++] = rpc_lesson.files[i].file;
    s->files = files;
    s->n_files = n;
    s->src_dir = NULL;
    const char *slash = worker ? strrchr(worker, '/') : NULL;
    if (slash && dir_cap) {
        snprintf(dir, dir_cap, "%.*s", (int)(slash - worker), worker);
        char *up = strrchr(dir, '/');
        if (up && (size_t)(up - dir) + 5 < dir_cap) {
            strcpy(up, "/src");
            s->src_dir = dir;
        }
    }
}

static void append(char *buf, size_t cap, const char *s)
{
    size_t k = strlen(buf);
    if (k + 1 < cap)
        snprintf(buf + k, cap - k, "%s", s);
}

void mem_index_phrase(char *buf, size_t cap, const struct mem_array *a, int64_t off)
{
    size_t es = a->elem_size ? a->elem_size : 1;
    size_t count = a->bytes / es;
    const char *name = a->name ? a->name : "an array";
    long long index = off < 0 ? -(long long)(((uint64_t)-off + es - 1) / es)
                              : (long long)((uint64_t)off / es);
    const char *values = count == 1 ? "value" : "values";
    if (off < 0)
        snprintf(buf, cap, "%s[%lld], before the start of its %zu %s", name, index, count,
                 values);
    else if ((uint64_t)index == count)
        snprintf(buf, cap, "%s[%lld], one past the end of its %zu %s", name, index, count,
                 values);
    else
        snprintf(buf, cap, "%s[%lld], past the end of its %zu %s", name, index, count, values);
}

/* The array whose neighbourhood holds the address (a page on either side),
 * nearest first; -1 when none. */
static long near_array(uint64_t addr, const struct mem_array *arrays, size_t n, int64_t *off)
{
    long best = -1;
    uint64_t best_d = UINT64_MAX;
    for (size_t i = 0; i < n; i++) {
        const struct mem_array *a = &arrays[i];
        if (!a->base)
            continue;
        int64_t o = (int64_t)(addr - a->base);
        uint64_t d;
        if (o < 0)
            d = (uint64_t)-o;
        else if ((uint64_t)o >= a->bytes)
            d = (uint64_t)o - a->bytes + 1;
        else
            continue; /* inside: not an error of bounds */
        if (d <= 4096 && d < best_d) {
            best = (long)i;
            best_d = d;
            *off = o;
        }
    }
    return best;
}

void mem_describe(char *buf, size_t cap, const char *exercise, const struct mem_fault *f,
                  const struct mem_array *arrays, size_t n_arrays,
                  const struct mem_sources *src)
{
    if (!cap)
        return;
    buf[0] = '\0';
    const char *verb = f->access == MEM_READ ? "read" : f->access == MEM_WRITE ? "wrote" : "accessed";
    const char *hint = NULL;
    char what[512];
    int64_t off = 0;
    long ai = f->have_addr ? near_array(f->addr, arrays, n_arrays, &off) : -1;
    const char *k = f->kind;
    if (ai >= 0 && (!k[0] || strstr(k, "overflow") || strcmp(k, "SEGV") == 0 ||
                    strcmp(k, "unknown-crash") == 0)) {
        char phrase[300];
        mem_index_phrase(phrase, sizeof phrase, &arrays[ai], off);
        snprintf(what, sizeof what, "%s %s %s", exercise, verb, phrase);
        hint = off < 0 ? "an index below 0 (k - 1 at k = 0?), or an unsigned count that "
                         "wrapped around?"
                       : "a loop bound off by one (k <= n instead of k < n?), or a length "
                         "computed wrong?";
    } else if (strcmp(k, "stack-overflow") == 0 ||
               (!k[0] && f->have_addr && f->sp && f->addr < f->sp + 4096 &&
                f->addr + ((uint64_t)1 << 20) > f->sp)) {
        snprintf(what, sizeof what, "%s overflowed the stack", exercise);
        hint = "a recursion that does not stop, or a very large local array?";
    } else if (f->have_addr && f->addr < 4096 && (!k[0] || strcmp(k, "SEGV") == 0)) {
        snprintf(what, sizeof what, "%s %s through a NULL pointer (address 0x%" PRIx64 ")",
                 exercise, verb, f->addr);
        hint = "a pointer that was never set, or a NULL returned by malloc?";
    } else if (strcmp(k, "heap-use-after-free") == 0) {
        snprintf(what, sizeof what, "%s %s memory it had already freed", exercise, verb);
        hint = "free() only after the last use";
    } else if (strcmp(k, "double-free") == 0) {
        snprintf(what, sizeof what, "%s freed the same memory twice", exercise);
    } else if (strcmp(k, "heap-buffer-overflow") == 0) {
        snprintf(what, sizeof what, "%s %s outside a block it allocated", exercise, verb);
        hint = "malloc(n * sizeof *p) for n values, and indices 0 to n - 1";
    } else if (strcmp(k, "stack-buffer-overflow") == 0) {
        snprintf(what, sizeof what, "%s %s outside a local array", exercise, verb);
        hint = "a loop bound off by one?";
    } else if (strcmp(k, "global-buffer-overflow") == 0) {
        snprintf(what, sizeof what, "%s %s outside a global or static array", exercise, verb);
        hint = "a loop bound off by one?";
    } else if (strncmp(k, "stack-use-after", 15) == 0) {
        snprintf(what, sizeof what, "%s %s a local variable that no longer exists", exercise,
                 verb);
        hint = "a pointer to a local variable kept after its function returned?";
    } else if (strcmp(k, "allocator") == 0 || strcmp(k, "out-of-memory") == 0 ||
               strcmp(k, "requested") == 0 || strcmp(k, "allocation-size-too-big") == 0) {
        snprintf(what, sizeof what, "%s asked for more memory than a test may use", exercise);
        hint = "a size computed wrong (a negative value turned into a huge size_t?)";
    } else if (strcmp(k, "memory-leak") == 0) {
        snprintf(what, sizeof what,
                 "%s returned without freeing %llu bytes it allocated (%llu block%s)", exercise,
                 (unsigned long long)f->leak_bytes, (unsigned long long)f->leak_objects,
                 f->leak_objects == 1 ? "" : "s");
        hint = "free() every block malloc() or calloc() gave, before returning";
    } else if (strcmp(k, "FPE") == 0) {
        snprintf(what, sizeof what, "%s crashed (SIGFPE: floating-point exception)", exercise);
        hint = "an integer division by zero?";
    } else if (strcmp(k, "BUS") == 0 || strcmp(k, "ILL") == 0 || strcmp(k, "ABRT") == 0) {
        snprintf(what, sizeof what, "%s crashed (SIG%s)", exercise, k);
    } else if (k[0] && strcmp(k, "SEGV") != 0) {
        snprintf(what, sizeof what, "%s: AddressSanitizer reported: %s", exercise, k);
    } else if (f->have_addr) {
        snprintf(what, sizeof what,
                 "%s %s address 0x%" PRIx64 ", which is in none of its arrays%s", exercise, verb,
                 f->addr, f->sig == SIGBUS ? " (a bus error)" : "");
        hint = "a pointer never set, or an index far out of range?";
    } else {
        snprintf(what, sizeof what, "%s %s memory it may not", exercise, verb);
    }
    append(buf, cap, what);

    /* where: the student's frames only, innermost first */
    const struct mem_frame *mine[4];
    int again[4] = {0, 0, 0, 0};
    size_t n_mine = 0;
    for (size_t i = 0; i < f->n_frames; i++) {
        const struct mem_frame *fr = &f->frames[i];
        if (!fr->line || !is_student_file(fr->file, src))
            continue;
        /* a recursion: one line, called again and again */
        if (n_mine && mine[n_mine - 1]->line == fr->line &&
            strcmp(mine[n_mine - 1]->file, fr->file) == 0 &&
            strcmp(mine[n_mine - 1]->func, fr->func) == 0) {
            again[n_mine - 1] = 1;
            continue;
        }
        if (n_mine == 4)
            break;
        mine[n_mine++] = fr;
    }
    if (n_mine) {
        char where[900] = " (";
        for (size_t i = 0; i < n_mine; i++) {
            char part[400];
            snprintf(part, sizeof part, "%s%s:%u", i ? ", called from " : "",
                     base_name(mine[i]->file), mine[i]->line);
            append(where, sizeof where, part);
            if (n_mine > 1 && mine[i]->func[0]) {
                snprintf(part, sizeof part, " in %s", mine[i]->func);
                append(where, sizeof where, part);
            }
            if (again[i])
                append(where, sizeof where, ", again and again");
        }
        append(where, sizeof where, ")");
        append(buf, cap, where);
    }
    append(buf, cap, "\n");
    if (hint) {
        append(buf, cap, "hint: ");
        append(buf, cap, hint);
        append(buf, cap, "\n");
    }
}

int mem_ubsan_line(const char *out, size_t n, const struct mem_sources *src, char *buf,
                   size_t cap)
{
    const char *hit = find_in(out, n, ": runtime error: ");
    if (!hit || !cap)
        return -1;
    const char *start = hit;
    while (start > out && start[-1] != '\n')
        start--;
    struct mem_frame fr;
    memset(&fr, 0, sizeof fr);
    parse_location(&fr, start, (size_t)(hit - start));
    const char *msg = hit + strlen(": runtime error: "), *next;
    size_t len = line_at(msg, out + n, &next);
    char text[300];
    copy_text(text, sizeof text, msg, len);
    if (fr.line && is_student_file(fr.file, src))
        snprintf(buf, cap, "undefined behaviour: %s (%s:%u)\n", text, base_name(fr.file),
                 fr.line);
    else
        snprintf(buf, cap, "undefined behaviour: %s\n", text);
    return 0;
}
