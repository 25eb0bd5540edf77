/* cmd_mfcc.c — `dsplab mfcc FILE...`: MFCCs as librosa.feature.mfcc, one
 * file or a batch (the work is in melcommon.c). */
#include "batch.h"
#include "melcommon.h"

static const char help[] =
    "Usage: dsplab mfcc FILE [--n-mfcc K] [--n-fft N] [--hop H] [--win-length W]\n"
    "                   [--n-mels M] [--fmin HZ] [--fmax HZ] [--htk]\n"
    "                   [--norm slaney|none] [--power 1|2] [--top-db D|none] [-o OUT]\n"
    "       dsplab mfcc - --top-db none [--rate HZ] [--channels C] [the options above]\n"
    "       dsplab mfcc FILE... | --list LIST  --out-dir DIR [--format npy|txt]\n"
    "                   [--force] [--jobs N] [the options above]\n"
    "Mel-frequency cepstral coefficients of FILE (mono downmix), as\n"
    "librosa.feature.mfcc with its defaults: the mel spectrogram (see dsplab\n"
    "melspec --help; same options and defaults) in dB, power_to_db with ref 1.0,\n"
    "amin 1e-10, top_db 80 over the whole file, then the orthonormal DCT-II of\n"
    "each frame's M dB values, first K coefficients. One row per frame, K columns.\n"
    "FILE '-' streams standard input as melspec does (see dsplab melspec --help).\n"
    "\n"
    "      --n-mfcc K      coefficients per frame, 1 <= K <= M (default 20)\n"
    "      --n-fft N       FFT size, N >= 2 (default 2048)\n"
    "      --hop H         hop size in samples (default 512)\n"
    "      --win-length W  window length, W <= N (default N)\n"
    "      --n-mels M      number of mel bands (default 128)\n"
    "      --fmin HZ       lowest band edge (default 0)\n"
    "      --fmax HZ       highest band edge, at most sample_rate/2 (default that)\n"
    "      --htk           HTK mel scale (default Slaney's)\n"
    "      --norm N        slaney (default) or none\n"
    "      --power P       2: power spectrum (default); 1: magnitude\n"
    "      --top-db D      dB clipping range (default 80; none: no clip)\n"
    "      --dtype D       float64 (default) or float32: the spectrum in single\n"
    "                      precision (fftw3f; within 1e-5 of each frame's peak, see\n"
    "                      dsplab/f32.h), written as float32 (.npy '<f4')\n"
    "      --threads T     threads for one input's frames (default: the CPU count;\n"
    "                      1 per worker in a batch); the same bytes for any T\n"
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n" CLI_BATCH_HELP
    "  -h, --help          show this help\n"
    "\n"
    "Examples: dsplab mfcc voice.wav -o voice-mfcc.txt\n"
    "          dsplab mfcc *.wav --out-dir mfcc --n-mfcc 13 --jobs 2\n";

CLI_COMMAND(mfcc)
{
    return cli_mel_main(argc, argv, CLI_MEL_MFCC, help);
}
