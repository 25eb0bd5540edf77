# feedback.gp — a failed grader comparison: the student's output against
# the reference (above), the error against the tolerance (below, log
# scale); the mismatching index ranges are shaded in both.
# Data: fbfile, nrec records of 5 float64 (index, got, expected, |err|,
# tol = atol + rtol*|expected|); runs, a string "first last first last ...".
load plotdir.'/common.gp'
set multiplot layout 2,1
set title title
set xrange [ilo:ihi]
set lmargin 12
set rmargin 3
set style rect fc rgb '#f5b7b1' fs solid 0.6 noborder
# the shaded runs (half an index wider each side so a single index shows)
if (nruns > 0) {
    do for [i = 1:nruns] {
        a = real(word(runs, 2*i - 1)) - 0.5
        b = real(word(runs, 2*i)) + 0.5
        set object i rect from a, graph 0 to b, graph 1 back
    }
}
span = vhi - vlo > 0 ? vhi - vlo : 1
set yrange [vlo - 0.08*span:vhi + 0.25*span]
set ylabel what
unset xlabel
set key inside top right horizontal maxrows 1 opaque box
plot fbfile binary record=(nrec) format='%5float64' using 1:3 with lines ls 3 lw 2 title 'expected', \
     '' binary record=(nrec) format='%5float64' using 1:2 with lines ls 2 title 'yours', \
     NaN with boxes fc rgb '#f5b7b1' fs solid 0.6 noborder \
         title sprintf('mismatch (%d of %d values)', nbad, nrec)
unset title
set logscale y
set format y '10^{%L}'
set key outside top center horizontal
set yrange [efloor:*]
set ylabel '|yours - expected|'
set xlabel 'index'
plot fbfile binary record=(nrec) format='%5float64' using 1:4 with lines ls 2 title '|error|', \
     '' binary record=(nrec) format='%5float64' using 1:5 with lines ls 3 lw 2 \
         title sprintf('tolerance (atol %g, rtol %g)', atol, rtol)
unset multiplot
load plotdir.'/finish.gp'
