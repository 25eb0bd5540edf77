/*
 * Lesson 01, Part 6 — A sound you can listen to
 *
 * Implement write_tone_ex(): make n = round(seconds * fs) samples of a tone
 *     x[i] = amp * cos(2*pi*freq*i / fs),   i = 0 .. n-1
 * and write them to path as a mono, 16-bit WAV file at fs Hz, e.g. with
 *     dsp_audio_write_wav(path, x, n, 1, fs, DSP_WAV_PCM16)   (<dsplab/audio.h>)
 * Allocate x with malloc and free it before returning.
 *
 * path     the file to write          amp   0 <= |amp| <= 1
 * freq     Hz                         seconds > 0          fs  Hz, > 0
 * Returns DSP_OK, DSP_EINVAL for a bad parameter (or seconds * fs rounding
 * to 0 samples), or the status of the write (DSP_EIO, ...).
 *
 * EXAMPLE  write_tone_ex("a4.wav", 0.5, 440, 1.0, 8000) writes 8000 samples
 *   starting 0.5, 0.4704403..., 0.3852566...; play it with `aplay a4.wav`.
 *   16-bit samples are steps of 1/32768: the grader reads the file back and
 *   allows 2/32768 per sample.
 * HINT  round() or llround() from <math.h>. pi is acos(-1.0); M_PI also works
 *       here (the grader compiles with _DEFAULT_SOURCE) but is not standard C.
 * CHECK make grade LESSON=01 ONLY=tone
 */
#include "exercise.h"

int write_tone_ex(const char *path, double amp, double freq, double seconds, double fs)
{
    /* YOUR CODE HERE */
    (void)path;
    (void)amp;
    (void)freq;
    (void)seconds;
    (void)fs;
    return DSP_ETODO;
}
