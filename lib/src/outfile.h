/*
 * outfile.h (private) — opening output files so that a failure never leaves
 * a partial file: write to a temporary beside the target, rename on success.
 *
 * An existing target that is not a regular file (a device such as
 * /dev/null, a FIFO, a terminal) is written in place instead: renaming over
 * it would replace the device with a plain file, which root is allowed to do.
 */
#ifndef DSPLAB_OUTFILE_H
#define DSPLAB_OUTFILE_H

/* Returns an fd open for reading and writing, or -1 with errno set. *tmp
 * receives the malloc'd temporary name ("<path>.tmpXXXXXX", mode 0666 less
 * the umask), or NULL when path is written in place. */
int dsp_outfile_open(const char *path, char **tmp);

/* Renames tmp over path (nothing to do when tmp is NULL). 0, or -1 with
 * errno set, in which case tmp has been removed. Frees nothing. */
int dsp_outfile_finish(const char *path, const char *tmp);

/* Removes the temporary (nothing when tmp is NULL). */
void dsp_outfile_discard(const char *tmp);

#endif
