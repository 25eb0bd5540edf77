/*
 * datafile.h — matrices in files: dsplab's text format and NumPy's .npy.
 *
 * The text format, read as it is by gnuplot, numpy.loadtxt and diff:
 *     # dsplab stft
 *     # file: voice.wav
 *     # sample_rate: 44100
 *     # rows: 87
 *     # columns: 1025
 *     -12.5 -13.25 ...
 * Header lines start with '#', hold "key: value" pairs, and state every
 * parameter and the shape. Then one row per line, values separated by single
 * spaces, each printed with %.17g so it reads back bit-exact. A file may
 * hold several blocks separated by two blank lines (gnuplot's "index").
 *
 * A name ending in ".npy" gets a NumPy .npy file instead: float64,
 * little-endian, C order, shape (rows, columns); header lines are dropped.
 * The name "-" writes text to standard output, without the "# rows:" line
 * (the count is unknown until the end and stdout cannot be rewritten).
 * In a file the rows line counts the rows of all blocks together and is
 * space-padded to a fixed width (so it can be filled in on commit).
 *
 * Files are written under a temporary name in the same folder and renamed
 * on dsp_matfile_commit(), so a failure never leaves a partial file.
 * Rows are streamed: a writer holds one row at a time, never the matrix.
 *
 *     struct dsp_matfile *f = dsp_matfile_create("out.txt", 1025);
 *     dsp_matfile_header(f, "sample_rate", "%g", 44100.0);
 *     for (...) dsp_matfile_write_row(f, row);
 *     if (dsp_matfile_commit(f) != DSP_OK) ...   // frees f either way
 */
#ifndef DSPLAB_DATAFILE_H
#define DSPLAB_DATAFILE_H

#include <stddef.h>

/* A dense row-major matrix: element (r, c) is data[r * cols + c]. */
struct dsp_mat {
    size_t rows, cols;
    double *data;
};

/* Allocates rows*cols zeros; NULL data on failure (returns DSP_ENOMEM). */
int dsp_mat_alloc(struct dsp_mat *m, size_t rows, size_t cols);
void dsp_mat_free(struct dsp_mat *m);   /* frees data, zeroes the struct */

struct dsp_matfile;

/* Opens path ("-" = stdout) for rows of cols values. NULL on failure (an
 * unwritable folder, cols == 0), with dsp_last_error() naming the path. */
struct dsp_matfile *dsp_matfile_create(const char *path, size_t cols);

/* Adds a header line "# key: value" (value printf-style). Must come before
 * the first row; "rows" and "columns" lines are added by the writer. For a
 * text file written to a path the rows line is finalised on commit. */
int dsp_matfile_header(struct dsp_matfile *f, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Stores the values as float32 (each rounded to nearest): .npy '<f4'
 * instead of '<f8', text with %.9g (which reads back as the same float).
 * Call before the first row; DSP_EINVAL after it. */
int dsp_matfile_set_float32(struct dsp_matfile *f);

/* Appends one row of cols values. */
int dsp_matfile_write_row(struct dsp_matfile *f, const double *row);

/* Text files, formatted apart from writing (several threads may format
 * rows for one file at once; only dsp_matfile_write_text_row writes):
 *   dsp_matfile_row_text_max  the most bytes a row's line can take, its
 *                             newline and a terminating NUL included; 0 for
 *                             .npy files, which have no text rows;
 *   dsp_matfile_format_row    row's line, exactly as dsp_matfile_write_row
 *                             would write it, into buf (cap at least the
 *                             maximum); returns its length without the NUL
 *                             (0 for .npy). Reads only f's column count
 *                             and precision;
 *   dsp_matfile_write_text_row  appends such a line as the next row. */
size_t dsp_matfile_row_text_max(const struct dsp_matfile *f);
size_t dsp_matfile_format_row(const struct dsp_matfile *f, const double *row, char *buf,
                              size_t cap);
int dsp_matfile_write_text_row(struct dsp_matfile *f, const char *line, size_t len);

/* Starts a new block (text: two blank lines; .npy: not allowed, DSP_EINVAL). */
int dsp_matfile_new_block(struct dsp_matfile *f);

/* Flushes, finalises and renames into place; frees f whatever happens. */
int dsp_matfile_commit(struct dsp_matfile *f);

/* Deletes the temporary file and frees f. NULL is a no-op. */
void dsp_matfile_abort(struct dsp_matfile *f);

/* Reads a text-format file (or .npy by its name) into m (allocated; caller
 * frees with dsp_mat_free). Blank lines and block breaks are skipped, so
 * blocks come back stacked; every row must have the same count of values.
 * DSP_EIO / DSP_EFORMAT with a message naming the file and line. A file
 * without rows gives m->rows == 0 (cols from "# columns:" or the .npy
 * shape). A 1-D .npy of n values reads as n rows of 1 column; only '<f8'
 * and '<f4' (converted to double) in C order are accepted. */
int dsp_mat_read(const char *path, struct dsp_mat *m);

/* Looks up "# key: value" in a text file's header; copies value into buf.
 * DSP_EFORMAT if the key is absent, DSP_EINVAL if the value (trailing
 * spaces removed) does not fit in bufsize. Only the leading '#' lines are
 * searched. */
int dsp_datafile_header_value(const char *path, const char *key, char *buf, size_t bufsize);

#endif
