/*
 * try.c — lesson 10 on a real sound (`make try LESSON=10 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file, its
 * default sound and your other files that file calls:
 *
 * try: centroid descriptors.c sounds/speech-front-center.wav
 * try: spread descriptors.c sounds/speech-front-center.wav
 * try: flatness descriptors.c sounds/speech-front-center.wav
 * try: rolloff descriptors.c sounds/speech-front-center.wav
 * try: flux frames.c sounds/piano-a4.wav descriptors.c
 * try: zcr frames.c sounds/speech-front-center.wav descriptors.c
 * try: descriptors frames.c sounds/speech-front-center.wav descriptors.c
 * try: summary summary.c sounds/speech-front-center.wav
 * try: standardize knn.c sounds/violin-a4.wav
 * try: knn knn.c sounds/violin-a4.wav
 * try: confusion crossval.c sounds/violin-a4.wav knn.c
 * try: crossval crossval.c sounds/violin-a4.wav knn.c
 *
 * centroid .. zcr: one value per frame of the sound (Hann 512 divided by
 * its sum, hop 256, frames centred on t * hop; the zcr over the frame's
 * 512 samples), yours against the library's (features.h), drawn as a
 * curve over time beside the library's.
 * descriptors: your descriptors_ex of the sound against dsp_features_frames.
 * summary: your mean and standard deviation of the library's descriptor
 * frames against dsp_summary_mean_std.
 * standardize, knn, confusion, crossval: the labelled clips of
 * data/clips/ (5 classes, 20 each; the library's summaries, 5 stratified
 * folds, seed 2026, k = 3), as in the lesson's tests:
 * standardize: your mean and scale of the 100 summaries against
 * dsp_standardize_fit.
 * knn: fold 0 held out and predicted by your knn_ex from the other folds
 * (scaled by the library), against dsp_knn_predict; and the sound itself,
 * at 16 kHz, classified by your knn_ex from all 100 clips.
 * confusion: the library's cross-validated predictions counted by your
 * confusion_ex, against dsp_confusion_matrix.
 * crossval: your crossval_ex (with your knn.c) against
 * dsp_knn_cross_validate.
 */
#include "try.h"

#include <dsplab/classify.h>
#include <dsplab/features.h>
#include <dsplab/resample.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak centroid_ex
#pragma weak spread_ex
#pragma weak flatness_ex
#pragma weak rolloff_ex
#pragma weak flux_ex
#pragma weak zcr_ex
#pragma weak descriptors_ex
#pragma weak summary_ex
#pragma weak standardize_ex
#pragma weak knn_ex
#pragma weak confusion_ex
#pragma weak crossval_ex

#define NFFT 512
#define HOP 256
#define NB (NFFT / 2 + 1)
#define N_CLASSES 5
#define PER_CLASS 20
#define N_CLIPS (N_CLASSES * PER_CLASS)
#define N_FOLDS 5
#define FOLD_SEED 2026
#define K 3
#define CLIPS "data/clips"

static const char *const classes[N_CLASSES] = {"flute", "noise", "piano", "speech", "violin"};

static const char *const names[DESCRIPTOR_COUNT] = {"centroid", "spread", "flatness",
                                                     "rolloff",  "flux",   "zcr"};
static const char *const units[DESCRIPTOR_COUNT] = {"Hz", "Hz", "ratio", "Hz", "magnitude",
                                                     "crossings per pair"};

/* frame t of x: its magnitude spectrum (the library's STFT) and samples */
static void frame_at(struct dsp_stft *st, const double *x, size_t len, size_t t, double *mag,
                     double *samples)
{
    dsp_stft_magnitude(st, x, len, t, mag);
    for (size_t i = 0; i < NFFT; i++) {
        size_t j = t * HOP + i;
        samples[i] = j >= NFFT / 2 && j - NFFT / 2 < len ? x[j - NFFT / 2] : 0;
    }
}

static void write_curve(const char *name, const double *v, size_t n, int d)
{
    double *rows = try_zeros(2 * n);
    for (size_t t = 0; t < n; t++)
        rows[2 * t] = (double)(t * HOP) / try_fs, rows[2 * t + 1] = v[t];
    char fields[64];
    snprintf(fields, sizeof fields, "time_s %s", names[d]);
    const char *h[] = {"sample_rate", try_rate(), "units", units[d], "fields", fields, NULL};
    try_write_matrix(name, rows, n, 2, h);
    free(rows);
}

/* one descriptor d per frame: yours (through the exercise) against the library's */
static void try_one(const double *x, size_t len, int d)
{
    double w[NFFT], mag[NB], prev[NB], samples[NFFT], bin_hz = try_fs / NFFT;
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, NFFT);
    struct dsp_stft *st = dsp_stft_new(w, NFFT, NFFT, HOP);
    if (!st)
        try_fail("%s", dsp_last_error());
    size_t n = len / HOP + 1;
    double *y = try_zeros(n), *e = try_zeros(n);
    for (size_t t = 0; t < n; t++) {
        memcpy(prev, mag, t ? sizeof mag : 0);
        frame_at(st, x, len, t, mag, samples);
        switch (d) {
        case DESC_CENTROID:
            TRY_NEED(centroid_ex);
            try_status(centroid_ex(mag, NB, bin_hz, y + t), "centroid_ex");
            dsp_spectral_centroid(mag, NB, bin_hz, e + t);
            break;
        case DESC_SPREAD:
            TRY_NEED(spread_ex);
            try_status(spread_ex(mag, NB, bin_hz, y + t), "spread_ex");
            dsp_spectral_spread(mag, NB, bin_hz, e + t);
            break;
        case DESC_FLATNESS:
            TRY_NEED(flatness_ex);
            try_status(flatness_ex(mag, NB, y + t), "flatness_ex");
            dsp_spectral_flatness(mag, NB, e + t);
            break;
        case DESC_ROLLOFF:
            TRY_NEED(rolloff_ex);
            try_status(rolloff_ex(mag, NB, bin_hz, 0.85, y + t), "rolloff_ex");
            dsp_spectral_rolloff(mag, NB, bin_hz, 0.85, e + t);
            break;
        case DESC_FLUX:
            TRY_NEED(flux_ex);
            if (t > 0) {
                try_status(flux_ex(prev, mag, NB, y + t), "flux_ex");
                dsp_spectral_flux(prev, mag, NB, e + t);
            }
            break;
        default:
            TRY_NEED(zcr_ex);
            try_status(zcr_ex(samples, NFFT, y + t), "zcr_ex");
            dsp_zero_crossing_rate(samples, NFFT, e + t);
        }
    }
    printf("the %s (%s) of %zu frames (Hann %d, hop %d)\n", names[d], units[d], n, NFFT, HOP);
    write_curve("yours.txt", y, n, d);
    write_curve("library.txt", e, n, d);
    char what[96];
    snprintf(what, sizeof what, "%s (%s) of each frame, index = frame", names[d], units[d]);
    try_write_compare(what, y, e, 1, n);
    dsp_stft_free(st);
    free(y), free(e);
}

static void library_frames(const double *x, size_t len, double **D, size_t *n)
{
    struct dsp_features_params p = dsp_features_defaults(try_fs);
    p.n_fft = NFFT, p.hop = HOP;
    struct dsp_features *ft = dsp_features_new(&p);
    if (!ft)
        try_fail("%s", dsp_last_error());
    *n = dsp_features_num_frames(ft, len);
    *D = try_zeros(*n * DESCRIPTOR_COUNT);
    if (dsp_features_frames(ft, x, len, *D, *n) != DSP_OK)
        try_fail("%s", dsp_last_error());
    dsp_features_free(ft);
}

static void try_descriptors(const double *x, size_t len)
{
    TRY_NEED(descriptors_ex);
    try_calls = "centroid_ex, spread_ex, flatness_ex, rolloff_ex, flux_ex or zcr_ex";
    double *e;
    size_t n;
    library_frames(x, len, &e, &n);
    double *y = try_zeros(n * DESCRIPTOR_COUNT);
    try_status(descriptors_ex(x, len, try_fs, NFFT, HOP, y, n), "descriptors_ex");
    printf("%zu frames x 6 descriptors (centroid spread flatness rolloff flux zcr)\n", n);
    const char *h[] = {"sample_rate", try_rate(), "fields",
                       "centroid spread flatness rolloff flux zcr", NULL};
    try_write_matrix("yours.txt", y, n, DESCRIPTOR_COUNT, h);
    try_write_matrix("library.txt", e, n, DESCRIPTOR_COUNT, h);
    try_write_compare("D (row = frame; centroid spread flatness rolloff flux zcr)", y, e, n,
                      DESCRIPTOR_COUNT);
    free(y), free(e);
}

static void try_summary(const double *x, size_t len)
{
    TRY_NEED(summary_ex);
    double *D, y[2 * DESCRIPTOR_COUNT], e[2 * DESCRIPTOR_COUNT];
    size_t n;
    library_frames(x, len, &D, &n);
    try_status(summary_ex(D, n, DESCRIPTOR_COUNT, y), "summary_ex");
    dsp_summary_mean_std(D, n, DESCRIPTOR_COUNT, e);
    printf("%-10s %14s %14s   (%zu frames)\n", "", "your mean", "your std", n);
    for (int j = 0; j < DESCRIPTOR_COUNT; j++)
        printf("%-10s %14.6g %14.6g\n", names[j], y[j], y[DESCRIPTOR_COUNT + j]);
    try_write_compare("the 6 means, then the 6 standard deviations", y, e, 1,
                      2 * DESCRIPTOR_COUNT);
    free(D);
}

/* the clips: the library's summaries, labels and folds */
struct clips {
    size_t dim;
    double *X;
    int labels[N_CLIPS], fold[N_CLIPS];
};

static struct dsp_features *clip_features(void)
{
    struct dsp_features_params p = dsp_features_defaults(16000);
    struct dsp_features *ft = dsp_features_new(&p);
    if (!ft)
        try_fail("%s", dsp_last_error());
    return ft;
}

static void load_clips(struct clips *c)
{
    struct dsp_features *ft = clip_features();
    c->dim = dsp_features_summary_len(ft);
    c->X = try_zeros(N_CLIPS * c->dim);
    for (int k = 0; k < N_CLASSES; k++)
        for (int i = 0; i < PER_CLASS; i++) {
            char path[256];
            double *x = NULL, fs = 0;
            size_t n = 0, r = (size_t)(k * PER_CLASS + i);
            snprintf(path, sizeof path, CLIPS "/%s/%s-%02d.wav", classes[k], classes[k], i);
            if (dsp_audio_read_mono(path, &x, &n, &fs) != DSP_OK)
                try_fail("%s: %s (make try runs from the top of the source tree)", path,
                         dsp_last_error());
            if (dsp_features_summary(ft, x, n, c->X + r * c->dim, c->dim) != DSP_OK)
                try_fail("%s: %s", path, dsp_last_error());
            free(x);
            c->labels[r] = k;
        }
    if (dsp_kfold_stratified(c->labels, N_CLIPS, N_CLASSES, N_FOLDS, FOLD_SEED, c->fold) !=
        DSP_OK)
        try_fail("%s", dsp_last_error());
    dsp_features_free(ft);
    printf("%d clips of %s (5 classes), %zu summary values each, %d folds\n", N_CLIPS, CLIPS,
           c->dim, N_FOLDS);
}

static void write_confusion(const int *C, const char *who)
{
    printf("%s confusion (rows: truth, columns: prediction):\n%8s", who, "");
    for (int p = 0; p < N_CLASSES; p++)
        printf(" %7s", classes[p]);
    printf("\n");
    for (int t = 0; t < N_CLASSES; t++) {
        printf("%8s", classes[t]);
        for (int p = 0; p < N_CLASSES; p++)
            printf(" %7d", C[t * N_CLASSES + p]);
        printf("\n");
    }
}

static void compare_ints(const char *what, const int *y, const int *e, size_t n)
{
    double *a = try_zeros(n), *b = try_zeros(n);
    for (size_t i = 0; i < n; i++)
        a[i] = y[i], b[i] = e[i];
    try_write_compare(what, a, b, 1, n);
    free(a), free(b);
}

static void try_standardize(struct clips *c)
{
    TRY_NEED(standardize_ex);
    double *m = try_zeros(c->dim), *s = try_zeros(c->dim);
    double *em = try_zeros(c->dim), *es = try_zeros(c->dim);
    double *y = try_zeros(2 * c->dim), *e = try_zeros(2 * c->dim);
    try_status(standardize_ex(c->X, N_CLIPS, c->dim, m, s), "standardize_ex");
    dsp_standardize_fit(c->X, N_CLIPS, c->dim, em, es);
    memcpy(y, m, c->dim * sizeof *y), memcpy(y + c->dim, s, c->dim * sizeof *y);
    memcpy(e, em, c->dim * sizeof *e), memcpy(e + c->dim, es, c->dim * sizeof *e);
    try_write_compare("mean, then scale, of each summary column", y, e, 1, 2 * c->dim);
    free(m), free(s), free(em), free(es), free(y), free(e);
}

static void try_knn(struct clips *c, const double *x, size_t len)
{
    TRY_NEED(knn_ex);
    size_t dim = c->dim, nt = 0, nq = 0;
    double *train = try_zeros(N_CLIPS * dim), *query = try_zeros(N_CLIPS * dim);
    double *mean = try_zeros(dim), *scale = try_zeros(dim);
    int tl[N_CLIPS], truth[N_CLIPS], pred[N_CLIPS + 1], want[N_CLIPS + 1];
    for (size_t i = 0; i < N_CLIPS; i++) {
        double *row = c->fold[i] ? train + nt * dim : query + nq * dim;
        memcpy(row, c->X + i * dim, dim * sizeof *row);
        if (c->fold[i])
            tl[nt++] = c->labels[i];
        else
            truth[nq++] = c->labels[i];
    }
    dsp_standardize_fit(train, nt, dim, mean, scale);
    dsp_standardize_apply(mean, scale, dim, train, nt, train);
    dsp_standardize_apply(mean, scale, dim, query, nq, query);
    try_status(knn_ex(train, tl, nt, dim, N_CLASSES, K, query, nq, pred), "knn_ex");
    dsp_knn_predict(train, tl, nt, dim, N_CLASSES, K, query, nq, want);
    int right = 0;
    for (size_t i = 0; i < nq; i++)
        right += pred[i] == truth[i];
    printf("fold 0 (%zu clips) from the other %zu: your 3-NN gets %d right\n", nq, nt, right);
    /* the sound itself, at 16 kHz, against all 100 clips */
    struct dsp_resample_params rp = dsp_resample_defaults();
    struct dsp_resample *rs = dsp_resample_new(try_fs, 16000, &rp);
    if (!rs)
        try_fail("%s", dsp_last_error());
    size_t n16 = dsp_resample_out_len(rs, len);
    double *x16 = try_zeros(n16), *v = try_zeros(dim), *all = try_zeros(N_CLIPS * dim);
    if (dsp_resample_process(rs, x, len, x16, n16) != DSP_OK)
        try_fail("%s", dsp_last_error());
    struct dsp_features *ft = clip_features();
    if (dsp_features_summary(ft, x16, n16, v, dim) != DSP_OK)
        try_fail("%s: %s", try_sound, dsp_last_error());
    dsp_standardize_fit(c->X, N_CLIPS, dim, mean, scale);
    dsp_standardize_apply(mean, scale, dim, c->X, N_CLIPS, all);
    dsp_standardize_apply(mean, scale, dim, v, 1, v);
    try_status(knn_ex(all, c->labels, N_CLIPS, dim, N_CLASSES, K, v, 1, pred + nq), "knn_ex");
    dsp_knn_predict(all, c->labels, N_CLIPS, dim, N_CLASSES, K, v, 1, want + nq);
    if (pred[nq] < 0 || pred[nq] >= N_CLASSES)
        try_fail("knn_ex predicted class %d for the sound (classes 0 .. 4)", pred[nq]);
    printf("%s, from all 100 clips: your knn_ex says %s (the library's: %s)\n", try_sound,
           classes[pred[nq]], classes[want[nq]]);
    compare_ints("predicted class of the 20 clips of fold 0, then of the sound", pred, want,
                 nq + 1);
    dsp_resample_free(rs);
    dsp_features_free(ft);
    free(train), free(query), free(mean), free(scale), free(x16), free(v), free(all);
}

static void try_confusion(struct clips *c)
{
    TRY_NEED(confusion_ex);
    int C[N_CLASSES * N_CLASSES], want[N_CLASSES * N_CLASSES];
    /* the library's cross-validated predictions, in clip order */
    int pred[N_CLIPS];
    size_t dim = c->dim;
    double *train = try_zeros(N_CLIPS * dim), *test = try_zeros(dim);
    double *mean = try_zeros(dim), *scale = try_zeros(dim);
    for (int f = 0; f < N_FOLDS; f++) {
        size_t nt = 0;
        int tl[N_CLIPS];
        for (size_t i = 0; i < N_CLIPS; i++)
            if (c->fold[i] != f) {
                memcpy(train + nt * dim, c->X + i * dim, dim * sizeof *train);
                tl[nt++] = c->labels[i];
            }
        dsp_standardize_fit(train, nt, dim, mean, scale);
        dsp_standardize_apply(mean, scale, dim, train, nt, train);
        for (size_t i = 0; i < N_CLIPS; i++)
            if (c->fold[i] == f) {
                dsp_standardize_apply(mean, scale, dim, c->X + i * dim, 1, test);
                dsp_knn_predict(train, tl, nt, dim, N_CLASSES, K, test, 1, pred + i);
            }
    }
    try_status(confusion_ex(c->labels, pred, N_CLIPS, N_CLASSES, C), "confusion_ex");
    dsp_confusion_matrix(c->labels, pred, N_CLIPS, N_CLASSES, want);
    write_confusion(C, "your");
    compare_ints("C (row = truth, column = prediction)", C, want, N_CLASSES * N_CLASSES);
    free(train), free(test), free(mean), free(scale);
}

static void try_crossval(struct clips *c)
{
    TRY_NEED(crossval_ex);
    try_calls = "standardize_ex or knn_ex";
    int C[N_CLASSES * N_CLASSES], want[N_CLASSES * N_CLASSES];
    double acc = -1;
    try_status(crossval_ex(c->X, c->labels, N_CLIPS, c->dim, N_CLASSES, K, c->fold, N_FOLDS, C,
                           &acc), "crossval_ex");
    dsp_knn_cross_validate(c->X, c->labels, N_CLIPS, c->dim, N_CLASSES, K, c->fold, N_FOLDS,
                           want);
    write_confusion(C, "your cross-validated");
    printf("your held-out accuracy: %.2f (the library's: %.2f; chance: 0.20)\n", acc,
           dsp_confusion_accuracy(want, N_CLASSES));
    compare_ints("C (row = truth, column = prediction)", C, want, N_CLASSES * N_CLASSES);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    int d = -1;
    for (int j = 0; j < DESCRIPTOR_COUNT; j++)
        if (strcmp(ex, names[j]) == 0)
            d = j;
    struct clips c = {0};
    if (d >= 0) {
        try_one(x, len, d);
        try_plot("feedback", try_path("compare.txt"), "compare.png",
                 "yours against the library's, frame by frame", NULL);
        free(x);
        return 0;
    }
    if (strcmp(ex, "descriptors") == 0) {
        try_descriptors(x, len);
    } else if (strcmp(ex, "summary") == 0) {
        try_summary(x, len);
    } else if (strcmp(ex, "standardize") == 0 || strcmp(ex, "knn") == 0 ||
               strcmp(ex, "confusion") == 0 || strcmp(ex, "crossval") == 0) {
        load_clips(&c);
        if (ex[0] == 's')
            try_standardize(&c);
        else if (ex[0] == 'k')
            try_knn(&c, x, len);
        else if (ex[1] == 'o')
            try_confusion(&c);
        else
            try_crossval(&c);
        free(c.X);
    } else {
        try_fail("no exercise \"%s\" in lesson 10's try.c (centroid, spread, flatness, rolloff, "
                 "flux, zcr, descriptors, summary, standardize, knn, confusion, crossval)", ex);
    }
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
