# window.gp — a window's shape (left) beside its spectrum (right), with the
# main-lobe width and the highest side-lobe level dsplab measured.
# Data: winfile, m records (n, w[n]); specfile, nspec records
# (frequency in bins of the m-point DFT, dB relative to the peak).
load plotdir.'/common.gp'
set multiplot layout 1,2 title title
set title wname.sprintf(', M = %d', m)
set xlabel 'sample n'
set ylabel 'w[n]'
set xrange [-0.5:m - 0.5]
set autoscale ymax
set yrange [0:*]
set offsets 0, 0, graph 0.05, 0
if (m <= 64) {
    plot winfile binary record=(m) format='%float64%float64' using 1:2 with impulses ls 1, \
         '' binary record=(m) format='%float64%float64' using 1:2 with points ls 1 pt 7 ps 0.5
} else {
    plot winfile binary record=(m) format='%float64%float64' using 1:2 with lines ls 1
}
set offsets 0, 0, 0, 0
set title 'spectrum (zero-padded DFT)'
set xlabel 'frequency (bins of the M-point DFT)'
set ylabel 'magnitude (dB, 0 at the peak)'
set xrange [-span:span]
bottom = side == side ? (side - 40 < -140 ? side - 40 : -140) : -140
set yrange [bottom:5]
if (lobe == lobe) {
    set arrow 1 from -lobe/2, graph 0 to -lobe/2, graph 1 nohead ls 3
    set arrow 2 from lobe/2, graph 0 to lobe/2, graph 1 nohead ls 3
    set arrow 3 from -span, side to span, side nohead ls 4 dt 2
    set label 1 sprintf("main lobe %.2f bins\nhighest side lobe %.1f dB\n-3 dB width %.2f bins", \
        lobe, side, bw3) at graph 0.97, graph 0.95 right front \
        boxed textcolor rgb '#000000'
    set style textbox opaque fc rgb 'white' border lc rgb '#999999'
} else {
    set label 1 sprintf("no side lobes within the plotted range\n-3 dB width %.2f bins", bw3) \
        at graph 0.97, graph 0.95 right front
}
plot specfile binary record=(nspec) format='%float64%float64' using 1:2 with lines ls 1
unset multiplot
load plotdir.'/finish.gp'
