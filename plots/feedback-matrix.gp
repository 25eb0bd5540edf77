# feedback-matrix.gp — a failed grader comparison of a matrix (an STFT, a
# mel spectrogram): yours, the expected and yours minus expected as three
# heat maps, row index along x (frames), column index along y (bins,
# bands). dB values are clipped 120 dB below the maximum by dsplab.
# Data: gotfile, expfile, difffile: float32 arrays of mrows x mcols (x
# fastest); zlo, zhi the shared colour range of the first two; dmax the
# 98th percentile of |difference| (the colour limit); nbad of nrec values outside the tolerance.
load plotdir.'/common.gp'
set multiplot layout 3,1 title title
set lmargin 12
set rmargin 14
set xrange [-0.5:mrows - 0.5]
set yrange [-0.5:mcols - 0.5]
set ylabel 'column'
unset xlabel
set cbrange [zlo:zhi]
set title 'yours: '.what
plot gotfile binary array=(mrows,mcols) format='%float32' with image notitle
set title 'expected'
plot expfile binary array=(mrows,mcols) format='%float32' with image notitle
# the difference: white where equal, red where yours is larger, blue smaller
set palette defined (-1 '#2166ac', 0 'white', 1 '#b2182b')
set cbrange [-dmax:dmax]
set title sprintf('yours - expected (%d of %d values outside atol %g, rtol %g; colours saturate at %.3g)', nbad, nrec, atol, rtol, dmax)
set xlabel 'row'
plot difffile binary array=(mrows,mcols) format='%float32' with image notitle
unset multiplot
load plotdir.'/finish.gp'
