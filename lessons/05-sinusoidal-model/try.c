/*
 * try.c — lesson 05 on a real sound (`make try LESSON=05 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: peaks peaks.c sounds/violin-a4.wav
 * try: interp interp.c sounds/violin-a4.wav
 * try: twosines twosines.c sounds/flute-a5.wav
 * try: track track.c sounds/flute-a5.wav
 * try: synth synth.c sounds/flute-a5.wav
 *
 * The analysis is the library's sine model with the course's defaults
 * (Hamming 2001, N 2048, peaks above -80 dB) but a hop of 256.
 * peaks, interp: the frame in the middle of the sound; your peaks (and
 * their interpolation) against dsp_peaks_detect (dsp_peaks_interp), drawn
 * over the frame's spectrum.
 * twosines: the two strongest partials below fs/4 in the middle of the
 * sound, as measured by the library with a 16385-sample Blackman-Harris
 * frame, are f_true; your estimates against them.
 * track: every frame's peaks through your track_ex (100 slots, offset
 * 20 Hz, slope 0.01, your previous frame fed back) against the library's
 * tracker; your tracks drawn over the spectrogram.
 * synth: the library's tracks of the sound (short ones removed) through
 * your synth_ex: yours.wav, against the library's oscillators without
 * phases (dsp_sine_synth_time, library.wav). A track's phase differs: the
 * library's fade-in ends at phase 0, yours starts at 0; so the comparison
 * is the energy of each hop (in dB), and the two spectrograms.
 */
#include "try.h"

#include <dsplab/dftmodel.h>
#include <dsplab/peaks.h>
#include <dsplab/signal.h>
#include <dsplab/sine.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak peaks_ex
#pragma weak interp_ex
#pragma weak twosines_ex
#pragma weak track_ex
#pragma weak synth_ex

#define SLOTS 100
#define MAXP 512   /* N/4 peaks: never truncated */

static struct dsp_sine_params params;

/* the middle frame's mX, pX (nb bins) and its complex spectrum for the plot */
static void middle_frame(const double *x, size_t len, double *mX, double *pX,
                         double complex *X)
{
    double *w = try_zeros(params.m);
    dsp_window_fill(params.window, 0, DSP_WINDOW_PERIODIC, w, params.m);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, params.m, params.n_fft);
    if (!dm || len < params.m)
        try_fail("%s: %s", try_sound, dm ? "shorter than the 2001-sample window"
                                         : dsp_last_error());
    size_t start = (len - params.m) / 2;
    dsp_dftmodel_analyze(dm, x + start, mX, pX);
    printf("the frame: %zu samples from %.3f s (Hamming, N %zu)\n", params.m,
           (double)start / try_fs, params.n_fft);
    for (size_t k = 0; k <= params.n_fft / 2; k++)
        X[k] = pow(10, mX[k] / 20) * cexp(I * pX[k]);
    dsp_dftmodel_free(dm);
    free(w);
}

static void try_peaks(const double *x, size_t len, int interp)
{
    size_t nb = params.n_fft / 2 + 1;
    double *mX = try_zeros(nb), *pX = try_zeros(nb);
    double complex *X = malloc(nb * sizeof *X);
    size_t loc[MAXP], eloc[MAXP], n = 0, en = 0;
    if (!X)
        try_fail("out of memory");
    middle_frame(x, len, mX, pX, X);
    dsp_peaks_detect(mX, nb, params.threshold_db, eloc, MAXP, &en);
    double y[3 * MAXP] = {0}, e[3 * MAXP] = {0};
    if (!interp) {
        TRY_NEED(peaks_ex);
        try_status(peaks_ex(mX, nb, params.threshold_db, loc, MAXP, &n), "peaks_ex");
        printf("%zu peaks above %g dB (the library finds %zu)\n", n, params.threshold_db, en);
        for (size_t i = 0; i < MAXP; i++) {
            y[i] = i < n ? (double)loc[i] : 0;
            e[i] = i < en ? (double)eloc[i] : 0;
        }
        size_t most = n > en ? n : en;
        try_write_compare("loc (the peaks' bins, in increasing order)", y, e, 1, most ? most : 1);
    } else {
        TRY_NEED(interp_ex);
        double il[MAXP], im[MAXP], ip[MAXP], eil[MAXP], eim[MAXP], eip[MAXP];
        try_status(interp_ex(mX, pX, nb, eloc, en, il, im, ip), "interp_ex");
        dsp_peaks_interp(mX, pX, nb, eloc, en, eil, eim, eip);
        size_t best = 0;
        for (size_t i = 1; i < en; i++)
            if (eim[i] > eim[best])
                best = i;
        if (en)
            printf("the library's %zu peaks interpolated; the strongest:\n"
                   "  yours   %9.3f Hz %7.2f dB %7.3f rad\n"
                   "  library %9.3f Hz %7.2f dB %7.3f rad\n", en,
                   il[best] * try_fs / (double)params.n_fft, im[best], ip[best],
                   eil[best] * try_fs / (double)params.n_fft, eim[best], eip[best]);
        double dp = 0;
        for (size_t i = 0; i < en; i++) {
            y[i] = il[i], y[en + i] = im[i];
            e[i] = eil[i], e[en + i] = eim[i];
            dp = fmax(dp, fabs(ip[i] - eip[i]));
        }
        printf("iphase: the library fits a parabola through the three phases, the exercise "
               "reads pX linearly at iloc; they differ by up to %.3g rad\n", dp);
        try_write_compare("iloc (bins), then imag (dB) of each peak", y, e, 1, 2 * en);
    }
    try_write_spectrum("library.txt", X, params.n_fft, "hamming", params.m);
    try_plot("dft", try_path("library.txt"), "library-dft.png",
             "the frame's spectrum: the peaks are its local maxima above -80 dB", NULL);
    free(mX), free(pX), free(X);
}

static void try_twosines(const double *x, size_t len)
{
    TRY_NEED(twosines_ex);
    enum { M = 16385, N = 65536, NB = N / 2 + 1 };
    if (len < M)
        try_fail("%s: shorter than %d samples", try_sound, M);
    double *w = try_zeros(M), *mX = try_zeros(NB), *pX = try_zeros(NB);
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, M, N);
    if (!dm)
        try_fail("%s", dsp_last_error());
    dsp_dftmodel_analyze(dm, x + (len - M) / 2, mX, pX);
    size_t loc[4096], n = 0;
    double il[4096], im[4096], ip[4096];
    dsp_peaks_detect(mX, NB, -100, loc, 4096, &n);
    dsp_peaks_interp(mX, pX, NB, loc, n, il, im, ip);
    size_t a = n, b = n;
    for (size_t i = 0; i < n; i++) {
        double f = il[i] * try_fs / N;
        if (f < 100 || f > try_fs / 4)
            continue;
        if (a == n || im[i] > im[a])
            b = a, a = i;
        else if (b == n || im[i] > im[b])
            b = i;
    }
    if (b == n)
        try_fail("%s: fewer than two partials between 100 Hz and fs/4", try_sound);
    double ft[2] = {il[a] * try_fs / N, il[b] * try_fs / N};
    if (ft[0] > ft[1])
        ft[0] = il[b] * try_fs / N, ft[1] = il[a] * try_fs / N;
    printf("the two strongest partials (library, Blackman-Harris %d, N %d): %.3f Hz and "
           "%.3f Hz, %.1f dB apart\n", M, N, ft[0], ft[1], fabs(im[a] - im[b]));
    double fe[2] = {0, 0}, err = 0;
    size_t mu = 0, nu = 0;
    try_status(twosines_ex(x, len, try_fs, ft, fe, &err, &mu, &nu), "twosines_ex");
    printf("your estimates: %.3f Hz and %.3f Hz (M %zu, N %zu): *err = %.3g Hz\n", fe[0], fe[1],
           mu, nu, err);
    try_atol = 0.5, try_rtol = 0;   /* a real sound's partials move: half a Hz is close */
    try_write_compare("f_est (Hz) against the library's long-window estimate", fe, ft, 1, 2);
    double complex *X = malloc(NB * sizeof *X);
    if (!X)
        try_fail("out of memory");
    for (size_t k = 0; k < NB; k++)
        X[k] = pow(10, mX[k] / 20) * cexp(I * pX[k]);
    try_write_spectrum("library.txt", X, N, "blackmanharris", M);
    try_plot("dft", try_path("library.txt"), "library-dft.png",
             "the library's long frame: the two strongest partials are f_true", "--fmax", "6000",
             NULL);
    dsp_dftmodel_free(dm);
    free(w), free(mX), free(pX), free(X);
}

/* every frame's peaks (the library's), and the number of frames */
static size_t all_peaks(const double *x, size_t len, double *pf, double *pm, double *pp,
                        size_t *np)
{
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&params);
    if (!sa)
        try_fail("%s", dsp_last_error());
    size_t frames = dsp_sine_analysis_num_frames(sa, len);
    for (size_t k = 0; pf && k < frames; k++)
        dsp_sine_analysis_peaks(sa, x, len, k, pf + k * MAXP, pm + k * MAXP, pp + k * MAXP, MAXP,
                                np + k);
    dsp_sine_analysis_free(sa);
    return frames;
}

static void try_track(const double *x, size_t len)
{
    TRY_NEED(track_ex);
    size_t frames = all_peaks(x, len, NULL, NULL, NULL, NULL);
    double *pf = try_zeros(frames * MAXP), *pm = try_zeros(frames * MAXP);
    double *pp = try_zeros(frames * MAXP);
    size_t *np = calloc(frames, sizeof *np);
    double *tf = try_zeros(frames * SLOTS), *tm = try_zeros(frames * SLOTS);
    double *tp = try_zeros(frames * SLOTS), *ef = try_zeros(frames * SLOTS);
    double *em = try_zeros(frames * SLOTS), *prev = try_zeros(SLOTS);
    if (!np)
        try_fail("out of memory");
    all_peaks(x, len, pf, pm, pp, np);
    struct dsp_sine_tracker *tr = dsp_sine_tracker_new(SLOTS, MAXP, 20, 0.01);
    if (!tr)
        try_fail("%s", dsp_last_error());
    for (size_t k = 0; k < frames; k++) {
        const double *f = pf + k * MAXP, *m = pm + k * MAXP, *p = pp + k * MAXP;
        try_status(track_ex(f, m, p, np[k], prev, SLOTS, 20, 0.01, tf + k * SLOTS,
                            tm + k * SLOTS, tp + k * SLOTS), "track_ex");
        memcpy(prev, tf + k * SLOTS, SLOTS * sizeof *prev);
        dsp_sine_tracker_update(tr, f, m, p, np[k], ef + k * SLOTS, em + k * SLOTS, NULL);
    }
    printf("%zu frames of peaks tracked into %d slots (offset 20 Hz, slope 0.01)\n", frames,
           SLOTS);
    try_write_tracks("yours.txt", tf, tm, tp, frames, SLOTS, params.hop);
    try_write_tracks("library.txt", ef, em, NULL, frames, SLOTS, params.hop);
    try_write_compare("tfreq (Hz; row = frame, column = slot)", tf, ef, frames, SLOTS);
    try_plot("tracks", try_path("yours.txt"), "yours-tracks.png", "your tracks", "--sound",
             try_sound, "--fmax", "8000", NULL);
    try_plot("tracks", try_path("library.txt"), "library-tracks.png", "the library's tracks",
             "--sound", try_sound, "--fmax", "8000", NULL);
    dsp_sine_tracker_free(tr);
    free(pf), free(pm), free(pp), free(np), free(tf), free(tm), free(tp), free(ef), free(em);
    free(prev);
}

static void try_synth(const double *x, size_t len)
{
    TRY_NEED(synth_ex);
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&params);
    if (!sa)
        try_fail("%s", dsp_last_error());
    size_t frames = dsp_sine_analysis_num_frames(sa, len), S = params.max_sines;
    size_t n = frames * params.hop;
    double *f = try_zeros(frames * S), *m = try_zeros(frames * S), *a = try_zeros(frames * S);
    double *y = try_zeros(n), *e = try_zeros(n);
    dsp_sine_analyze(sa, x, len, f, m, NULL, frames);
    size_t min_frames = (size_t)lround(0.02 * try_fs / (double)params.hop);
    dsp_sine_tracks_clean(f, m, NULL, frames, S, min_frames);
    for (size_t i = 0; i < frames * S; i++)
        a[i] = f[i] > 0 ? 2 * pow(10, m[i] / 20) : 0;   /* mX = 20 log10(A/2) */
    try_status(synth_ex(f, a, frames, S, params.hop, try_fs, y, n), "synth_ex");
    dsp_sine_synth_time(f, m, NULL, frames, S, params.hop, try_fs, e, n);
    printf("%zu frames x %zu slots (tracks under %zu frames removed)\n", frames, S, min_frames);
    try_write_wav("yours.wav", y, n);
    /* the energy of each hop, in dB: blind to the phases, which differ from
     * the library's where a track starts (see above) */
    double *ye = try_zeros(frames), *ee = try_zeros(frames);
    for (size_t k = 0; k < frames; k++) {
        ye[k] = 10 * log10(fmax(dsp_energy(y + k * params.hop, params.hop), 1e-20));
        ee[k] = 10 * log10(fmax(dsp_energy(e + k * params.hop, params.hop), 1e-20));
    }
    /* phases add up differently within 128 samples: 2 dB; a wrong amplitude
     * (A instead of A/2) is 6 dB, a missing track more */
    try_atol = 2, try_rtol = 0;
    try_write_compare("the energy of each hop (dB) of your oscillators against the library's",
                      ye, ee, 1, frames);
    try_write_wav("library.wav", e, n);
    free(ye), free(ee);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "your synth_ex of the library's tracks", "--fmax", "8000", NULL);
    try_plot("spectrogram", try_path("library.wav"), "library-spectrogram.png",
             "the library's oscillators (dsp_sine_synth_time)", "--fmax", "8000", NULL);
    dsp_sine_analysis_free(sa);
    free(f), free(m), free(a), free(y), free(e);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    dsp_sine_params_default(&params, try_fs);
    params.hop = 256;   /* half the frames of the course's 128: files half as long */
    if (strcmp(ex, "peaks") == 0)
        try_peaks(x, len, 0);
    else if (strcmp(ex, "interp") == 0)
        try_peaks(x, len, 1);
    else if (strcmp(ex, "twosines") == 0)
        try_twosines(x, len);
    else if (strcmp(ex, "track") == 0)
        try_track(x, len);
    else if (strcmp(ex, "synth") == 0)
        try_synth(x, len);
    else
        try_fail("no exercise \"%s\" in lesson 05's try.c (peaks, interp, twosines, track, "
                 "synth)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
