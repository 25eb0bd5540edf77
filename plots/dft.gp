# dft.gp — one frame's DFT: magnitude in dB above, unwrapped phase below.
# Data: dftfile, nrec records of 3 float64 (freq_hz, mag_db, phase_rad).
load plotdir.'/common.gp'
set multiplot layout 2,1 title title.(strlen(desc) > 0 ? "\n{/*0.9 ".desc."}" : '')
set lmargin 10
set rmargin 3
set xrange [fmin:fmax]
set ylabel 'magnitude (dB)'
set yrange [top - range:top + 5]
unset xlabel
plot dftfile binary record=(nrec) format='%float64%float64%float64' using 1:2 with lines ls 1
set xlabel 'frequency (Hz)'
set ylabel 'phase (rad)'
set autoscale y
plot dftfile binary record=(nrec) format='%float64%float64%float64' using 1:3 with lines ls 2
unset multiplot
load plotdir.'/finish.gp'
