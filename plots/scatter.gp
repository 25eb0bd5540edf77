# scatter.gp — two descriptors of many sounds, one colour per class: what a
# classifier sees in two of its dimensions (dsplab features --table).
# Data: for each word i of ids, datadir/class<id>.bin holds word i of
# counts records of 2 float64 (x, y); word i of labels names the class.
load plotdir.'/common.gp'
set title title
set xlabel xname noenhanced
set ylabel yname noenhanced
if (logx) { set logscale x }
if (logy) { set logscale y }
set key outside right top vertical noenhanced title 'class'
# colours that stay apart for colour-blind readers (Okabe and Ito)
array colours[8] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']
array shapes[8] = [7, 5, 9, 11, 13, 15, 7, 5]
plot for [i=1:words(ids)] sprintf('%s/class%s.bin', datadir, word(ids, i)) \
     binary record=(int(word(counts, i))) format='%float64%float64' using 1:2 \
     with points pt shapes[(i - 1) % 8 + 1] ps 1.3 lc rgb colours[(i - 1) % 8 + 1] \
     title word(labels, i)
load plotdir.'/finish.gp'
