# specaxes.gp — the axes shared by the spectrogram figures: time in s,
# frequency in Hz (linear, or log10 Hz with tics at 1-2-5 steps), colour
# box in dB from top - range to top.
set xlabel scaled ? 'time (s)' : 'frame'
set ylabel scaled ? 'frequency (Hz)' : 'bin'
set xrange [xlo:xhi]
set yrange [ylo:yhi]
set cbrange [top - range:top]
set cblabel 'magnitude (dB)'
set grid noxtics noytics
set tics out
if (logf) {
    set ytics ()
    do for [d = 0:5] {
        do for [s in '1 2 5'] {
            f = s * 10.0**d
            if (log10(f) >= ylo && log10(f) <= yhi) { set ytics add (hzlabel(f) log10(f)) }
        }
    }
    set mytics 1
} else {
    set format y '%.0f'
}
