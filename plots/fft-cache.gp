# fft-cache.gp — lesson 11: nanoseconds per butterfly, t / ((n/2) log2 n),
# against n, with the sizes where the n complex values (16 n bytes) fill the
# L1 data cache and the L2 cache, from n = 16 (below, the call's own
# overhead dominates). Data: as fft-speed.gp.
load plotdir.'/common.gp'
load machinefile
set title title."\n{/*0.8 ".machine."}"
set logscale x 2
set format x '2^{%L}'
set xlabel 'n (complex values; the data take 16 n bytes)'
set ylabel 'nanoseconds per butterfly'
set xrange [16:*]
set yrange [0:*]
set key top left box opaque
n_l1 = l1_bytes / 16.0
n_l2 = l2_bytes / 16.0
set arrow 1 from n_l1, graph 0 to n_l1, graph 1 nohead ls 3
set arrow 2 from n_l2, graph 0 to n_l2, graph 1 nohead ls 3
set label 1 sprintf(' data = L1d (%d KiB)', l1_bytes / 1024) at n_l1, graph 0.95 left
set label 2 sprintf(' data = L2 (%d MiB)', l2_bytes / 1048576) at n_l2, graph 0.95 left
butterflies(n) = n / 2.0 * log(n) / log(2.0)
plot datafile using 1:(1e9 * $3 / butterflies($1)) with linespoints ls 1 pt 5 ps 0.6 \
         title 'radix-2 FFT (the solution of Part 3)', \
     '' using 1:(1e9 * $4 / butterflies($1)) with linespoints ls 4 pt 9 ps 0.7 \
         title 'FFTW (same count of butterflies)'
load plotdir.'/finish.gp'
