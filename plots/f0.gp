# f0.gp — an f0 contour over a spectrogram: the drawing of tracks.gp, with
# dsplab setting isf0 (one thick line, unvoiced frames left out).
load plotdir.'/tracks.gp'
