# melspec.gp — a mel spectrogram (dB) or MFCCs: rows frames, columns bands
# or coefficients, one pixel row per band. Same data layout as
# spectrogram.gp; y is the band (coefficient) index.
load plotdir.'/common.gp'
set title title
set xlabel scaled ? 'time (s)' : 'frame'
set ylabel ismfcc ? 'MFCC coefficient' : 'mel band'
set xrange [xlo:xhi]
set yrange [-0.5:nbands - 0.5]
set cbrange [low:top]
set cblabel (ismfcc ? 'value (c0 clipped)' : 'power (dB)') offset 1.5
set rmargin 14
set grid noxtics noytics
set tics out
plot imgfile binary array=(imgnx,imgny) format='%float32' \
     dx=imgdx dy=imgdy origin=(imgx0,imgy0) with image
load plotdir.'/finish.gp'
