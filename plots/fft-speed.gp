# fft-speed.gp — lesson 11: seconds per DFT of n complex values, three ways
# (log-log). Data: datafile (measure.c's fft-speed.txt: n naive radix2 fftw),
# machinefile (its machine.gp: l1_bytes, l2_bytes, machine).
load plotdir.'/common.gp'
load machinefile
set title title."\n{/*0.8 ".machine."}"
set logscale xy 2
set format x '2^{%L}'
set format y '10^{%T}'
set logscale y 10
set xlabel 'n (complex values)'
set ylabel 'seconds per transform'
set key top left box opaque
plot datafile using 1:2 with linespoints ls 2 pt 7 ps 0.6 title 'naive DFT (dsp\_dft): n^2 products', \
     '' using 1:3 with linespoints ls 1 pt 5 ps 0.6 title 'radix-2 FFT (the solution of Part 3)', \
     '' using 1:4 with linespoints ls 4 pt 9 ps 0.7 title 'FFTW (dsp\_fft\_forward)'
load plotdir.'/finish.gp'
