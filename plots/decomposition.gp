# decomposition.gp — up to 4 sounds (e.g. a sound, its sinusoidal part, the
# residual, the stochastic approximation) as stacked spectrograms on one
# time axis and one dB scale. Data: p1file..p4file with p<i>nx, p<i>ny,
# p<i>x0, p<i>dx, p<i>y0, p<i>dy as in spectrogram.gp; label1..label4.
load plotdir.'/common.gp'
scaled = 1
load plotdir.'/specaxes.gp'
set multiplot layout npanels,1 title title margins 0.09, 0.86, 0.1, 0.92 spacing 0, 0.03
set colorbox user origin screen 0.88, screen 0.1 size screen 0.02, screen 0.82
do for [i = 1:npanels] {
    f = value(sprintf('p%dfile', i))
    set label 1 value(sprintf('label%d', i)) at graph 0.01, graph 0.9 left front \
        textcolor rgb 'white' font ',12'
    if (i > 1) { unset colorbox }
    if (i < npanels) { set format x ''; unset xlabel } else { set format x '%g'; set xlabel 'time (s)' }
    plot f binary array=(value(sprintf('p%dnx', i)),value(sprintf('p%dny', i))) format='%float32' \
         dx=value(sprintf('p%ddx', i)) dy=value(sprintf('p%ddy', i)) \
         origin=(value(sprintf('p%dx0', i)),value(sprintf('p%dy0', i))) with image
}
unset multiplot
load plotdir.'/finish.gp'
