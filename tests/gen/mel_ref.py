#!/usr/bin/python3
"""Reference constants for tests/test_mel.c, test_melspec.c, test_mfcc.c and
test_vggish.c.

There is no librosa and no TensorFlow here, so this script re-states the
published formulas with numpy (Debian numpy 1.24) in float64:
  - librosa 0.10 filters.mel, core.convert.{hz_to_mel, mel_to_hz,
    mel_frequencies, fft_frequencies}, core.spectrum.{stft (center=True,
    pad_mode='constant'), power_to_db}, feature.spectral.{melspectrogram,
    mfcc (scipy dct type 2, norm='ortho')};
  - tensorflow/models research/audioset/vggish mel_features.py
    (frame, periodic_hann, stft_magnitude, hertz_to_mel,
    spectrogram_to_mel_matrix, log_mel_spectrogram) with vggish_params.py.
librosa builds its filterbank in float32 by default (dtype=np.float32); the
reference here is the float64 evaluation of the same formula, which is what
the C library computes.

Run from the repository root:  /usr/bin/python3 tests/gen/mel_ref.py
It rewrites tests/data/mel_*.txt.
"""
import numpy as np

OUT = "tests/data/"


# ---- the test signal: two sines + seeded LCG noise, reproduced exactly in C
def lcg_noise(n, seed):
    # Numerical Recipes LCG on 32-bit integers; u in [-0.5, 0.5).
    out = np.empty(n)
    s = seed
    for i in range(n):
        s = (1664525 * s + 1013904223) % 4294967296
        out[i] = s / 4294967296.0 - 0.5
    return out


def test_signal(n, sr, seed=12345):
    t = np.arange(n, dtype=np.float64)
    return (0.5 * np.sin(2.0 * np.pi * 440.0 * t / sr)
            + 0.25 * np.sin(2.0 * np.pi * 3000.5 * t / sr + 0.3)
            + 0.01 * lcg_noise(n, seed))


# ---- librosa's mel scales
def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz,
                    min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep,
                    mels)


def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel,
                    min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def librosa_mel(sr, n_fft, n_mels, fmin, fmax, htk, slaney_norm):
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    w = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        w[i] = np.maximum(0, np.minimum(lower, upper))
    if slaney_norm:
        w *= (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, np.newaxis]
    return w


def periodic_hann(n):
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)


def librosa_power_spec(y, n_fft, hop, win_length, power):
    # stft(center=True, pad_mode='constant'): pad n_fft//2 zeros each side,
    # window = hann(win_length, periodic) zero-padded to n_fft in the middle.
    w = np.zeros(n_fft)
    lpad = (n_fft - win_length) // 2
    w[lpad:lpad + win_length] = periodic_hann(win_length)
    yp = np.pad(y, n_fft // 2, mode="constant")
    n_frames = 1 + (len(yp) - n_fft) // hop
    S = np.empty((1 + n_fft // 2, n_frames))
    for k in range(n_frames):
        S[:, k] = np.abs(np.fft.rfft(w * yp[k * hop:k * hop + n_fft])) ** power
    return S


def power_to_db(S, ref, amin=1e-10, top_db=80.0):
    ref_value = np.max(S) if ref == "max" else abs(ref)
    log_spec = 10.0 * np.log10(np.maximum(amin, S))
    log_spec -= 10.0 * np.log10(np.maximum(amin, ref_value))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def dct2_ortho(X):
    # scipy.fftpack.dct(X, type=2, norm='ortho', axis=0)
    N = X.shape[0]
    n = np.arange(N)
    C = np.cos(np.pi * np.outer(n, 2 * n + 1) / (2.0 * N))
    C *= np.sqrt(2.0 / N)
    C[0] *= np.sqrt(0.5)
    return C @ X


# ---- VGGish (mel_features.py + vggish_params.py)
def vggish_hz_to_mel(f):
    return 1127.0 * np.log(1.0 + np.asanyarray(f, dtype=np.float64) / 700.0)


def vggish_mel_matrix(n_mels, n_bins, sr, lo, hi):
    bins_mel = vggish_hz_to_mel(np.linspace(0.0, sr / 2.0, n_bins))
    edges = np.linspace(vggish_hz_to_mel(lo), vggish_hz_to_mel(hi), n_mels + 2)
    W = np.empty((n_bins, n_mels))
    for i in range(n_mels):
        l, c, u = edges[i:i + 3]
        W[:, i] = np.maximum(0.0, np.minimum((bins_mel - l) / (c - l), (u - bins_mel) / (u - c)))
    W[0, :] = 0.0
    return W


def vggish_log_mel(x, sr=16000):
    win = int(round(sr * 0.025))
    hop = int(round(sr * 0.010))
    nfft = 2 ** int(np.ceil(np.log(win) / np.log(2.0)))
    n_frames = 1 + (len(x) - win) // hop
    frames = np.stack([x[k * hop:k * hop + win] for k in range(n_frames)])
    spec = np.abs(np.fft.rfft(frames * periodic_hann(win), nfft))
    mel = spec @ vggish_mel_matrix(64, spec.shape[1], sr, 125.0, 7500.0)
    return np.log(mel + 0.01)


def write_rows(path, header, rows):
    with open(OUT + path, "w") as f:
        for h in header:
            f.write("# " + h + "\n")
        for r in np.atleast_2d(rows):
            f.write(" ".join("%.17g" % v for v in r) + "\n")


def write_sparse_bank(path, header, W):
    rows = [(m, k, W[m, k]) for m in range(W.shape[0]) for k in range(W.shape[1]) if W[m, k] != 0]
    with open(OUT + path, "w") as f:
        for h in header:
            f.write("# " + h + "\n")
        f.write("# rows: band bin weight (bins not listed are 0)\n")
        for m, k, w in rows:
            f.write("%d %d %.17g\n" % (m, k, w))


def main():
    # Filterbanks: sr 22050; (n_fft, n_mels, fmin, fmax) x scale x norm.
    for n_fft, n_mels, fmin, fmax in ((512, 40, 0.0, 11025.0), (2048, 128, 0.0, 11025.0),
                                      (512, 40, 300.0, 8000.0)):
        for htk in (False, True):
            for norm in (False, True):
                W = librosa_mel(22050.0, n_fft, n_mels, fmin, fmax, htk, norm)
                name = "mel_fb_%s_%s_%d_%d_%d.txt" % ("htk" if htk else "slaney",
                                                     "slaney" if norm else "none",
                                                     n_fft, n_mels, int(fmin))
                write_sparse_bank(name, ["librosa.filters.mel(sr=22050, n_fft=%d, n_mels=%d, "
                                         "fmin=%g, fmax=%g, htk=%s, norm=%s) in float64"
                                         % (n_fft, n_mels, fmin, fmax, htk,
                                            "'slaney'" if norm else "None")], W)

    # Mel spectrogram, dB, MFCC of the test signal.
    sr = 22050.0
    y = test_signal(11125, sr)
    # case A: librosa defaults
    S = librosa_power_spec(y, 2048, 512, 2048, 2.0)
    M = librosa_mel(sr, 2048, 128, 0.0, sr / 2, False, True) @ S
    write_rows("mel_spec_a.txt", ["melspectrogram(sr=22050, n_fft=2048, hop=512, n_mels=128) "
                                  "of test_signal(11125); rows = frames"], M.T)
    Dmax = power_to_db(M, "max")
    write_rows("mel_db_a_refmax.txt", ["power_to_db(S, ref=np.max, amin=1e-10, top_db=80)"], Dmax.T)
    D1 = power_to_db(M, 1.0, top_db=None)
    write_rows("mel_db_a_ref1.txt", ["power_to_db(S, ref=1.0, amin=1e-10, top_db=None)"], D1.T)
    C = dct2_ortho(power_to_db(M, 1.0))[:20]
    write_rows("mel_mfcc_a.txt", ["mfcc(n_mfcc=20) = dct(power_to_db(S, ref=1.0, top_db=80), "
                                  "type=2, norm='ortho')[:20]; rows = frames"], C.T)
    # case B: HTK, no norm, magnitude, n_fft 512, win 400, hop 128, 50..8000 Hz
    S = librosa_power_spec(y, 512, 128, 400, 1.0)
    M = librosa_mel(sr, 512, 40, 50.0, 8000.0, True, False) @ S
    write_rows("mel_spec_b.txt", ["melspectrogram(sr=22050, n_fft=512, hop=128, win_length=400, "
                                  "power=1, n_mels=40, fmin=50, fmax=8000, htk=True, norm=None)"],
               M.T)

    # VGGish log-mel of 15600 samples at 16 kHz.
    x = test_signal(15600, 16000.0)
    L = vggish_log_mel(x)
    assert L.shape == (96, 64)
    write_rows("mel_vggish.txt", ["vggish mel_features.log_mel_spectrogram of test_signal(15600, "
                                  "16000): 96 frames x 64 bands"], L)
    # ... and of a length that is not 15600: 16123 samples, 99 frames.
    x = test_signal(16123, 16000.0)
    L = vggish_log_mel(x)
    assert L.shape == (99, 64)
    write_rows("mel_vggish_16123.txt", ["vggish mel_features.log_mel_spectrogram of "
                                        "test_signal(16123, 16000): 99 frames x 64 bands"], L)


if __name__ == "__main__":
    main()
