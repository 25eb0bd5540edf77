#!/usr/bin/python3
"""Reference values for resampy's kaiser_best resampler (resample.h's
DSP_RESAMPLE_KAISER_BEST) and for the VGGish preset fed at 44.1 kHz, used by
tests/test_resample.c and tests/test_vggish.c.

There is no resampy here (no PyPI), so this script restates what resampy
0.4 publishes, in numpy float64 (Debian numpy 1.24):
  - the filter (resampy/filters.py, made by scripts/create_filter.py):
    sinc_window(num_zeros=50, precision=13, window=scipy.signal.kaiser
    (beta=12.9846), rolloff=0.917347), i.e. the right wing
        h[k] = r * sinc(r * k / 2**13) * kaiser(2 n + 1, beta)[n + k],
        n = 50 * 2**13 = 409600, k = 0 .. n,
    with beta and r as filters.py's docstring prints them (6 digits; the
    stored kaiser_best.npz holds the optimiser's full-precision values, a
    difference in the 7th digit);
  - resampy.resample: output length int(len * sr_new / sr_orig) (floor);
    h scaled by sr_new/sr_orig when downsampling; interp_delta = diff(h)
    with a final 0; output t at input time t * (1 / sample_ratio); each
    wing read every int(min(1, ratio) * 2**13) table entries from the
    fractional offset, linearly interpolated, over the samples that exist
    (interpn.py's _resample_loop).
The Kaiser window uses numpy.i0 (scipy.signal.kaiser uses scipy.special.i0;
both are Cephes' Chebyshev expansion).

Run from the repository root:  /usr/bin/python3 tests/gen/resampy_ref.py
It rewrites tests/data/resampy_*.txt.
"""
import numpy as np

import mel_ref

OUT = "tests/data/"
ZEROS, PRECISION, BETA, ROLLOFF = 50, 13, 12.9846, 0.917347


def kaiser_best_wing():
    num_table = 2 ** PRECISION
    n = num_table * ZEROS
    sinc_win = ROLLOFF * np.sinc(ROLLOFF * np.linspace(0, ZEROS, num=n + 1, endpoint=True))
    taper = np.kaiser(2 * n + 1, BETA)[n:]
    return taper * sinc_win, num_table


def resample(x, sr_orig, sr_new):
    win, num_table = kaiser_best_wing()
    ratio = float(sr_new) / sr_orig
    n_out = int(len(x) * sr_new / sr_orig)
    if ratio < 1:
        win = ratio * win
    delta = np.zeros_like(win)
    delta[:-1] = np.diff(win)
    scale = min(1.0, ratio)
    step = int(scale * num_table)
    nwin = len(win)
    y = np.zeros(n_out)
    inc = 1.0 / ratio
    for t in range(n_out):
        time = t * inc
        n = int(time)
        frac = scale * (time - n)
        index_frac = frac * num_table
        offset = int(index_frac)
        eta = index_frac - offset
        i_max = min(n + 1, (nwin - offset) // step)
        idx = offset + np.arange(i_max) * step
        acc = np.sum((win[idx] + eta * delta[idx]) * x[n - np.arange(i_max)])
        frac = scale - frac
        index_frac = frac * num_table
        offset = int(index_frac)
        eta = index_frac - offset
        k_max = min(len(x) - n - 1, (nwin - offset) // step)
        idx = offset + np.arange(k_max) * step
        acc += np.sum((win[idx] + eta * delta[idx]) * x[n + 1 + np.arange(k_max)])
        y[t] = acc
    return y


def signal_44k(n):
    """mel_ref's test signal at 44.1 kHz plus 0.1 sin(2 pi 7200 t / sr), a
    tone where kaiser_best has rolled off (tests/test_resample.c builds the
    same with mel_ref_signal)."""
    sr = 44100.0
    t = np.arange(n, dtype=np.float64)
    return mel_ref.test_signal(n, sr) + 0.1 * np.sin(2.0 * np.pi * 7200.0 * t / sr)


def gain_db(freq):
    """Gain of 44.1 -> 16 kHz at freq: a 1 s sine through the resampler,
    amplitude by least squares on the middle 8000 output samples."""
    sr = 44100.0
    t = np.arange(44100, dtype=np.float64)
    y = resample(np.sin(2.0 * np.pi * freq * t / sr), 44100, 16000)
    k = np.arange(4000, 12000)
    c, s = np.cos(2 * np.pi * freq * k / 16000.0), np.sin(2 * np.pi * freq * k / 16000.0)
    a = np.linalg.lstsq(np.stack([c, s], axis=1), y[k], rcond=None)[0]
    return 20.0 * np.log10(np.hypot(a[0], a[1]))


def main():
    # 42995 samples at 44.1 kHz -> floor(42995 * 16000 / 44100) = 15599 at
    # 16 kHz (ceil would give 15600 and VGGish a 96th frame).
    x = signal_44k(42995)
    y = resample(x, 44100, 16000)
    assert len(y) == 15599
    keep = sorted(set(range(0, 300)) | set(range(300, 15299, 16)) | set(range(15299, 15599)))
    mel_ref.write_rows("resampy_kb_44100_16000.txt",
                       ["resampy.resample(x, 44100, 16000, filter='kaiser_best') of "
                        "signal_44k(42995): 15599 samples; rows: index value (samples 0-299, "
                        "every 16th from 300, the last 300)"],
                       np.array([[i, y[i]] for i in keep]))
    L = mel_ref.vggish_log_mel(y)
    assert L.shape == (95, 64)
    mel_ref.write_rows("resampy_vggish_44100.txt",
                       ["vggish mel_features.log_mel_spectrogram of resampy.resample("
                        "signal_44k(42995), 44100, 16000): 95 frames x 64 bands"], L)
    freqs = [1000.0, 3000.0, 6000.0, 7000.0, 7200.0, 7500.0, 7800.0]
    mel_ref.write_rows("resampy_kb_gain.txt",
                       ["gain in dB of kaiser_best 44100 -> 16000 Hz at each frequency: "
                        "rows: freq_hz gain_db"],
                       np.array([[f, gain_db(f)] for f in freqs]))


if __name__ == "__main__":
    main()
