/* datafile.c — the dsplab text format and NumPy .npy files (see datafile.h). */
#include "dsplab/datafile.h"

#include "outfile.h"

#include "dsplab/status.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The .npy header we write is always this long (magic, version, length and
 * a space-padded dict): room for two 20-digit dimensions, a multiple of 64. */
#define NPY_HEADER_SIZE 128
/* Width of the number in the "# rows: " line, rewritten in place on commit. */
#define ROWS_FIELD 20

enum matfile_kind { KIND_TEXT, KIND_NPY, KIND_STDOUT };

struct dsp_matfile {
    enum matfile_kind kind;
    char *path;           /* final name */
    char *tmp;            /* temporary name (NULL for stdout) */
    FILE *fp;
    size_t cols;
    size_t rows;          /* rows written so far, all blocks */
    int started;          /* the rows/columns lines (or npy header) are out */
    long rows_offset;     /* text: file offset of the rows number */
    int io_error;         /* errno of the first failed write, 0 if none */
    int f32;              /* values stored as float32 (dsp_matfile_set_float32) */
    char *line;           /* text: one formatted row, dsp_matfile_row_text_max bytes */
};

int dsp_mat_alloc(struct dsp_mat *m, size_t rows, size_t cols)
{
    if (!m)
        return dsp_fail(DSP_EINVAL, "dsp_mat_alloc: matrix is NULL");
    m->rows = m->cols = 0;
    m->data = NULL;
    if (cols != 0 && rows > SIZE_MAX / cols / sizeof(double))
        return dsp_fail(DSP_ENOMEM, "dsp_mat_alloc: %zu x %zu doubles do not fit in memory", rows,
                        cols);
    size_t count = rows * cols;
    m->data = calloc(count ? count : 1, sizeof(double));   /* never NULL on success */
    if (!m->data)
        return dsp_fail(DSP_ENOMEM, "dsp_mat_alloc: out of memory for %zu x %zu doubles", rows,
                        cols);
    m->rows = rows;
    m->cols = cols;
    return DSP_OK;
}

void dsp_mat_free(struct dsp_mat *m)
{
    if (!m)
        return;
    free(m->data);
    m->data = NULL;
    m->rows = m->cols = 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void free_matfile(struct dsp_matfile *f)
{
    free(f->line);
    free(f->path);
    free(f->tmp);
    free(f);
}

/* .npy files here are little-endian ('<f8', '<f4'); where the host is
 * too, values are written as they are in memory. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LITTLE_ENDIAN_HOST 1
#else
#define LITTLE_ENDIAN_HOST 0
#endif

static void put_le64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* The full NPY_HEADER_SIZE-byte header for a (rows, cols) float64 (or,
 * with f32, float32) array. */
static void npy_header(unsigned char *h, size_t rows, size_t cols, int f32)
{
    char dict[NPY_HEADER_SIZE];
    size_t dict_len = NPY_HEADER_SIZE - 10;
    int len = snprintf(dict, sizeof dict, "{'descr': '<f%d', 'fortran_order': False, 'shape': (%zu, %zu), }",
                       f32 ? 4 : 8, rows, cols);
    memcpy(h, "\x93NUMPY\x01\x00", 8);
    h[8] = (unsigned char)(dict_len & 0xff);
    h[9] = (unsigned char)(dict_len >> 8);
    memset(h + 10, ' ', dict_len);
    memcpy(h + 10, dict, (size_t)len);
    h[NPY_HEADER_SIZE - 1] = '\n';
}

static void note_io(struct dsp_matfile *f, int ok)
{
    if (!ok && !f->io_error)
        f->io_error = errno ? errno : EIO;
}

struct dsp_matfile *dsp_matfile_create(const char *path, size_t cols)
{
    struct dsp_matfile *f = NULL;
    if (!path) {
        dsp_fail(DSP_EINVAL, "dsp_matfile_create: path is NULL");
        goto fail;
    }
    if (cols == 0) {
        dsp_fail(DSP_EINVAL, "%s: column count must be at least 1", path);
        goto fail;
    }
    f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        dsp_fail(DSP_ENOMEM, "%s: out of memory", path);
        goto fail;
    }
    f->cols = cols;
    if (strcmp(path, "-") == 0) {
        f->kind = KIND_STDOUT;
        f->fp = stdout;
        return f;
    }
    f->kind = ends_with(path, ".npy") ? KIND_NPY : KIND_TEXT;
    int fd = dsp_outfile_open(path, &f->tmp);
    if (fd < 0) {
        dsp_fail(DSP_EIO, "%s: cannot create the output file: %s", path, strerror(errno));
        goto fail;
    }
    f->fp = fdopen(fd, f->kind == KIND_NPY ? "wb" : "w");
    if (!f->fp) {
        dsp_fail(DSP_EIO, "%s: cannot open %s: %s", path, f->tmp, strerror(errno));
        close(fd);
        dsp_outfile_discard(f->tmp);
        goto fail;
    }
    if (f->kind == KIND_NPY) {
        /* Placeholder header; the real shape is written on commit. */
        unsigned char h[NPY_HEADER_SIZE];
        npy_header(h, 0, cols, 0);
        if (fwrite(h, 1, sizeof h, f->fp) != sizeof h) {
            dsp_fail(DSP_EIO, "%s: cannot write %s: %s", path, f->tmp, strerror(errno));
            fclose(f->fp);
            dsp_outfile_discard(f->tmp);
            goto fail;
        }
        f->started = 1;
    }
    return f;

fail:
    if (f)
        free_matfile(f);
    return NULL;
}

int dsp_matfile_header(struct dsp_matfile *f, const char *key, const char *fmt, ...)
{
    if (!f || !key || !fmt)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_header: NULL argument");
    if (f->started && f->kind != KIND_NPY)
        return dsp_fail(DSP_EINVAL, "%s: header \"%s\" comes after the first row", f->path, key);
    if (!*key || strcmp(key, "rows") == 0 || strcmp(key, "columns") == 0)
        return dsp_fail(DSP_EINVAL, "%s: header key \"%s\" is empty or reserved for the writer",
                        f->path, key);
    for (const char *p = key; *p; p++)
        if (*p == ':' || *p == '\n' || *p == '\r')
            return dsp_fail(DSP_EINVAL, "%s: header key \"%s\" holds ':' or a line break", f->path,
                            key);
    char value[1024];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= sizeof value || strpbrk(value, "\r\n"))
        return dsp_fail(DSP_EINVAL, "%s: value of header \"%s\" is longer than %zu or has a line break",
                        f->path, key, sizeof value - 1);
    if (f->kind == KIND_NPY)
        return DSP_OK;   /* .npy has no place for parameters: dropped, as documented */
    note_io(f, fprintf(f->fp, "# %s: %s\n", key, value) >= 0);
    return DSP_OK;
}

/* Writes the writer's own header lines before the first row or block. */
static void start_text(struct dsp_matfile *f)
{
    if (f->started)
        return;
    f->started = 1;
    if (f->kind == KIND_TEXT && f->tmp) {
        /* A fixed-width field: the count is only known on commit. A file
         * written in place (a device, a FIFO) cannot be revisited, so it
         * goes without, like standard output. */
        note_io(f, fputs("# rows: ", f->fp) >= 0);
        f->rows_offset = ftell(f->fp);
        note_io(f, f->rows_offset >= 0);
        note_io(f, fprintf(f->fp, "%*s\n", ROWS_FIELD, "") >= 0);
    }
    note_io(f, fprintf(f->fp, "# columns: %zu\n", f->cols) >= 0);
}

int dsp_matfile_set_float32(struct dsp_matfile *f)
{
    if (!f)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_set_float32: NULL file");
    if (f->rows > 0)
        return dsp_fail(DSP_EINVAL, "%s: float32 must be chosen before the first row", f->path);
    f->f32 = 1;
    return DSP_OK;
}

int dsp_matfile_write_row(struct dsp_matfile *f, const double *row)
{
    if (!f || !row)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_write_row: NULL argument");
    if (f->kind == KIND_NPY && f->f32) {
        unsigned char buf[4 * 64];
        for (size_t c = 0; c < f->cols; c += 64) {
            size_t k = f->cols - c < 64 ? f->cols - c : 64;
            for (size_t i = 0; i < k; i++) {
                float v = (float)row[c + i];
                uint32_t bits;
                memcpy(&bits, &v, 4);
                if (LITTLE_ENDIAN_HOST)
                    memcpy(buf + 4 * i, &bits, 4);
                else
                    for (int b = 0; b < 4; b++)
                        buf[4 * i + (size_t)b] = (unsigned char)(bits >> (8 * b));
            }
            note_io(f, fwrite(buf, 4, k, f->fp) == k);
        }
    } else if (f->kind == KIND_NPY && LITTLE_ENDIAN_HOST) {
        /* the row's bytes are already '<f8': no copy (byte by byte, the
         * copy below was a quarter of `dsplab stft -o x.npy`'s time) */
        note_io(f, fwrite(row, 8, f->cols, f->fp) == f->cols);
    } else if (f->kind == KIND_NPY) {
        unsigned char buf[8 * 64];
        for (size_t c = 0; c < f->cols; c += 64) {
            size_t k = f->cols - c < 64 ? f->cols - c : 64;
            for (size_t i = 0; i < k; i++) {
                uint64_t bits;
                memcpy(&bits, &row[c + i], 8);
                put_le64(buf + 8 * i, bits);
            }
            note_io(f, fwrite(buf, 8, k, f->fp) == k);
        }
    } else {
        if (!f->line && !(f->line = malloc(dsp_matfile_row_text_max(f))))
            return dsp_fail(DSP_ENOMEM, "%s: out of memory for a row of %zu values", f->path,
                            f->cols);
        size_t len = dsp_matfile_format_row(f, row, f->line, dsp_matfile_row_text_max(f));
        return dsp_matfile_write_text_row(f, f->line, len);
    }
    f->rows++;
    if (f->io_error)
        return dsp_fail(DSP_EIO, "%s: write failed: %s", f->path, strerror(f->io_error));
    return DSP_OK;
}

/* A value takes at most 24 characters: "-1.2345678901234567e-308" with
 * %.17g (%.9g's and "-inf", "-nan" are shorter), and one separator. */
#define VALUE_TEXT_MAX 25

size_t dsp_matfile_row_text_max(const struct dsp_matfile *f)
{
    return f && f->kind != KIND_NPY ? f->cols * VALUE_TEXT_MAX + 2 : 0;
}

size_t dsp_matfile_format_row(const struct dsp_matfile *f, const double *row, char *buf,
                              size_t cap)
{
    size_t need = dsp_matfile_row_text_max(f);
    if (need == 0 || !row || !buf || cap < need)
        return 0;
    size_t len = 0;
    /* %.9g reads back as the same float32 */
    for (size_t c = 0; c < f->cols; c++) {
        int k = f->f32 ? snprintf(buf + len, cap - len, c ? " %.9g" : "%.9g", (double)(float)row[c])
                       : snprintf(buf + len, cap - len, c ? " %.17g" : "%.17g", row[c]);
        len += k > 0 ? (size_t)k : 0;
    }
    buf[len++] = '\n';
    buf[len] = '\0';
    return len;
}

int dsp_matfile_write_text_row(struct dsp_matfile *f, const char *line, size_t len)
{
    if (!f || !line)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_write_text_row: NULL argument");
    if (f->kind == KIND_NPY)
        return dsp_fail(DSP_EINVAL, "%s: a .npy file takes rows of values, not text", f->path);
    start_text(f);
    note_io(f, fwrite(line, 1, len, f->fp) == len);
    f->rows++;
    if (f->io_error)
        return dsp_fail(DSP_EIO, "%s: write failed: %s", f->path, strerror(f->io_error));
    return DSP_OK;
}

int dsp_matfile_new_block(struct dsp_matfile *f)
{
    if (!f)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_new_block: NULL file");
    if (f->kind == KIND_NPY)
        return dsp_fail(DSP_EINVAL, "%s: a .npy file holds one matrix, not blocks", f->path);
    start_text(f);
    note_io(f, fputs("\n\n", f->fp) >= 0);
    return f->io_error ? dsp_fail(DSP_EIO, "%s: write failed: %s", f->path, strerror(f->io_error))
                       : DSP_OK;
}

void dsp_matfile_abort(struct dsp_matfile *f)
{
    if (!f)
        return;
    if (f->kind == KIND_STDOUT) {
        fflush(stdout);
    } else {
        fclose(f->fp);
        dsp_outfile_discard(f->tmp);
    }
    free_matfile(f);
}

int dsp_matfile_commit(struct dsp_matfile *f)
{
    if (!f)
        return dsp_fail(DSP_EINVAL, "dsp_matfile_commit: NULL file");
    int status = DSP_OK;
    if (f->kind != KIND_NPY)
        start_text(f);   /* an empty matrix still says its shape */
    if (fflush(f->fp) != 0)
        note_io(f, 0);
    if (f->kind == KIND_STDOUT) {
        status = f->io_error ? dsp_fail(DSP_EIO, "standard output: write failed: %s",
                                        strerror(f->io_error))
                             : DSP_OK;
        free_matfile(f);
        return status;
    }
    int fd = fileno(f->fp);
    if (!f->tmp) {
        /* written in place to a device: its header cannot be revisited */
    } else if (!f->io_error && f->kind == KIND_TEXT) {
        char num[ROWS_FIELD + 1];
        snprintf(num, sizeof num, "%-*zu", ROWS_FIELD, f->rows);
        note_io(f, pwrite(fd, num, ROWS_FIELD, (off_t)f->rows_offset) == ROWS_FIELD);
    } else if (!f->io_error) {
        unsigned char h[NPY_HEADER_SIZE];
        npy_header(h, f->rows, f->cols, f->f32);
        note_io(f, pwrite(fd, h, sizeof h, 0) == (ssize_t)sizeof h);
    }
    if (fclose(f->fp) != 0)
        note_io(f, 0);
    if (f->io_error) {
        status = dsp_fail(DSP_EIO, "%s: write failed: %s", f->path, strerror(f->io_error));
        dsp_outfile_discard(f->tmp);
    } else if (dsp_outfile_finish(f->path, f->tmp) != 0) {
        status = dsp_fail(DSP_EIO, "%s: cannot rename %s into place: %s", f->path, f->tmp,
                          strerror(errno));
    }
    free_matfile(f);
    return status;
}

/* ---- reading ---- */

static int read_npy(const char *path, struct dsp_mat *m)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return dsp_fail(DSP_EIO, "%s: cannot open: %s", path, strerror(errno));
    int status = DSP_OK;
    char *dict = NULL;
    unsigned char pre[12];
    if (fread(pre, 1, 10, fp) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0) {
        status = dsp_fail(DSP_EFORMAT, "%s: not a .npy file (no \\x93NUMPY magic)", path);
        goto done;
    }
    size_t hlen;
    if (pre[6] == 1) {
        hlen = (size_t)pre[8] | (size_t)pre[9] << 8;
    } else if (pre[6] == 2 || pre[6] == 3) {
        if (fread(pre + 10, 1, 2, fp) != 2) {
            status = dsp_fail(DSP_EFORMAT, "%s: truncated .npy header", path);
            goto done;
        }
        hlen = (size_t)pre[8] | (size_t)pre[9] << 8 | (size_t)pre[10] << 16 |
               (size_t)pre[11] << 24;
    } else {
        status = dsp_fail(DSP_EFORMAT, "%s: unsupported .npy version %d.%d", path, pre[6], pre[7]);
        goto done;
    }
    if (hlen > (1u << 20) || !(dict = malloc(hlen + 1)) || fread(dict, 1, hlen, fp) != hlen) {
        status = dsp_fail(DSP_EFORMAT, "%s: truncated or oversized .npy header (%zu bytes)", path,
                          hlen);
        goto done;
    }
    dict[hlen] = '\0';
    const char *d = strstr(dict, "'descr'"), *o = strstr(dict, "'fortran_order'"),
               *s = strstr(dict, "'shape'");
    if (!d || !o || !s) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy header lacks descr, fortran_order or shape", path);
        goto done;
    }
    d = strchr(d + 7, '\'');
    if (!d || (strncmp(d, "'<f8'", 5) != 0 && strncmp(d, "'<f4'", 5) != 0)) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy data type is not little-endian float64 ('<f8') "
                          "or float32 ('<f4')", path);
        goto done;
    }
    size_t esize = d[3] == '4' ? 4 : 8;
    o += 15;
    while (*o == ' ' || *o == ':')
        o++;
    if (strncmp(o, "False", 5) != 0) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy array is not in C order", path);
        goto done;
    }
    s = strchr(s + 7, '(');
    size_t dims[2] = {0, 1};
    int ndim = 0;
    if (s) {
        s++;
        while (ndim < 3) {
            while (*s == ' ')
                s++;
            if (*s == ')')
                break;
            char *end;
            errno = 0;
            unsigned long long v = strtoull(s, &end, 10);
            if (end == s || errno || *s == '-') {
                ndim = -1;
                break;
            }
            if (ndim < 2)
                dims[ndim] = (size_t)v;
            ndim++;
            s = end;
            while (*s == ' ')
                s++;
            if (*s == ',')
                s++;
        }
    }
    if (!s || ndim < 1 || ndim > 2) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy shape must have 1 or 2 dimensions", path);
        goto done;
    }
    /* A 1-D array of n values reads as n rows of one column, like a text
     * file with one value per line. */
    /* Check the claim against the file's size before allocating for it. */
    long here = ftell(fp);
    if (here < 0 || fseek(fp, 0, SEEK_END) != 0) {
        status = dsp_fail(DSP_EIO, "%s: cannot seek: %s", path, strerror(errno));
        goto done;
    }
    long end = ftell(fp);
    if (end < here || fseek(fp, here, SEEK_SET) != 0) {
        status = dsp_fail(DSP_EIO, "%s: cannot seek: %s", path, strerror(errno));
        goto done;
    }
    size_t avail = (size_t)(end - here) / esize;
    if ((dims[1] != 0 && dims[0] > avail / dims[1])) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy data is truncated: shape (%zu, %zu) needs more "
                          "than the %zu values present", path, dims[0], dims[1], avail);
        goto done;
    }
    if (dsp_mat_alloc(m, dims[0], dims[1]) != DSP_OK) {
        status = dsp_fail(DSP_EFORMAT, "%s: .npy shape (%zu, %zu) is too large to hold", path,
                          dims[0], dims[1]);
        goto done;
    }
    size_t count = dims[0] * dims[1];
    unsigned char buf[8 * 256];
    for (size_t i = 0; i < count;) {
        size_t k = count - i < 256 ? count - i : 256;
        if (fread(buf, esize, k, fp) != k) {
            status = dsp_fail(DSP_EFORMAT, "%s: .npy data is truncated: shape (%zu, %zu) needs "
                              "%zu values", path, dims[0], dims[1], count);
            dsp_mat_free(m);
            goto done;
        }
        for (size_t j = 0; j < k; j++) {
            if (esize == 4) {
                uint32_t bits = 0;
                for (int b = 3; b >= 0; b--)
                    bits = (bits << 8) | buf[4 * j + (size_t)b];
                float v;
                memcpy(&v, &bits, 4);
                m->data[i + j] = v;
            } else {
                uint64_t bits = get_le64(buf + 8 * j);
                memcpy(&m->data[i + j], &bits, 8);
            }
        }
        i += k;
    }
done:
    free(dict);
    fclose(fp);
    return status;
}

static int is_blank_or_comment(const char *line)
{
    while (isspace((unsigned char)*line))
        line++;
    return *line == '\0' || *line == '#';
}

int dsp_mat_read(const char *path, struct dsp_mat *m)
{
    if (!m)
        return dsp_fail(DSP_EINVAL, "dsp_mat_read: matrix is NULL");
    m->rows = m->cols = 0;
    m->data = NULL;
    if (!path)
        return dsp_fail(DSP_EINVAL, "dsp_mat_read: path is NULL");
    if (ends_with(path, ".npy"))
        return read_npy(path, m);

    FILE *fp = fopen(path, "r");
    if (!fp)
        return dsp_fail(DSP_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t linecap = 0, lineno = 0, rows = 0, cols = 0, cap = 0;
    double *data = NULL;
    int status = DSP_OK;
    while (getline(&line, &linecap, fp) >= 0) {
        lineno++;
        if (is_blank_or_comment(line))
            continue;
        size_t count = 0;
        char *p = line;
        for (;;) {
            while (isspace((unsigned char)*p))
                p++;
            if (!*p)
                break;
            char *end;
            double v = strtod(p, &end);
            if (end == p || (*end && !isspace((unsigned char)*end))) {
                char *tok_end = p;
                while (*tok_end && !isspace((unsigned char)*tok_end))
                    tok_end++;
                status = dsp_fail(DSP_EFORMAT, "%s:%zu: \"%.*s\" is not a number", path, lineno,
                                  (int)(tok_end - p > 40 ? 40 : tok_end - p), p);
                goto done;
            }
            if (rows == 0 && count == cols) {
                cols++;   /* the first row decides the width */
            } else if (count >= cols) {
                count++;
                while (*end) {   /* count the rest for the message */
                    while (isspace((unsigned char)*end))
                        end++;
                    if (!*end)
                        break;
                    count++;
                    while (*end && !isspace((unsigned char)*end))
                        end++;
                }
                break;
            }
            if (rows * cols + count >= cap) {
                size_t want = cap ? cap * 2 : 1024;
                if (want > SIZE_MAX / sizeof *data) {
                    status = dsp_fail(DSP_ENOMEM, "%s:%zu: too many values", path, lineno);
                    goto done;
                }
                double *bigger = realloc(data, want * sizeof *data);
                if (!bigger) {
                    status = dsp_fail(DSP_ENOMEM, "%s:%zu: out of memory", path, lineno);
                    goto done;
                }
                data = bigger;
                cap = want;
            }
            data[rows * cols + count] = v;
            count++;
            p = end;
        }
        if (count != cols) {
            status = dsp_fail(DSP_EFORMAT, "%s:%zu: %zu values on this row, expected %zu as on "
                              "the first row", path, lineno, count, cols);
            goto done;
        }
        rows++;
    }
    if (ferror(fp)) {
        status = dsp_fail(DSP_EIO, "%s: read error: %s", path, strerror(errno));
        goto done;
    }
    if (rows == 0) {
        /* An empty matrix: its width comes from the "# columns:" line if any. */
        char buf[32];
        free(data);
        data = NULL;
        fclose(fp);
        fp = NULL;
        size_t c = 0;
        if (dsp_datafile_header_value(path, "columns", buf, sizeof buf) == DSP_OK)
            c = strtoul(buf, NULL, 10);
        free(line);
        return dsp_mat_alloc(m, 0, c);
    }
    m->rows = rows;
    m->cols = cols;
    m->data = data;
    data = NULL;
done:
    free(data);
    free(line);
    if (fp)
        fclose(fp);
    return status;
}

int dsp_datafile_header_value(const char *path, const char *key, char *buf, size_t bufsize)
{
    if (!path || !key || !buf || bufsize == 0)
        return dsp_fail(DSP_EINVAL, "dsp_datafile_header_value: NULL argument or empty buffer");
    FILE *fp = fopen(path, "r");
    if (!fp)
        return dsp_fail(DSP_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t linecap = 0, keylen = strlen(key);
    int status = 1;   /* not found yet; the message is set only on failure */
    while (getline(&line, &linecap, fp) >= 0) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\n' || *p == '\0')
            continue;
        if (*p != '#')
            break;   /* the header ends at the first row */
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, key, keylen) != 0 || p[keylen] != ':')
            continue;
        p += keylen + 1;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strlen(p);
        while (len > 0 && isspace((unsigned char)p[len - 1]))
            len--;   /* includes the padding of the rows line */
        if (len >= bufsize) {
            status = dsp_fail(DSP_EINVAL, "%s: value of \"%s\" (%zu characters) does not fit in "
                              "%zu bytes", path, key, len, bufsize);
        } else {
            memcpy(buf, p, len);
            buf[len] = '\0';
            status = DSP_OK;
        }
        break;
    }
    free(line);
    fclose(fp);
    if (status == 1)
        status = dsp_fail(DSP_EFORMAT, "%s: no header line \"# %s: ...\"", path, key);
    return status;
}
