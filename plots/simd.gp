# simd.gp — lesson 11: nanoseconds per value of mag[k] = w[k] |X[k]| against
# n, four ways, with the sizes where the loop's four arrays (32 n bytes) fill
# the L1 data cache and the L2 cache. Data: datafile (measure.c's simd.txt:
# n scalar novec sse2 avx2), machinefile (its machine.gp).
load plotdir.'/common.gp'
load machinefile
set title title."\n{/*0.8 ".machine."}"
set logscale x 2
set logscale y 2
set format x '2^{%L}'
set xlabel 'n (values per call; the four arrays take 32 n bytes)'
set ylabel 'nanoseconds per value'
set key below
n_l1 = l1_bytes / 32.0
n_l2 = l2_bytes / 32.0
set arrow 1 from n_l1, graph 0 to n_l1, graph 1 nohead ls 3
set arrow 2 from n_l2, graph 0 to n_l2, graph 1 nohead ls 3
set label 1 ' L1d full' at n_l1, graph 0.5 left
set label 2 ' L2 full' at n_l2, graph 0.5 left
plot datafile using 1:2 with linespoints ls 2 pt 7 ps 0.6 title 'winmag\_scalar\_ex: cabs() and a branch, -O2', \
     '' using 1:3 with linespoints ls 1 pt 5 ps 0.6 title 'winmag\_ex, -O2 -fno-tree-vectorize: 1 value per instruction', \
     '' using 1:4 with linespoints ls 4 pt 9 ps 0.7 title 'winmag\_ex, -O3 -fno-math-errno: SSE2, 2 values', \
     '' using 1:5 with linespoints ls 3 pt 11 ps 0.7 title 'winmag\_ex, -O3 -fno-math-errno -mavx2: AVX2, 4 values'
load plotdir.'/finish.gp'
