/*
 * report.c — the grader's files: per-lesson result fragments (so one
 * summary can cover lessons graded by separate programs), the Gradescope
 * results.json, JUnit XML, the points table for the class gradebook, and the
 * tolerant comparison of reference data files.
 *
 * Everything is written to a temporary name in the same folder and renamed
 * into place, so a reader never sees a half-written report. Student output
 * can hold any bytes: JSON and XML writers escape what must be escaped,
 * drop what XML 1.0 cannot hold, and replace invalid UTF-8 with U+FFFD.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* ---- growing buffer ---- */

static void reserve(struct rep_buf *b, size_t extra)
{
    if (b->oom || b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->data = p;
    b->cap = cap;
}

void rep_buf_put(struct rep_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rep_buf_printf(struct rep_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        rep_buf_put(b, tmp, (size_t)n);
        return;
    }
    reserve(b, (size_t)n);
    if (b->oom)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t k;
    unsigned cp;
    if (c >= 0xc2 && c <= 0xdf)
        k = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        k = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        k = 4, cp = c & 0x07;
    else
        return 0;
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return k;
}

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

void rep_buf_json(struct rep_buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            rep_buf_put(b, e, 2);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\n': rep_buf_put(b, "\\n", 2); break;
            case '\t': rep_buf_put(b, "\\t", 2); break;
            case '\r': rep_buf_put(b, "\\r", 2); break;
            default: rep_buf_printf(b, "\\u%04x", c); break;
            }
            i++;
        } else {
            size_t k = utf8_len(s + i, n - i);
            if (k == 0) {
                rep_buf_put(b, replacement, 3);
                i++;
            } else {
                rep_buf_put(b, (const char *)s + i, k);
                i += k;
            }
        }
    }
}

void rep_buf_xml(struct rep_buf *b, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        switch (c) {
        case '&': rep_buf_put(b, "&amp;", 5); i++; continue;
        case '<': rep_buf_put(b, "&lt;", 4); i++; continue;
        case '>': rep_buf_put(b, "&gt;", 4); i++; continue;
        case '"': rep_buf_put(b, "&quot;", 6); i++; continue;
        case '\'': rep_buf_put(b, "&apos;", 6); i++; continue;
        case '\n': rep_buf_put(b, "&#10;", 5); i++; continue;
        case '\t': rep_buf_put(b, "&#9;", 4); i++; continue;
        case '\r': rep_buf_put(b, "&#13;", 5); i++; continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7f) { /* not allowed in XML 1.0 */
            rep_buf_put(b, replacement, 3);
            i++;
            continue;
        }
        size_t k = utf8_len(s + i, n - i);
        /* U+FFFE and U+FFFF are not XML characters either. */
        if (k == 3 && s[i] == 0xef && s[i + 1] == 0xbf && (s[i + 2] == 0xbe || s[i + 2] == 0xbf))
            k = 0;
        if (k == 0) {
            rep_buf_put(b, replacement, 3);
            i++;
        } else {
            rep_buf_put(b, (const char *)s + i, k);
            i += k;
        }
    }
}

int rep_buf_commit(const struct rep_buf *b, const char *path)
{
    if (b->oom)
        return -1;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return -1;
    size_t n = b->len;
    int ok = fwrite(b->data ? b->data : "", 1, n, f) == n;
    ok = (fflush(f) == 0) && ok;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return -1;
    }
    return 0;
}

/* ---- fragments ---- */

static void put_escaped(struct rep_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': rep_buf_put(b, "\\\\", 2); break;
        case '\t': rep_buf_put(b, "\\t", 2); break;
        case '\n': rep_buf_put(b, "\\n", 2); break;
        case '\r': rep_buf_put(b, "\\r", 2); break;
        default: rep_buf_put(b, s, 1); break;
        }
    }
}

int rep_write_fragment(const char *path, const struct rep_lesson *l)
{
    struct rep_buf b = {0};
    rep_buf_put(&b, "lesson\t", 7);
    put_escaped(&b, l->name);
    rep_buf_printf(&b, "\t%d\n", l->built);
    if (l->messages && l->messages[0]) {
        rep_buf_put(&b, "messages\t", 9);
        put_escaped(&b, l->messages);
        rep_buf_put(&b, "\n", 1);
    }
    if (l->hidden_skipped)
        rep_buf_printf(&b, "hidden\t%d\t%d\n", l->hidden_skipped, l->hidden_points);
    for (size_t i = 0; i < l->n_tests; i++) {
        const struct rep_test *t = &l->tests[i];
        rep_buf_put(&b, "test\t", 5);
        put_escaped(&b, t->name);
        rep_buf_printf(&b, "\t%d\t%d\t", t->score, t->max_score);
        put_escaped(&b, t->status);
        rep_buf_printf(&b, "\t%.3f\t", t->seconds);
        put_escaped(&b, t->output ? t->output : "");
        rep_buf_put(&b, t->hidden ? "\t1\n" : "\n", t->hidden ? 3 : 1);
    }
    int rc = rep_buf_commit(&b, path);
    free(b.data);
    return rc;
}

static char *unescape(const char *s, size_t n)
{
    char *d = malloc(n + 1), *p = d;
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            *p++ = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i] == 'r' ? '\r' : s[i];
        } else {
            *p++ = s[i];
        }
    }
    *p = '\0';
    return d;
}

/* Splits line at tabs into at most max fields (pointers + lengths). */
static size_t split_tabs(char *line, char **field, size_t *len, size_t max)
{
    size_t n = 0;
    char *s = line;
    while (n < max) {
        char *tab = strchr(s, '\t');
        field[n] = s;
        len[n] = tab ? (size_t)(tab - s) : strlen(s);
        n++;
        if (!tab)
            break;
        s = tab + 1;
    }
    return n;
}

int rep_read_fragment(const char *path, struct rep_lesson *l)
{
    memset(l, 0, sizeof *l);
    FILE *f = fopen(path, "rb");
    if (!f) {
        l->name = unescape(path, strlen(path));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int rc = -1;
    while ((got = getline(&line, &cap, f)) > 0) {
        if (line[got - 1] == '\n')
            line[--got] = '\0';
        char *field[8];
        size_t len[8];
        size_t n = split_tabs(line, field, len, 8);
        if (n == 3 && strncmp(field[0], "lesson", len[0]) == 0 && len[0] == 6) {
            free(l->name);
            l->name = unescape(field[1], len[1]);
            l->built = atoi(field[2]);
            rc = 0;
        } else if (n == 2 && len[0] == 8 && strncmp(field[0], "messages", 8) == 0) {
            free(l->messages);
            l->messages = unescape(field[1], len[1]);
        } else if (n == 3 && len[0] == 6 && strncmp(field[0], "hidden", 6) == 0) {
            l->hidden_skipped = atoi(field[1]);
            l->hidden_points = atoi(field[2]);
        } else if ((n == 7 || n == 8) && len[0] == 4 && strncmp(field[0], "test", 4) == 0) {
            struct rep_test *p = realloc(l->tests, (l->n_tests + 1) * sizeof *p);
            if (!p)
                break;
            l->tests = p;
            struct rep_test *t = &l->tests[l->n_tests++];
            t->lesson = NULL;
            t->name = unescape(field[1], len[1]);
            t->score = atoi(field[2]);
            t->max_score = atoi(field[3]);
            t->status = unescape(field[4], len[4]);
            t->seconds = atof(field[5]);
            t->output = unescape(field[6], len[6]);
            t->hidden = n == 8 && atoi(field[7]) == 1;
            l->score += t->score;
            l->max_score += t->max_score;
        }
    }
    free(line);
    fclose(f);
    if (!l->name)
        l->name = unescape("?", 1);
    return rc;
}

void rep_lesson_free(struct rep_lesson *l)
{
    for (size_t i = 0; i < l->n_tests; i++) {
        free(l->tests[i].lesson);
        free(l->tests[i].name);
        free(l->tests[i].status);
        free(l->tests[i].output);
    }
    free(l->tests);
    free(l->name);
    free(l->messages);
    memset(l, 0, sizeof *l);
}

/* ---- summaries ---- */

static void json_str(struct rep_buf *b, const char *s)
{
    rep_buf_put(b, "\"", 1);
    rep_buf_json(b, s, strlen(s));
    rep_buf_put(b, "\"", 1);
}

static const char *hidden_visibility = "after_published";

void rep_set_hidden_visibility(const char *visibility)
{
    if (visibility && (strcmp(visibility, "hidden") == 0 ||
                       strcmp(visibility, "after_published") == 0 ||
                       strcmp(visibility, "after_due_date") == 0))
        hidden_visibility = visibility;
}

int rep_write_json(const char *path, const struct rep_lesson *ls, size_t n, double seconds)
{
    struct rep_buf b = {0};
    int score = 0, max = 0;
    for (size_t i = 0; i < n; i++)
        score += ls[i].score, max += ls[i].max_score;
    rep_buf_printf(&b, "{\n  \"score\": %d,\n  \"max_score\": %d,\n  \"execution_time\": %.3f,\n",
                   score, max, seconds);
    rep_buf_put(&b, "  \"output\": ", 12);
    char line[128];
    int hid_n = 0, hid_p = 0;
    for (size_t i = 0; i < n; i++)
        hid_n += ls[i].hidden_skipped, hid_p += ls[i].hidden_points;
    if (hid_n)
        snprintf(line, sizeof line, "Score: %d/%d (and %d hidden tests, %d points, not run here)",
                 score, max, hid_n, hid_p);
    else
        snprintf(line, sizeof line, "Score: %d/%d", score, max);
    json_str(&b, line);
    rep_buf_put(&b, ",\n  \"tests\": [", 14);
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < ls[i].n_tests; j++) {
            const struct rep_test *t = &ls[i].tests[j];
            rep_buf_put(&b, first ? "\n    {" : ",\n    {", first ? 6 : 7);
            first = 0;
            rep_buf_put(&b, "\"name\": ", 8);
            struct rep_buf name = {0};
            rep_buf_printf(&name, "%s: %s", ls[i].name, t->name);
            json_str(&b, name.data ? name.data : "");
            free(name.data);
            rep_buf_printf(&b, ", \"score\": %d, \"max_score\": %d, \"status\": \"%s\"", t->score,
                           t->max_score, strcmp(t->status, "OK") == 0 ? "passed" : "failed");
            rep_buf_printf(&b, ", \"visibility\": \"%s\"",
                           t->hidden ? hidden_visibility : "visible");
            rep_buf_put(&b, ", \"output\": ", 12);
            struct rep_buf out = {0};
            rep_buf_printf(&out, "%s", t->status);
            if (t->output && t->output[0]) {
                rep_buf_put(&out, "\n", 1);
                rep_buf_put(&out, t->output, strlen(t->output));
            }
            json_str(&b, out.data ? out.data : "");
            free(out.data);
            rep_buf_put(&b, "}", 1);
        }
    }
    rep_buf_put(&b, first ? "]\n}\n" : "\n  ]\n}\n", first ? 4 : 7);
    int rc = rep_buf_commit(&b, path);
    free(b.data);
    return rc;
}

static void xml_attr(struct rep_buf *b, const char *key, const char *value)
{
    rep_buf_printf(b, " %s=\"", key);
    rep_buf_xml(b, value, strlen(value));
    rep_buf_put(b, "\"", 1);
}

int rep_write_junit(const char *path, const struct rep_lesson *ls, size_t n)
{
    struct rep_buf b = {0};
    size_t tests = 0, fails = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < ls[i].n_tests; j++) {
            tests++;
            fails += strcmp(ls[i].tests[j].status, "OK") != 0;
        }
    rep_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuites name=\"dsplab\" tests=\"%zu\" failures=\"%zu\">\n",
                   tests, fails);
    for (size_t i = 0; i < n; i++) {
        const struct rep_lesson *l = &ls[i];
        size_t lf = 0;
        double secs = 0;
        for (size_t j = 0; j < l->n_tests; j++) {
            lf += strcmp(l->tests[j].status, "OK") != 0;
            secs += l->tests[j].seconds;
        }
        rep_buf_put(&b, "  <testsuite", 12);
        xml_attr(&b, "name", l->name);
        rep_buf_printf(&b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" time=\"%.3f\">\n",
                       l->n_tests, lf, secs);
        if (!l->built && l->n_tests == 0) {
            rep_buf_put(&b, "    <testcase", 13);
            xml_attr(&b, "classname", l->name);
            rep_buf_put(&b, " name=\"build\"><failure message=\"build failed\"/></testcase>\n",
                        59);
        }
        for (size_t j = 0; j < l->n_tests; j++) {
            const struct rep_test *t = &l->tests[j];
            rep_buf_put(&b, "    <testcase", 13);
            xml_attr(&b, "classname", l->name);
            xml_attr(&b, "name", t->name);
            rep_buf_printf(&b, " time=\"%.3f\"", t->seconds);
            if (strcmp(t->status, "OK") == 0) {
                rep_buf_put(&b, "/>\n", 3);
                continue;
            }
            rep_buf_put(&b, ">\n      <failure", 16);
            xml_attr(&b, "message", t->status);
            rep_buf_printf(&b, " type=\"%d/%d points\">", t->score, t->max_score);
            if (t->output)
                rep_buf_xml(&b, t->output, strlen(t->output));
            rep_buf_put(&b, "</failure>\n    </testcase>\n", 27);
        }
        rep_buf_put(&b, "  </testsuite>\n", 15);
    }
    rep_buf_put(&b, "</testsuites>\n", 14);
    int rc = rep_buf_commit(&b, path);
    free(b.data);
    return rc;
}

int rep_write_points(const char *path, const struct rep_lesson *ls, size_t n)
{
    struct rep_buf b = {0};
    for (size_t i = 0; i < n; i++)
        rep_buf_printf(&b, "%s\t%d\t%d\n", ls[i].name, ls[i].score, ls[i].max_score);
    int rc = rep_buf_commit(&b, path);
    free(b.data);
    return rc;
}

/* ---- tolerant comparison of data files ---- */

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct rep_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        rep_buf_put(&b, chunk, k);
    fclose(f);
    if (b.oom) {
        free(b.data);
        return NULL;
    }
    if (!b.data)
        b.data = calloc(1, 1);
    *n = b.len;
    return b.data;
}

/* Next whitespace-separated token; *line counts newlines passed. */
static const char *next_token(const char **p, size_t *len, long *line)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        if (*s == '\n')
            (*line)++;
        s++;
    }
    if (!*s)
        return NULL;
    const char *start = s;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
        s++;
    *len = (size_t)(s - start);
    *p = s;
    return start;
}

static int as_number(const char *tok, size_t len, double *v)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, tok, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    *v = strtod(buf, &end);
    return *end == '\0';
}

long rep_compare_files(const char *got, const char *expected, double atol, double rtol,
                       int max_report)
{
    size_t ng = 0, ne = 0;
    char *a = slurp(got, &ng), *b = slurp(expected, &ne);
    if (!a || !b) {
        printf("    cannot read %s\n", !a ? got : expected);
        free(a);
        free(b);
        return -1;
    }
    const char *pa = a, *pb = b;
    long la = 1, lb = 1, diffs = 0;
    double worst = 0;
    for (;;) {
        size_t na = 0, nb = 0;
        const char *ta = next_token(&pa, &na, &la), *tb = next_token(&pb, &nb, &lb);
        if (!ta && !tb)
            break;
        if (!ta || !tb) {
            if (diffs++ < max_report)
                printf("    %s has %s values than %s (from line %ld)\n", got,
                       ta ? "more" : "fewer", expected, ta ? la : lb);
            break;
        }
        double x, y;
        int same;
        if (as_number(ta, na, &x) && as_number(tb, nb, &y)) {
            double err = fabs(x - y);
            same = err <= atol + rtol * fabs(y) || (x == y) || (isnan(x) && isnan(y));
            if (!same && !isnan(err) && err > worst)
                worst = err;
        } else {
            same = na == nb && memcmp(ta, tb, na) == 0;
        }
        if (!same && diffs++ < max_report)
            printf("    line %ld: got %.*s, expected %.*s\n", lb, (int)na, ta, (int)nb, tb);
    }
    if (diffs > max_report)
        printf("    ... %ld differences in all (largest numeric difference %.3g)\n", diffs,
               worst);
    free(a);
    free(b);
    return diffs;
}
