/* cmd_melspec.c — `dsplab melspec FILE...`: mel spectrograms, librosa's or
 * VGGish's, one file or a batch (the work is in melcommon.c). */
#include "batch.h"
#include "melcommon.h"

static const char help[] =
    "Usage: dsplab melspec FILE [--n-fft N] [--hop H] [--win-length W] [--n-mels K]\n"
    "                      [--fmin HZ] [--fmax HZ] [--htk] [--norm slaney|none]\n"
    "                      [--power 1|2] [--db] [--top-db D|none] [--preset vggish]\n"
    "                      [-o OUT]\n"
    "       dsplab melspec - [--rate HZ] [--channels C] [the options above]\n"
    "       dsplab melspec FILE... | --list LIST  --out-dir DIR [--format npy|txt]\n"
    "                      [--force] [--jobs N] [the options above]\n"
    "The mel spectrogram of FILE (mono downmix), librosa.feature.melspectrogram's:\n"
    "one row per frame, one column per mel band, after '#' header lines that state\n"
    "every parameter. 1 + L/H frames for L samples (even N); frame k is centred on\n"
    "sample k*H with N/2 zeros padded on each side; periodic Hann window of W\n"
    "samples, |X|^power, triangular mel filters. Rows are written as they are\n"
    "computed, except with --db and a finite --top-db (it needs the maximum).\n"
    "FILE '-' streams standard input (WAV, or raw S16_LE at --rate, default 16000,\n"
    "with --channels, default 1): each row is written as soon as its frame's last\n"
    "sample arrives (--db needs --top-db none; vggish needs 16 kHz), e.g.\n"
    "  arecord -f S16_LE -r 16000 | dsplab melspec - --preset vggish\n"
    "\n"
    "      --n-fft N       FFT size, N >= 2 (default 2048)\n"
    "      --hop H         hop size in samples (default 512)\n"
    "      --win-length W  window length, W <= N (default N)\n"
    "      --n-mels K      number of mel bands (default 128)\n"
    "      --fmin HZ       lowest band edge (default 0)\n"
    "      --fmax HZ       highest band edge, at most sample_rate/2 (default that)\n"
    "      --htk           HTK mel scale 2595 log10(1 + f/700) (default Slaney's)\n"
    "      --norm N        slaney (area 1 per band, in Hz; default) or none (peak 1)\n"
    "      --power P       2: power spectrum (default); 1: magnitude\n"
    "      --db            decibels as librosa.power_to_db: 10 log10(max(1e-10, S)/1)\n"
    "                      (ref 1.0, amin 1e-10), then clipped at max - top_db\n"
    "      --top-db D      clipping range in dB for --db (default 80; none: no clip)\n"
    "      --preset vggish the VGGish/AudioSet log-mel frames: resample to 16 kHz,\n"
    "                      400-sample frames every 160 inside the signal, FFT 512,\n"
    "                      magnitude, 64 bands 125-7500 Hz on 1127 ln(1 + f/700)\n"
    "                      (triangles in mel, no norm, DC zeroed),\n"
    "                      ln(mel + 0.01). --hop, --win-length (in 16 kHz samples),\n"
    "                      --n-mels, --fmin and --fmax change it; --n-fft, --htk,\n"
    "                      --norm, --power, --db and --top-db are usage errors\n"
    "      --dtype D       float64 (default) or float32: the spectrum in single\n"
    "                      precision (fftw3f; within 1e-5 of each frame's peak, see\n"
    "                      dsplab/f32.h), written as float32 (.npy '<f4')\n"
    "      --threads T     threads for one input's frames (default: the CPU count;\n"
    "                      1 per worker in a batch); the same bytes for any T\n"
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n" CLI_BATCH_HELP
    "  -h, --help          show this help\n"
    "\n"
    "Examples: dsplab melspec voice.wav --n-mels 64 --db -o voice-mel.npy\n"
    "          dsplab melspec clip.wav --preset vggish -o clip-logmel.npy\n"
    "          dsplab melspec --list wavs.txt --out-dir feats --jobs 0\n";

CLI_COMMAND(melspec)
{
    return cli_mel_main(argc, argv, CLI_MEL_MELSPEC, help);
}
