/*
 * try.c — lesson 06 on a real sound (`make try LESSON=06 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file, its
 * default sound and your other files that file calls:
 *
 * try: twm twm.c sounds/violin-a4.wav
 * try: f0 f0.c sounds/violin-a4.wav twm.c
 * try: harmonics harmonics.c sounds/violin-a4.wav
 * try: inharm inharm.c sounds/piano-a4.wav
 * try: hsynth hsynth.c sounds/violin-a4.wav
 *
 * Peaks: the library's, frame by frame (Blackman 1201, N 2048, H 256,
 * above -90 dB), reduced to each frame's 10 strongest (and less the weakest
 * while together they hold under 1e-3 of their power): then the course's
 * TWM (the first K peaks) and the library's (the K strongest) compare the
 * same peaks. f0 between 100 and 1000 Hz, TWM error below 7.
 * twm: the TWM error of the middle frame for every candidate f0 from 100
 * to 1000 Hz (1 Hz apart), yours against dsp_twm_error: the minimum is the
 * violin's f0.
 * f0: every frame's f0 by your f0_ex (with your twm.c) against the
 * course's rule on dsp_twm_error; your contour over the spectrogram.
 * harmonics: the library's f0 and every frame's peaks through your
 * harmonics_ex (40 harmonics, slope 0.01) against the course's detection
 * (dsp_harmonic_detect_course); your harmonics over the spectrogram.
 * inharm: the library's harmonic analysis of the sound through your
 * inharm_ex: a piano's strings are stiff, so its partials sit above h f0.
 * hsynth: the library's f0 and harmonic amplitudes through your hsynth_ex:
 * yours.wav, against the library's oscillators at h f0 (library.wav); the
 * phases differ, so the comparison is the energy of each hop in dB.
 */
#include "try.h"

#include <dsplab/harmonic.h>
#include <dsplab/signal.h>
#include <dsplab/sine.h>

#include "exercise.h"

#pragma weak twm_ex
#pragma weak f0_ex
#pragma weak harmonics_ex
#pragma weak inharm_ex
#pragma weak hsynth_ex

#define MAXP 512
#define NH 40
#define FMIN 100.0
#define FMAX 1000.0
#define MAXERR 7.0

static struct dsp_harmonic_params hp;

struct frames {
    size_t n;                         /* frames */
    double *pf, *pm, *pp;             /* n x MAXP peaks (all), then the reduced set */
    size_t *np;
    double *rf, *rm;                  /* n x 10: the reduced peaks */
    size_t *nr;
};

/* the strongest <= 10 peaks, by increasing frequency, less the weakest
 * while they hold <= 1e-3 of the power together (the library's K) */
static size_t reduce(const double *f, const double *m, size_t n, double *rf, double *rm)
{
    size_t idx[TWM_MAX_HARMONICS], k = 0;
    for (; k < TWM_MAX_HARMONICS && k < n; k++) {   /* the loudest not yet taken */
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            int taken = 0;
            for (size_t j = 0; j < k; j++)
                taken |= idx[j] == i;
            if (!taken && (best == n || m[i] > m[best]))
                best = i;
        }
        idx[k] = best;
    }
    if (k == 0)
        return 0;
    double total = 0, tail = 0, top = m[idx[0]];
    /* again on what is left, as the library's TWM will, until none goes */
    for (size_t was = 0; was != k;) {
        was = k, total = 0, tail = 0;
        for (size_t i = 0; i < k; i++)
            total += pow(10, (m[idx[i]] - top) / 10);
        while (k > 1 && tail + pow(10, (m[idx[k - 1]] - top) / 10) <= 1e-3 * total)
            tail += pow(10, (m[idx[--k]] - top) / 10);
    }
    /* back in frequency order */
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && idx[b - 1] > idx[b]; b--) {
            size_t t = idx[b];
            idx[b] = idx[b - 1];
            idx[b - 1] = t;
        }
    for (size_t i = 0; i < k; i++)
        rf[i] = f[idx[i]], rm[i] = m[idx[i]];
    return k;
}

static void analyse(const double *x, size_t len, struct frames *fr)
{
    struct dsp_sine_params sp;
    dsp_sine_params_default(&sp, try_fs);
    sp.window = hp.window, sp.m = hp.m, sp.n_fft = hp.n_fft, sp.hop = hp.hop;
    sp.threshold_db = hp.threshold_db;
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&sp);
    if (!sa)
        try_fail("%s", dsp_last_error());
    size_t n = fr->n = dsp_sine_analysis_num_frames(sa, len);
    fr->pf = try_zeros(n * MAXP), fr->pm = try_zeros(n * MAXP), fr->pp = try_zeros(n * MAXP);
    fr->rf = try_zeros(n * 10), fr->rm = try_zeros(n * 10);
    fr->np = calloc(n, sizeof *fr->np), fr->nr = calloc(n, sizeof *fr->nr);
    if (!fr->np || !fr->nr)
        try_fail("out of memory");
    for (size_t k = 0; k < n; k++) {
        dsp_sine_analysis_peaks(sa, x, len, k, fr->pf + k * MAXP, fr->pm + k * MAXP,
                                fr->pp + k * MAXP, MAXP, fr->np + k);
        fr->nr[k] = reduce(fr->pf + k * MAXP, fr->pm + k * MAXP, fr->np[k], fr->rf + k * 10,
                           fr->rm + k * 10);
    }
    dsp_sine_analysis_free(sa);
}

static void free_frames(struct frames *fr)
{
    free(fr->pf), free(fr->pm), free(fr->pp), free(fr->rf), free(fr->rm), free(fr->np);
    free(fr->nr);
}

/* the course's f0 of one frame on the library's TWM error */
static double course_f0(const double *f, const double *m, size_t n)
{
    double best = 0, err = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i] < FMIN || f[i] > FMAX)
            continue;
        double e = dsp_twm_error(f, m, n, f[i]);
        if (best == 0 || e < err)
            best = f[i], err = e;
    }
    return best > 0 && err < MAXERR ? best : 0;
}

static void write_f0(const char *name, const double *f0, size_t n)
{
    double *rows = try_zeros(2 * n);
    for (size_t k = 0; k < n; k++)
        rows[2 * k] = (double)(k * hp.hop) / try_fs, rows[2 * k + 1] = f0[k];
    const char *h[] = {"sample_rate", try_rate(), "fields", "time_s f0_hz", NULL};
    try_write_matrix(name, rows, n, 2, h);
    free(rows);
}

static void try_twm(struct frames *fr)
{
    TRY_NEED(twm_ex);
    size_t k = fr->n / 2, n = fr->nr[k], nc = (size_t)(FMAX - FMIN) + 1;
    const double *f = fr->rf + k * 10, *m = fr->rm + k * 10;
    if (n == 0)
        try_fail("%s: no peaks in the middle frame", try_sound);
    double *y = try_zeros(nc), *e = try_zeros(nc), *rows = try_zeros(2 * nc);
    size_t best = 0;
    for (size_t i = 0; i < nc; i++) {
        double c = FMIN + (double)i;
        try_status(twm_ex(f, m, n, c, y + i), "twm_ex");
        e[i] = dsp_twm_error(f, m, n, c);
        if (y[i] < y[best])
            best = i;
        rows[2 * i] = c, rows[2 * i + 1] = y[i];
    }
    printf("the middle frame (%.3f s): %zu peaks; your TWM error is least at %g Hz "
           "(%.4g)\n", (double)(k * hp.hop) / try_fs, n, FMIN + (double)best, y[best]);
    const char *h[] = {"fields", "f0_hz twm_error", NULL};
    try_write_matrix("yours.txt", rows, nc, 2, h);
    try_write_compare("TWM error at f0 = 100, 101, .. 1000 Hz", y, e, 1, nc);
    free(y), free(e), free(rows);
}

static void try_f0(struct frames *fr)
{
    TRY_NEED(f0_ex);
    try_calls = "twm_ex";
    double *y = try_zeros(fr->n), *e = try_zeros(fr->n);
    size_t voiced = 0;
    for (size_t k = 0; k < fr->n; k++) {
        const double *f = fr->rf + k * 10, *m = fr->rm + k * 10;
        try_status(f0_ex(f, m, fr->nr[k], FMIN, FMAX, MAXERR, y + k), "f0_ex");
        e[k] = course_f0(f, m, fr->nr[k]);
        voiced += y[k] > 0;
    }
    printf("%zu frames, %zu voiced by your f0_ex\n", fr->n, voiced);
    write_f0("yours.txt", y, fr->n);
    write_f0("library.txt", e, fr->n);
    try_write_compare("f0 (Hz) of each frame", y, e, 1, fr->n);
    try_plot("f0", try_path("yours.txt"), "yours-f0.png", "your f0_ex, frame by frame",
             "--sound", try_sound, "--fmax", "4000", NULL);
    free(y), free(e);
}

/* the library's f0 of every frame (TWM with continuity) */
static double *library_f0(const double *x, size_t len, size_t n)
{
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&hp);
    if (!ha)
        try_fail("%s", dsp_last_error());
    double *f0 = try_zeros(n), *hf = try_zeros(n * NH), *hm = try_zeros(n * NH);
    dsp_harmonic_analyze(ha, x, len, f0, hf, hm, NULL, n);
    dsp_harmonic_analysis_free(ha);
    free(hf), free(hm);
    return f0;
}

static void try_harmonics(const double *x, size_t len, struct frames *fr)
{
    TRY_NEED(harmonics_ex);
    size_t n = fr->n;
    double *f0 = library_f0(x, len, n);
    double *hf = try_zeros(n * NH), *hm = try_zeros(n * NH), *hph = try_zeros(n * NH);
    double *ef = try_zeros(n * NH), *em = try_zeros(n * NH);
    for (size_t k = 0; k < n; k++) {
        const double *f = fr->pf + k * MAXP, *m = fr->pm + k * MAXP, *p = fr->pp + k * MAXP;
        try_status(harmonics_ex(f, m, p, fr->np[k], f0[k], NH, hp.harm_dev_slope, try_fs,
                                hf + k * NH, hm + k * NH, hph + k * NH), "harmonics_ex");
        dsp_harmonic_detect_course(f, m, p, fr->np[k], f0[k], NH, try_fs, hp.harm_dev_slope,
                                   NULL, ef + k * NH, em + k * NH, NULL);
    }
    printf("%zu frames x %d harmonics of the library's f0\n", n, NH);
    try_write_tracks("yours.txt", hf, hm, hph, n, NH, hp.hop);
    try_write_tracks("library.txt", ef, em, NULL, n, NH, hp.hop);
    try_write_compare("hfreq (Hz; row = frame, column = harmonic)", hf, ef, n, NH);
    try_plot("tracks", try_path("yours.txt"), "yours-tracks.png", "your harmonics", "--sound",
             try_sound, "--fmax", "10000", NULL);
    free(f0), free(hf), free(hm), free(hph), free(ef), free(em);
}

static void try_inharm(const double *x, size_t len, size_t n)
{
    TRY_NEED(inharm_ex);
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&hp);
    if (!ha)
        try_fail("%s", dsp_last_error());
    double *f0 = try_zeros(n), *hf = try_zeros(n * NH), *hm = try_zeros(n * NH);
    double *per_frame = try_zeros(n);
    dsp_harmonic_analyze(ha, x, len, f0, hf, hm, NULL, n);
    dsp_harmonic_analysis_free(ha);
    double y = 0, sum = 0;
    size_t counted = 0;
    for (size_t l = 0; l < n; l++) {   /* the formula of exercise.h, frame by frame */
        double s = 0;
        size_t r = 0;
        for (size_t h = 1; h <= NH && f0[l] > 0; h++)
            if (hf[l * NH + h - 1] > 0)
                s += fabs(hf[l * NH + h - 1] - (double)h * f0[l]) / (double)h, r++;
        if (r > 0)
            per_frame[l] = s / (double)r, sum += per_frame[l], counted++;
    }
    if (counted == 0)
        try_fail("%s: no voiced frame with harmonics", try_sound);
    double e = sum / (double)counted;
    try_status(inharm_ex(f0, hf, n, NH, &y), "inharm_ex");
    printf("%zu of %zu frames voiced; your inharmonicity: %.4f Hz (library: %.4f Hz)\n", counted,
           n, y, e);
    write_f0("library.txt", per_frame, n);
    try_write_tracks("library-tracks.txt", hf, hm, NULL, n, NH, hp.hop);
    try_write_compare("inharmonicity (Hz)", &y, &e, 1, 1);
    try_plot("tracks", try_path("library-tracks.txt"), "library-tracks.png",
             "the library's harmonics: the high ones drift above h f0", "--sound", try_sound,
             "--fmax", "10000", NULL);
    free(f0), free(hf), free(hm), free(per_frame);
}

static void try_hsynth(const double *x, size_t len, size_t n)
{
    TRY_NEED(hsynth_ex);
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&hp);
    if (!ha)
        try_fail("%s", dsp_last_error());
    double *f0 = try_zeros(n), *hf = try_zeros(n * NH), *hm = try_zeros(n * NH);
    double *a = try_zeros(n * NH), *lf = try_zeros(n * NH), *lm = try_zeros(n * NH);
    dsp_harmonic_analyze(ha, x, len, f0, hf, hm, NULL, n);
    dsp_harmonic_analysis_free(ha);
    for (size_t k = 0; k < n; k++)
        for (size_t h = 1; h <= NH; h++) {
            size_t i = k * NH + h - 1;
            a[i] = hf[i] > 0 ? 2 * pow(10, hm[i] / 20) : 0;   /* mX = 20 log10(A/2) */
            lf[i] = f0[k] > 0 && (double)h * f0[k] < try_fs / 2 ? (double)h * f0[k] : 0;
            lm[i] = hf[i] > 0 ? hm[i] : -400;
        }
    size_t out = n * hp.hop;
    double *y = try_zeros(out), *e = try_zeros(out);
    try_status(hsynth_ex(f0, a, n, NH, hp.hop, try_fs, y, out), "hsynth_ex");
    dsp_sine_synth_time(lf, lm, NULL, n, NH, hp.hop, try_fs, e, out);
    printf("%zu frames x %d harmonics (the library's analysis)\n", n, NH);
    try_write_wav("yours.wav", y, out);
    try_write_wav("library.wav", e, out);
    double *ye = try_zeros(n), *ee = try_zeros(n);
    for (size_t k = 0; k < n; k++) {
        ye[k] = 10 * log10(fmax(dsp_energy(y + k * hp.hop, hp.hop), 1e-20));
        ee[k] = 10 * log10(fmax(dsp_energy(e + k * hp.hop, hp.hop), 1e-20));
    }
    /* phases add up differently within a hop: 2 dB; a wrong amplitude
     * (A instead of A/2) is 6 dB */
    try_atol = 2, try_rtol = 0;
    try_write_compare("the energy of each hop (dB) of your synthesis against the library's",
                      ye, ee, 1, n);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "your hsynth_ex of the library's harmonics", "--fmax", "10000", NULL);
    try_plot("spectrogram", try_path("library.wav"), "library-spectrogram.png",
             "the library's oscillators at h f0", "--fmax", "10000", NULL);
    free(f0), free(hf), free(hm), free(a), free(lf), free(lm), free(y), free(e), free(ye);
    free(ee);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    dsp_harmonic_params_default(&hp, try_fs);
    hp.hop = 256, hp.n_harmonics = NH, hp.min_f0 = FMIN, hp.max_f0 = FMAX;
    hp.max_f0_error = MAXERR;
    struct frames fr = {0};
    analyse(x, len, &fr);
    if (strcmp(ex, "twm") == 0)
        try_twm(&fr);
    else if (strcmp(ex, "f0") == 0)
        try_f0(&fr);
    else if (strcmp(ex, "harmonics") == 0)
        try_harmonics(x, len, &fr);
    else if (strcmp(ex, "inharm") == 0)
        try_inharm(x, len, fr.n);
    else if (strcmp(ex, "hsynth") == 0)
        try_hsynth(x, len, fr.n);
    else
        try_fail("no exercise \"%s\" in lesson 06's try.c (twm, f0, harmonics, inharm, hsynth)",
                 ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free_frames(&fr);
    free(x);
    return 0;
}
