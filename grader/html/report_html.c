/*
 * report_html.c — the student's HTML report (grader/out/report.html).
 *
 *   report-html --out FILE [--figures DIR]... FRAGMENT...
 *
 * Reads the result fragments the lessons' judges wrote (grader/report.c's
 * format) and writes one self-contained page: per lesson its score and the
 * gate's messages (compiler warnings, files not graded), per exercise a
 * summary line, per test its status, points, feedback (hints stand out) and
 * the feedback figure inline as a base64 PNG.
 *
 * This program is presentation only: it runs after the judges, outside the
 * grading path, and reads nothing but the fragments and the figures they
 * name. A figure is embedded only when the judge named it on a feedback
 * line of its own ("    plot: PATH (...)": a student's printing is quoted
 * as "    | ..." and cannot make one), when it resolves inside one of the
 * --figures folders, ends in .png, starts with the PNG signature and is
 * under 4 MB. Every text is escaped, and the page's Content-Security-Policy
 * allows no script, no fetch and images only from data: URLs.
 */
#define _DEFAULT_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "harness.h"

#define MAX_FIGURE_BYTES (4L << 20)
#define MAX_ROOTS 8

static const char *roots[MAX_ROOTS];
static size_t n_roots;

static void put(struct rep_buf *b, const char *s)
{
    rep_buf_put(b, s, strlen(s));
}

/* Text as HTML: rep_buf_xml escapes markup and drops invalid bytes. */
static void put_text(struct rep_buf *b, const char *s, size_t n)
{
    rep_buf_xml(b, s, n);
}

/* 1 when path resolves inside one of the --figures folders. */
static int figure_allowed(const char *path, char *real, size_t size)
{
    char *r = realpath(path, NULL);
    if (!r)
        return 0;
    int ok = 0;
    for (size_t i = 0; i < n_roots && !ok; i++) {
        size_t k = strlen(roots[i]);
        ok = strncmp(r, roots[i], k) == 0 && r[k] == '/';
    }
    size_t len = strlen(r);
    ok = ok && len > 4 && strcmp(r + len - 4, ".png") == 0;
    snprintf(real, size, "%s", r);
    free(r);
    return ok;
}

static void put_base64(struct rep_buf *b, const unsigned char *d, size_t n)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char out[4];
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)d[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)d[i + 1] << 8;
        if (i + 2 < n)
            v |= d[i + 2];
        out[0] = tab[v >> 18 & 63];
        out[1] = tab[v >> 12 & 63];
        out[2] = i + 1 < n ? tab[v >> 6 & 63] : '=';
        out[3] = i + 2 < n ? tab[v & 63] : '=';
        rep_buf_put(b, out, 4);
    }
}

/* Embeds the figure at path (see the header); 1 when it was. */
static int put_figure(struct rep_buf *b, const char *path, const char *alt)
{
    char real[PATH_MAX];
    if (!figure_allowed(path, real, sizeof real))
        return 0;
    FILE *f = fopen(real, "rb");
    if (!f)
        return 0;
    unsigned char *data = malloc(MAX_FIGURE_BYTES);
    size_t n = data ? fread(data, 1, MAX_FIGURE_BYTES, f) : 0;
    int more = fgetc(f) != EOF;
    fclose(f);
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (!data || more || n < 8 || memcmp(data, sig, 8) != 0) {
        free(data);
        return 0;
    }
    put(b, "<figure><img alt=\"");
    put_text(b, alt, strlen(alt));
    put(b, "\" src=\"data:image/png;base64,");
    put_base64(b, data, n);
    put(b, "\"></figure>\n");
    free(data);
    return 1;
}

/* A test's feedback: hint lines stand out, the judge's "plot:" lines
 * become the figure itself. */
static void put_feedback(struct rep_buf *b, const char *out, const char *test)
{
    struct rep_buf figs = {0};
    put(b, "<pre>");
    for (const char *p = out; *p;) {
        size_t n = strcspn(p, "\n");
        const char *s = p;
        size_t ind = 0;
        while (ind < n && s[ind] == ' ')
            ind++;
        int is_hint = n - ind >= 5 && strncmp(s + ind, "hint:", 5) == 0;
        if (ind == 4 && n > 10 && strncmp(s, "    plot: ", 10) == 0) {
            /* "    plot: PATH (yours against ...)" */
            const char *path = s + 10;
            const char *end = memchr(path, ' ', n - 10);
            char fig[PATH_MAX];
            snprintf(fig, sizeof fig, "%.*s", (int)(end ? end - path : (long)(n - 10)), path);
            put_figure(&figs, fig, test);
        }
        if (is_hint)
            put(b, "<b class=\"hint\">");
        put_text(b, s, n);
        if (is_hint)
            put(b, "</b>");
        put(b, "\n");
        p += n + (p[n] == '\n');
    }
    put(b, "</pre>\n");
    if (figs.data)
        rep_buf_put(b, figs.data, figs.len);
    free(figs.data);
}

static void exercise_of(const char *name, char *buf, size_t size)
{
    const char *colon = strchr(name, ':');
    size_t n = colon ? (size_t)(colon - name) : strlen(name);
    while (n > 0 && name[n - 1] == ' ')
        n--;
    snprintf(buf, size, "%.*s", (int)n, name);
}

static const char *status_class(const char *status)
{
    return strcmp(status, "OK") == 0 ? "ok" : strncmp(status, "FAIL", 4) == 0 ? "fail" : "crash";
}

static void put_lesson(struct rep_buf *b, const struct rep_lesson *l)
{
    put(b, "<section>\n<h2>");
    put_text(b, l->name, strlen(l->name));
    rep_buf_printf(b, " <span class=\"%s\">%d/%d</span></h2>\n",
                   l->score == l->max_score && l->max_score > 0 ? "ok" : "fail", l->score,
                   l->max_score);
    if (!l->built && l->n_tests == 0)
        put(b, "<p class=\"fail\">The grader could not finish this lesson.</p>\n");
    if (l->messages && l->messages[0]) {
        put(b, "<pre class=\"gate\">");
        put_text(b, l->messages, strlen(l->messages));
        put(b, "</pre>\n");
    }
    for (size_t i = 0; i < l->n_tests;) {
        char ex[200], e2[200];
        exercise_of(l->tests[i].name, ex, sizeof ex);
        size_t j = i;
        int score = 0, max = 0, todo = 0, other = 0;
        for (; j < l->n_tests; j++) {
            exercise_of(l->tests[j].name, e2, sizeof e2);
            if (strcmp(ex, e2) != 0)
                break;
            const struct rep_test *t = &l->tests[j];
            score += t->score;
            max += t->max_score;
            const char *o = t->output ? t->output : "";
            if (strcmp(t->status, "OK") == 0)
                other++;
            else if (strstr(o, "    not implemented yet"))
                todo++;
            else if (!strstr(o, "    skipped: depends on"))
                other++;
        }
        int done = score == max;
        const char *state = todo && !other ? "not started" : done ? "OK" : "FAIL";
        rep_buf_printf(b, "<details class=\"exercise\"%s><summary><span class=\"%s\">%s</span> ",
                       done ? "" : " open", todo && !other ? "todo" : done ? "ok" : "fail",
                       state);
        put(b, "<code>");
        put_text(b, ex, strlen(ex));
        rep_buf_printf(b, "</code> %d/%d</summary>\n", score, max);
        for (size_t k = i; k < j; k++) {
            const struct rep_test *t = &l->tests[k];
            rep_buf_printf(b, "<div class=\"test t-%s\"><h3><span class=\"%s\">",
                           status_class(t->status), status_class(t->status));
            put_text(b, t->status, strlen(t->status));
            put(b, "</span> ");
            put_text(b, t->name, strlen(t->name));
            rep_buf_printf(b, " <small>%d/%d</small></h3>\n", t->score, t->max_score);
            if (t->output && t->output[0])
                put_feedback(b, t->output, t->name);
            put(b, "</div>\n");
        }
        put(b, "</details>\n");
        i = j;
    }
    put(b, "</section>\n");
}

static const char style[] =
    "body{font-family:sans-serif;margin:1em auto;padding:0 1em;max-width:1100px;color:#222;background:#fff}"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em}"
    "h3{font-size:1em;margin:.6em 0 .2em}"
    "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;margin:.2em 0 .6em}"
    "pre.gate{background:#fff6dd;border-left:4px solid #d90}"
    ".ok{color:#127a12;font-weight:bold}.fail{color:#b31212;font-weight:bold}"
    ".crash{color:#fff;background:#b31212;padding:0 .3em}.todo{color:#777;font-weight:bold}"
    "b.hint{color:#0b4fa8}details.exercise{margin:.4em 0;border:1px solid #ddd;padding:.3em .6em}"
    "summary{cursor:pointer;font-size:1.1em}figure{margin:.3em 0}"
    "img{max-width:100%;border:1px solid #ccc}";

int main(int argc, char **argv)
{
    const char *out = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--figures") == 0 && i + 1 < argc) {
            char *r = realpath(argv[++i], NULL);
            if (r && n_roots < MAX_ROOTS)
                roots[n_roots++] = r;
            else
                free(r);
        } else {
            break;
        }
    }
    if (!out || i >= argc) {
        fprintf(stderr, "usage: report-html --out FILE [--figures DIR]... FRAGMENT...\n");
        return 2;
    }
    size_t n = (size_t)(argc - i);
    struct rep_lesson *ls = calloc(n, sizeof *ls);
    if (!ls)
        return 1;
    int score = 0, max = 0;
    for (size_t k = 0; k < n; k++) {
        rep_read_fragment(argv[i + (int)k], &ls[k]);
        score += ls[k].score;
        max += ls[k].max_score;
    }
    struct rep_buf b = {0};
    put(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "img-src data:; style-src 'unsafe-inline'\">\n<title>dsplab grade report</title>\n"
            "<style>");
    put(&b, style);
    put(&b, "</style></head>\n<body>\n");
    time_t now = time(NULL);
    char when[64] = "";
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    rep_buf_printf(&b, "<h1>dsplab grade report: <span class=\"%s\" id=\"score\">%d/%d</span></h1>\n",
                   score == max && max > 0 ? "ok" : "fail", score, max);
    rep_buf_printf(&b, "<p>Written %s by <code>make grade</code>. Failing exercises are open; "
                       "click an exercise to open or close it.</p>\n",
                   when);
    for (size_t k = 0; k < n; k++)
        put_lesson(&b, &ls[k]);
    put(&b, "</body></html>\n");
    int rc = rep_buf_commit(&b, out);
    if (rc != 0)
        fprintf(stderr, "report-html: cannot write %s\n", out);
    free(b.data);
    for (size_t k = 0; k < n; k++)
        rep_lesson_free(&ls[k]);
    free(ls);
    for (size_t k = 0; k < n_roots; k++)
        free((void *)roots[k]);
    return rc == 0 ? 0 : 1;
}
