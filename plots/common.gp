# common.gp — loaded first by every figure script: the terminal, fonts and
# line styles. The variables come from the file dsplab writes before it
# runs gnuplot (term, outfile, width, height, plotdir, title, ...).
if (term eq 'svg') {
    set terminal svg size width, height dynamic enhanced font 'Sans,11' background rgb 'white'
    set output outfile
} else {
    if (term eq 'window') {
        if (strstrt(GPVAL_TERMINALS, 'qt') > 0) {
            set terminal qt size width, height enhanced font 'Sans,11'
        } else {
            if (strstrt(GPVAL_TERMINALS, 'wxt') > 0) {
                set terminal wxt size width, height enhanced font 'Sans,11'
            } else {
                if (strstrt(GPVAL_TERMINALS, 'x11') > 0) {
                    set terminal x11 size width, height enhanced font 'Sans,11'
                } else {
                    # gnuplot-nox: no window; dsplab keeps the PNG instead
                    term = 'png'
                    set terminal pngcairo size width, height enhanced font 'Sans,11' background rgb 'white'
                    set output outfile
                }
            }
        }
    } else {
        set terminal pngcairo size width, height enhanced font 'Sans,11' background rgb 'white'
        set output outfile
    }
}
load plotdir.'/viridis.pal'
set style line 1 lc rgb '#1f4e79' lw 1.2
set style line 2 lc rgb '#c0392b' lw 1.2
set style line 3 lc rgb '#333333' lw 1.2 dt 2
set style line 4 lc rgb '#e67e22' lw 1.5
set style line 9 lc rgb '#999999' lw 1 dt 3
set grid ls 9
set key noautotitle
set datafile nofpe_trap
# 1000 -> "1k", 2000 -> "2k", 500 -> "500" (frequency tics)
hzlabel(f) = f >= 1000 ? sprintf('%gk', f/1000.0) : sprintf('%g', f)
