/*
 * status.h — how libdsplab reports failure.
 *
 * Every function that can fail returns an int: DSP_OK (0) on success or a
 * negative DSP_E* code. Constructors (dsp_*_new) return NULL on failure.
 * The library never prints and never exits: after a failure,
 * dsp_last_error() gives a sentence for the user naming the file, the
 * parameter and the values involved, e.g.
 *     "missing.wav: cannot open: No such file or directory"
 *     "hop size (0) must be at least 1"
 * The message belongs to the calling thread and stays until the next failure.
 *
 *     struct dsp_audio a;
 *     if (dsp_audio_read("x.wav", &a) != DSP_OK)
 *         fprintf(stderr, "error: %s\n", dsp_last_error());
 */
#ifndef DSPLAB_STATUS_H
#define DSPLAB_STATUS_H

enum dsp_status {
    DSP_OK = 0,
    DSP_EINVAL = -1,   /* a parameter is out of range (n == 0, hop == 0, N < M, ...) */
    DSP_ENOMEM = -2,   /* an allocation failed */
    DSP_EIO = -3,      /* a file could not be opened, read or written */
    DSP_EFORMAT = -4,  /* a file's contents are not what was expected */
    DSP_EEMPTY = -5,   /* a file or signal holds no samples */
    DSP_ETODO = -6,    /* not implemented yet: exercise stubs return this */
};

/* A fixed one-line description of a status code ("invalid argument", ...). */
const char *dsp_strerror(int status);

/* The detailed message of this thread's most recent failure ("" if none). */
const char *dsp_last_error(void);

/* Records a message for dsp_last_error() (printf-style) and returns status.
 * Lets a failing function write   return dsp_fail(DSP_EINVAL, "...", ...);  */
int dsp_fail(int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
