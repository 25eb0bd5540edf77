# waveform.gp — a sound's waveform: the min/max envelope of the samples in
# each pixel column (computed by dsplab), or the samples themselves when
# there are fewer of them than pixels.
# Data: wavefile, nrec records of 3 float64 (time_s, min, max).
load plotdir.'/common.gp'
set title title
set xlabel 'time (s)'
set ylabel 'amplitude'
set xrange [t0:t1]
lim = peak > 0 ? 1.05 * peak : 1
set yrange [-lim:lim]
set xzeroaxis ls 9
if (envelope) {
    plot wavefile binary record=(nrec) format='%float64%float64%float64' \
         using 1:2:3 with filledcurves ls 1 fs solid 1.0, \
         '' binary record=(nrec) format='%float64%float64%float64' using 1:2 with lines ls 1, \
         '' binary record=(nrec) format='%float64%float64%float64' using 1:3 with lines ls 1
} else {
    plot wavefile binary record=(nrec) format='%float64%float64%float64' \
         using 1:2 with linespoints ls 1 pt 7 ps 0.4
}
load plotdir.'/finish.gp'
